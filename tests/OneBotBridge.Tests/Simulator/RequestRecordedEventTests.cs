using OneBotBridge.Simulator;

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

    [Test]
    public async Task The_request_log_keeps_the_latest_requests_up_to_its_capacity()
    {
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { RequestLogCapacity = 3 });
        var http = new SimulatorHttp(simulator);
        var raised = 0;
        simulator.RequestRecorded += _ => Interlocked.Increment(ref raised);

        var token = await http.GetTokenAsync();
        foreach (var path in new[] { "/gateway", "/gateway/bot", "/users/@me", "/gateway" })
        {
            await http.CallAsync(HttpMethod.Get, path, token: token);
        }

        Assert.That(simulator.Requests.Select(request => request.Path), Is.EqualTo(new[] { "/gateway/bot", "/users/@me", "/gateway" }));
        Assert.That(raised, Is.EqualTo(5), "every request is still raised");
    }

    [Test]
    public async Task A_request_log_of_capacity_zero_keeps_none_and_still_raises_each()
    {
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { RequestLogCapacity = 0 });
        var http = new SimulatorHttp(simulator);
        var raised = 0;
        simulator.RequestRecorded += _ => Interlocked.Increment(ref raised);

        var token = await http.GetTokenAsync();
        await http.CallAsync(HttpMethod.Get, "/gateway", token: token);

        Assert.That(simulator.Requests, Is.Empty);
        Assert.That(raised, Is.EqualTo(2));
    }

    [Test]
    public void A_negative_request_log_capacity_is_refused()
    {
        var refused = Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            async () => await QQSimulator.StartAsync(new QQSimulatorOptions { RequestLogCapacity = -1 }));

        Assert.That(refused!.ParamName, Is.EqualTo(nameof(QQSimulatorOptions.RequestLogCapacity)));
    }
}
