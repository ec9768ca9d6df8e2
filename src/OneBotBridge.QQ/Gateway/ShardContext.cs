using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using OneBotBridge.QQ.Auth;
using OneBotBridge.QQ.OpenApi;
using Polly;

namespace OneBotBridge.QQ.Gateway;

/// <summary>What every shard of one <see cref="QQGateway"/> run shares.</summary>
internal sealed record ShardContext(
    Uri GatewayUrl,
    long Intents,
    IReadOnlyList<string> IntentNames,
    QQTokenSource Tokens,
    SessionStartLimiter StartLimiter,
    ResiliencePipeline ConnectPipeline,
    Func<ClientWebSocket> SocketFactory,
    GatewayCounters Counters,
    TimeProvider Time,
    GatewayTimings Timings,
    ILogger Logger,
    Action<QQBotUser> UserSeen);
