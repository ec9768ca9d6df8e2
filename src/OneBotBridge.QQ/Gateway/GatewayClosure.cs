namespace OneBotBridge.QQ.Gateway;

internal enum ClosureKind
{
    /// <summary>The server closed the socket with a close code.</summary>
    ServerClosed,

    /// <summary>The socket failed or ended without a close frame.</summary>
    TransportFailed,

    /// <summary>A heartbeat went unacknowledged until the next was due: the link is dead.</summary>
    Zombie,

    /// <summary>op 7: the server asks for a reconnect and Resume.</summary>
    ReconnectRequested,

    /// <summary>op 9: the session is gone.</summary>
    InvalidSession,
}

/// <summary>Why one gateway connection ended.</summary>
internal sealed record GatewayClosure(ClosureKind Kind, int? CloseCode = null, string? Reason = null, Exception? Error = null)
{
    public override string ToString() => Kind switch
    {
        ClosureKind.ServerClosed => $"closed by the server with {CloseCode} {Reason}".TrimEnd(),
        ClosureKind.TransportFailed => $"connection lost ({Error?.Message ?? Reason ?? "no close frame"})",
        ClosureKind.Zombie => "heartbeat not acknowledged (zombie connection)",
        ClosureKind.ReconnectRequested => "server asked for a reconnect (op 7)",
        _ => "session invalidated by the server (op 9)",
    };
}
