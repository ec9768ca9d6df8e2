namespace OneBotBridge.Simulator.Gateway;

/// <summary>An accepted Identify: which shard of how many, with which intents.</summary>
internal sealed record IdentifyRequest(int ShardIndex, int ShardCount, long Intents);
