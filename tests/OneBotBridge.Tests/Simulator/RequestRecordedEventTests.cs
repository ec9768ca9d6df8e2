namespace OneBotBridge.Tests.Simulator;

public sealed class RequestRecordedEventTests
{
    [Test]
    public async Task Every_answered_request_is_raised_with_its_answer()
    {
        await using var scenario = await SimulatorScenario.StartAsync();
        var seen = new List<OneBotBridge.Simulator.RecordedRequest>();
        scenario.Simulator.RequestRecorded += request =>
        {
            lock (seen)
            {
                seen.Add(request);
            }
        };

        var token = await scenario.Http.GetTokenAsync();
        await scenario.Http.CallAsync(HttpMethod.Get, "/gateway", token: token);

        lock (seen)
        {
            Assert.That(seen.Select(r => (r.Method, r.Path, r.ResponseStatus)), Is.EqualTo(new[]
            {
                ("POST", "/app/getAppAccessToken", 200),
                ("GET", "/gateway", 200),
            }));
        }
    }
}
