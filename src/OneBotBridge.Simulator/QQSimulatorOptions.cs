using Microsoft.Extensions.Logging;
using OneBotBridge.Simulator.Gateway;

namespace OneBotBridge.Simulator;

/// <summary>How the simulated QQ platform behaves. Set before <see cref="QQSimulator.StartAsync"/>; later changes are not supported.</summary>
public sealed class QQSimulatorOptions
{
    public string AppId { get; set; } = "102000001";

    public string ClientSecret { get; set; } = "simulated-secret-0123456789";

    /// <summary>The clock behind tokens, reply windows, media TTLs and timestamps.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public TimeSpan TokenTtl { get; set; } = TimeSpan.FromSeconds(7200);

    /// <summary>Sent to clients in Hello; tests use 100 ms.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Intents the bot may ask for; an Identify asking for more is closed with 4014.</summary>
    public long GrantedIntents { get; set; } = Intents.All;

    /// <summary>The "shards" of <c>/gateway/bot</c>; Identify must use exactly this shard count.</summary>
    public int RecommendedShards { get; set; } = 1;

    public int SessionStartTotal { get; set; } = 1000;

    /// <summary>Counts down on every accepted Identify; at 0 Identify is refused.</summary>
    public int SessionStartRemaining { get; set; } = 1000;

    public int MaxConcurrency { get; set; } = 1;

    /// <summary>
    /// The latest dispatches of a session a Resume can replay; a Resume from before them is refused (op 9). The
    /// benchmark, which never resumes, keeps a few: each one kept lives just long enough to be promoted.
    /// </summary>
    public int ResumeHistory { get; set; } = 1000;

    public string BotUserId { get; set; } = "6158788878435714165";

    public string BotUsername { get; set; } = "OneBotBridge Demo";

    /// <summary>0 = any free port on 127.0.0.1.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The bot's callback URL: when set, pushed dispatches are POSTed to it, signed, instead of sent on
    /// the gateway (the platform's webhook mode). <see cref="QQSimulator.Webhook"/> can change it later.
    /// </summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>How many times a failed webhook delivery is sent again before it is dropped.</summary>
    public int WebhookRetries { get; set; } = 3;

    /// <summary>The wait before the first retry of a webhook delivery; it doubles for each further one.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one webhook POST may take before it counts as failed.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many of the latest HTTP requests <see cref="QQSimulator.Requests"/> and <c>/control/requests</c> keep;
    /// older ones are forgotten, so a long-running simulator does not grow by every request. 0 keeps none (the
    /// benchmark's choice: every record kept lives long enough to be copied by each collection on its way out).
    /// </summary>
    public int RequestLogCapacity { get; set; } = 10_000;

    /// <summary>Where the simulator's own logs go; by default nowhere.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
