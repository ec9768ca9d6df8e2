using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.OneBot.Configuration;

/// <summary>The <c>onebot</c> section of bridge.yaml.</summary>
public sealed class OneBotOptions
{
    /// <summary>0 means: derive from the bot account.</summary>
    public long SelfId { get; set; }
    public string AccessToken { get; set; } = "";
    public MessageFormat MessageFormat { get; set; } = MessageFormat.Array;

    /// <summary><see cref="TimeSpan.Zero"/> disables heartbeat meta events.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    public List<ForwardWsOptions> ForwardWs { get; set; } = [];
    public List<ReverseWsOptions> ReverseWs { get; set; } = [];
    public List<HttpApiOptions> HttpApi { get; set; } = [];
    public List<HttpPostOptions> HttpPost { get; set; } = [];
}

/// <summary>Settings every transport entry may override; <c>null</c> inherits the top-level value.</summary>
public abstract class TransportOptions
{
    public string? AccessToken { get; set; }
    public MessageFormat? MessageFormat { get; set; }
}

public sealed class ForwardWsOptions : TransportOptions
{
    /// <summary><c>host:port</c>, e.g. <c>127.0.0.1:6700</c>.</summary>
    public string Listen { get; set; } = "127.0.0.1:6700";

    /// <summary>Frames a connection may have waiting before the overflow policy applies.</summary>
    public int OutboxCapacity { get; set; } = 4096;

    public OutboxOverflowPolicy OutboxOverflow { get; set; } = OutboxOverflowPolicy.Close;
}

/// <summary>What happens when a connection's reader cannot keep up and its outbox is full.</summary>
public enum OutboxOverflowPolicy
{
    /// <summary>Close the connection with 1008 so the framework reconnects and catches up.</summary>
    Close,

    /// <summary>Keep the connection and drop the event that does not fit (counted and logged).</summary>
    DropNewest,
}

public enum ReverseWsRole
{
    Universal,
    Split,
}

public sealed class ReverseWsOptions : TransportOptions
{
    public string Url { get; set; } = "";
    public ReverseWsRole Role { get; set; } = ReverseWsRole.Universal;

    /// <summary>Split role only: overrides <see cref="Url"/> for the API socket.</summary>
    public string? ApiUrl { get; set; }

    /// <summary>Split role only: overrides <see cref="Url"/> for the Event socket.</summary>
    public string? EventUrl { get; set; }

    public TimeSpan ReconnectInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Events kept, in order, while the target is disconnected or slow to read.</summary>
    public int QueueCapacity { get; set; } = 10000;

    /// <summary>Applies when the queue is full while the target is connected.</summary>
    public OutboxOverflowPolicy OutboxOverflow { get; set; } = OutboxOverflowPolicy.Close;
}

public sealed class HttpApiOptions : TransportOptions
{
    public string Listen { get; set; } = "127.0.0.1:5700";
}

public sealed class HttpPostOptions : TransportOptions
{
    public string Url { get; set; } = "";
    public string Secret { get; set; } = "";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
