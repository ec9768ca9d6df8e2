namespace OneBotBridge.OneBot.Abstractions;

/// <summary>
/// What the OneBot side knows of the bot: its id and name, and whether the upstream is healthy.
/// Written by whoever owns the upstream connection, read by transports (connect and heartbeat
/// events, <c>X-Self-ID</c>) and by the status actions.
/// </summary>
public sealed class BotState
{
    private long _selfId;
    private volatile string _nickname = "";
    private volatile bool _online;
    private volatile bool _good;

    public long SelfId
    {
        get => Interlocked.Read(ref _selfId);
        set => Interlocked.Exchange(ref _selfId, value);
    }

    public string Nickname
    {
        get => _nickname;
        set => _nickname = value;
    }

    /// <summary>The bridge process is up and serving.</summary>
    public bool Online
    {
        get => _online;
        set => _online = value;
    }

    /// <summary>The upstream QQ session is connected and ready.</summary>
    public bool Good
    {
        get => _good;
        set => _good = value;
    }
}
