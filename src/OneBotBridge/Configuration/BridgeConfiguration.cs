using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Inbound;
using OneBotBridge.Core.Replies;
using OneBotBridge.Core.Outbound;
using OneBotBridge.Core.Storage;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Configuration;

/// <summary>Everything bridge.yaml configures, one property per top-level section (and the bridge's own keys under <c>qq</c>).</summary>
public sealed class BridgeConfiguration
{
    public QQOptions Qq { get; init; } = new();

    /// <summary><c>qq.hold_unreplyable</c>: a bridge behaviour, so it lives beside the QQ client's options rather than in them.</summary>
    public HoldUnreplyableOptions HoldUnreplyable { get; init; } = new();

    /// <summary><c>qq.acknowledge_interactions</c>.</summary>
    public InboundOptions Inbound { get; init; } = new();

    public OneBotOptions OneBot { get; init; } = new();
    public StorageOptions Storage { get; init; } = new();
    public MediaOptions Media { get; init; } = new();
    public IdOptions Ids { get; init; } = new();
    public ReplyOptions Replies { get; init; } = new();
    public LoggingOptions Logging { get; init; } = new();

    /// <summary>Every secret value configured, so output can be scrubbed of them.</summary>
    public IEnumerable<string> Secrets()
    {
        yield return Qq.ClientSecret;
        yield return OneBot.AccessToken;
        IEnumerable<TransportOptions> transports =
            [.. OneBot.ForwardWs, .. OneBot.ReverseWs, .. OneBot.HttpApi, .. OneBot.HttpPost];
        foreach (var transport in transports)
        {
            if (transport.AccessToken is { } token)
            {
                yield return token;
            }
        }

        foreach (var post in OneBot.HttpPost)
        {
            yield return post.Secret;
        }
    }
}
