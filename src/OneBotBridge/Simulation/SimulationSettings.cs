namespace OneBotBridge.Simulation;

/// <summary>What the <c>simulate</c> command line asked for.</summary>
/// <param name="Demo">Play the automatic demo conversation.</param>
/// <param name="Webhook">Deliver events by signed HTTP callbacks instead of the gateway.</param>
internal sealed record SimulationSettings(bool Demo, bool Webhook = false);
