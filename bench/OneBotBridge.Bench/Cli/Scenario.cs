namespace OneBotBridge.Bench.Cli;

/// <summary>The scenarios a verb runs.</summary>
[Flags]
internal enum Scenario
{
    Events = 1,
    Relay = 2,
    Actions = 4,
    Connections = 8,
    Startup = 16,
    All = Events | Relay | Actions | Connections | Startup,
}
