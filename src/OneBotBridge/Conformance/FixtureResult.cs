namespace OneBotBridge.Conformance;

public enum FixtureOutcome
{
    Passed,
    Failed,
}

/// <summary>How one fixture went; <see cref="Detail"/> is the first mismatch of a failure.</summary>
public sealed record FixtureResult(Fixture Fixture, FixtureOutcome Outcome, string Detail = "")
{
    public string Line => Outcome switch
    {
        FixtureOutcome.Passed => $"PASS {Fixture.Name}",
        _ => $"FAIL {Fixture.Name}: {Detail}",
    };
}
