namespace OneBotBridge.Simulation;

/// <summary>What the <c>simulate</c> command line asked for.</summary>
internal sealed record SimulationSettings(bool Demo);
