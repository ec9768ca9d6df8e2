namespace OneBotBridge.Conformance;

public enum FixtureOutcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>How one fixture went; <see cref="Detail"/> is the first mismatch of a failure or the reason for a skip.</summary>
public sealed record FixtureResult(Fixture Fixture, FixtureOutcome Outcome, string Detail = "")
{
    public string Line => Outcome switch
    {
        FixtureOutcome.Passed => $"PASS {Fixture.Name}",
        FixtureOutcome.Failed => $"FAIL {Fixture.Name}: {Detail}",
        _ => $"SKIP {Fixture.Name}: {Detail}",
    };
}
