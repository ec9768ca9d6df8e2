using OneBotBridge.Conformance;

namespace OneBotBridge.Tests.Conformance;

/// <summary>Every conversation in protocol-fixtures/ against the real pipeline.</summary>
public sealed class ProtocolFixturesTests
{
    [Test]
    public async Task Every_protocol_fixture_passes()
    {
        var fixtures = FixtureDirectory.Load(RepositoryPath("protocol-fixtures"));
        var results = new List<FixtureResult>();
        foreach (var fixture in fixtures)
        {
            var result = await FixtureRunner.RunAsync(fixture, CancellationToken.None);
            TestContext.Out.WriteLine(result.Line);
            results.Add(result);
        }

        var failures = results.Where(r => r.Outcome == FixtureOutcome.Failed).Select(r => r.Line).ToList();
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));

        // A skip is only allowed for a fixture that says it needs the outbound half, and only while that half is missing.
        var skipped = results.Where(r => r.Outcome == FixtureOutcome.Skipped).Select(r => r.Fixture.File).ToList();
        var needOutbound = fixtures.Where(f => f.RequiresOutbound).Select(f => f.File).ToList();
        Assert.That(skipped, Is.EqualTo(needOutbound));
        Assert.That(fixtures, Has.Count.GreaterThanOrEqualTo(50));
    }

    internal static string RepositoryPath(string relative)
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OneBotBridge.sln")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        throw new InvalidOperationException("repository root (OneBotBridge.sln) not found above the test directory");
    }
}
