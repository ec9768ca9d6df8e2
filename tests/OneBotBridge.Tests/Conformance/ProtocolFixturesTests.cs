using OneBotBridge.Conformance;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.Conformance;

/// <summary>Every conversation in protocol-fixtures/ against the real pipeline, with events by the gateway and by webhook.</summary>
public sealed class ProtocolFixturesTests
{
    [TestCase(QQTransport.WebSocket)]
    [TestCase(QQTransport.Webhook)]
    public async Task Every_protocol_fixture_passes(QQTransport transport)
    {
        var fixtures = FixtureDirectory.Load(RepositoryFiles.PathOf("protocol-fixtures"));
        var results = new List<FixtureResult>();
        foreach (var fixture in fixtures)
        {
            var result = await FixtureRunner.RunAsync(fixture, transport, CancellationToken.None);
            TestContext.Out.WriteLine(result.Line);
            results.Add(result);
        }

        var failures = results.Where(r => r.Outcome == FixtureOutcome.Failed).Select(r => r.Line).ToList();
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
        Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(FixtureOutcome.Passed));
        Assert.That(fixtures, Has.Count.GreaterThanOrEqualTo(50));
    }
}
