namespace OneBotBridge.QQ.Gateway;

/// <summary>A connection attempt ended before READY/RESUMED; the reconnect pipeline tries again after a backoff.</summary>
internal sealed class GatewayConnectException(int shardId, GatewayClosure closure)
    : Exception($"shard {shardId}: {closure} before the session was ready");
