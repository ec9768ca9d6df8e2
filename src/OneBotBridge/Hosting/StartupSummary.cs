using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneBotBridge.Cli;
using OneBotBridge.Configuration;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Hosting;

/// <summary>Logs what the bridge runs with when it starts and that it stopped; never a secret.</summary>
internal sealed partial class StartupSummary(BridgeConfiguration configuration, ILogger<StartupSummary> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var qq = configuration.Qq;
        var onebot = configuration.OneBot;
        var version = typeof(StartupSummary).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        Log.Starting(logger, version);
        if (qq.Transport == QQTransport.Webhook)
        {
            Log.WebhookUpstream(logger, qq.AppId, qq.EffectiveApiBase, qq.Webhook.Listen, qq.Webhook.Path);
        }
        else
        {
            Log.GatewayUpstream(logger, qq.AppId, qq.EffectiveApiBase, string.Join(",", qq.Intents), ConfigurationSummary.Shards(qq.Shards));
        }

        Log.Downstream(logger, onebot.ForwardWs.Count, onebot.ReverseWs.Count, onebot.HttpApi.Count, onebot.HttpPost.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Log.Stopped(logger);
        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "OneBotBridge {Version} starting")]
        public static partial void Starting(ILogger logger, string version);

        [LoggerMessage(Level = LogLevel.Information, Message = "QQ bot {AppId} via {ApiBase}, events by gateway, intents {Intents}, shards {Shards}")]
        public static partial void GatewayUpstream(ILogger logger, string appId, string apiBase, string intents, string shards);

        [LoggerMessage(Level = LogLevel.Information, Message = "QQ bot {AppId} via {ApiBase}, events by webhook on {Listen}{Path}")]
        public static partial void WebhookUpstream(ILogger logger, string appId, string apiBase, string listen, string path);

        [LoggerMessage(Level = LogLevel.Information, Message = "OneBot: {ForwardWs} forward WS, {ReverseWs} reverse WS, {HttpApi} HTTP API, {HttpPost} HTTP POST")]
        public static partial void Downstream(ILogger logger, int forwardWs, int reverseWs, int httpApi, int httpPost);

        [LoggerMessage(Level = LogLevel.Information, Message = "OneBotBridge stopped")]
        public static partial void Stopped(ILogger logger);
    }
}
