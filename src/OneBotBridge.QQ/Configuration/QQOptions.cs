namespace OneBotBridge.QQ.Configuration;

/// <summary>The <c>qq</c> section of bridge.yaml.</summary>
public sealed class QQOptions
{
    public const string DefaultApiBase = "https://api.sgroup.qq.com";
    public const string SandboxApiBase = "https://sandbox.api.sgroup.qq.com";
    public const string DefaultTokenUrl = "https://bots.qq.com/app/getAppAccessToken";

    public string AppId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public bool Sandbox { get; set; }
    public string ApiBase { get; set; } = DefaultApiBase;
    public string TokenUrl { get; set; } = DefaultTokenUrl;
    public QQTransport Transport { get; set; } = QQTransport.WebSocket;

    /// <summary>Intent names as in bridge.yaml (snake_case, e.g. <c>group_and_c2c_event</c>).</summary>
    public List<string> Intents { get; set; } =
        ["guilds", "guild_members", "public_guild_messages", "direct_message", "group_and_c2c_event", "interaction"];

    /// <summary><c>null</c> means <c>auto</c>: run as many shards as <c>/gateway/bot</c> recommends.</summary>
    public ShardSelection? Shards { get; set; }

    public ReconnectOptions Reconnect { get; set; } = new();

    /// <summary>Used when <see cref="Transport"/> is <see cref="QQTransport.Webhook"/>.</summary>
    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>The API base in effect: <see cref="Sandbox"/> switches the default host to the sandbox one.</summary>
    public string EffectiveApiBase => Sandbox && ApiBase == DefaultApiBase ? SandboxApiBase : ApiBase;
}

public enum QQTransport
{
    WebSocket,
    Webhook,
}

/// <summary>Run only shard <see cref="Id"/> of <see cref="Count"/>.</summary>
public sealed record ShardSelection(int Id, int Count);

public sealed class ReconnectOptions
{
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);
}
