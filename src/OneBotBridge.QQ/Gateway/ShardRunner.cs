using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ.OpenApi;

namespace OneBotBridge.QQ.Gateway;

/// <summary>
/// Keeps one shard connected for as long as it runs: connect-until-READY through the reconnect
/// pipeline, run the connection, decide from how it ended whether to Resume, Identify anew, refresh
/// the token or give up, and go again.
/// </summary>
internal sealed partial class ShardRunner(
    int shardId,
    int shardCount,
    ShardContext context,
    Action<int, bool> readinessChanged)
{
    private readonly GatewaySession _session = new();
    private readonly ILogger _logger = context.Logger;
    private string? _rejectedToken;
    private string? _lastToken;
    private bool _connectedBefore;

    public async Task RunAsync(ChannelWriter<GatewayDispatch> output, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (connection, running) = await context.ConnectPipeline.ExecuteAsync(
                ct => new ValueTask<(GatewayConnection, Task<GatewayClosure>)>(ConnectUntilReadyAsync(output, ct)), cancellationToken).ConfigureAwait(false);

            GatewayClosure closure;
            readinessChanged(shardId, true);
            try
            {
                closure = await running.ConfigureAwait(false);
            }
            finally
            {
                readinessChanged(shardId, false);
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            await AfterClosureAsync(closure, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(GatewayConnection, Task<GatewayClosure>)> ConnectUntilReadyAsync(
        ChannelWriter<GatewayDispatch> output, CancellationToken cancellationToken)
    {
        if (_connectedBefore)
        {
            context.Counters.Reconnected();
        }

        _connectedBefore = true;
        var handshake = await HandshakeAsync(cancellationToken).ConfigureAwait(false);
        var connection = new GatewayConnection(
            context.SocketFactory(), _session, shardId, output, context.Counters, context.Time, context.Timings, _logger);
        var running = connection.RunAsync(context.GatewayUrl, handshake, cancellationToken);
        await Task.WhenAny(connection.Ready, running).ConfigureAwait(false);
        if (connection.Ready.IsCompleted)
        {
            if (connection.User is { } user)
            {
                context.UserSeen(user);
            }

            return (connection, running);
        }

        GatewayClosure closure;
        try
        {
            closure = await running.ConfigureAwait(false);
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        await AfterClosureAsync(closure, cancellationToken).ConfigureAwait(false);
        throw new GatewayConnectException(shardId, closure);
    }

    /// <summary>
    /// The frame that will answer Hello: Resume when a session exists, else Identify — after the
    /// start limiter allows one more session, before any socket is opened.
    /// </summary>
    private async Task<JObject> HandshakeAsync(CancellationToken cancellationToken)
    {
        var token = _rejectedToken is { } rejected
            ? await context.Tokens.RefreshAsync(rejected, cancellationToken).ConfigureAwait(false)
            : await context.Tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        _rejectedToken = null;
        _lastToken = token;

        if (_session.SessionId is { } sessionId)
        {
            var seq = _session.LastSeq ?? 0;
            Log.Resuming(_logger, shardId, seq);
            return GatewayFrames.Resume(token, sessionId, seq);
        }

        await context.StartLimiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        Log.Identifying(_logger, shardId, shardCount);
        return GatewayFrames.Identify(token, context.Intents, shardId, shardCount);
    }

    /// <summary>Prepares the session for the next attempt after <paramref name="closure"/>, or throws when it is fatal.</summary>
    private async Task AfterClosureAsync(GatewayClosure closure, CancellationToken cancellationToken)
    {
        switch (closure.Kind)
        {
            case ClosureKind.ServerClosed:
                var rule = CloseCodePolicy.For(closure.CloseCode);
                Log.Closed(_logger, shardId, closure.CloseCode, rule.Meaning, rule.Next);
                switch (rule.Next)
                {
                    case NextStep.Fatal:
                        var message = CloseCodePolicy.DescribeFatal(closure.CloseCode ?? 0, closure.Reason, context.IntentNames);
                        Log.Fatal(_logger, shardId, message);
                        throw new QQFatalException(message, closure.CloseCode);
                    case NextStep.RefreshTokenThenIdentify:
                        _rejectedToken = _lastToken;
                        _session.Forget();
                        break;
                    case NextStep.Identify:
                        _session.Forget();
                        break;
                }

                break;
            case ClosureKind.InvalidSession:
                _session.Forget();
                var min = context.Timings.InvalidSessionDelayMin;
                var wait = min + (context.Timings.InvalidSessionDelayMax - min) * Random.Shared.NextDouble();
                Log.InvalidSession(_logger, shardId, wait);
                await Task.Delay(wait, context.Time, cancellationToken).ConfigureAwait(false);
                break;
            default:
                Log.Lost(_logger, shardId, closure.ToString());
                break;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: identifying as shard {Shard} of {Count}")]
        public static partial void Identifying(ILogger logger, int shard, int count);

        [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: resuming after seq {Seq}")]
        public static partial void Resuming(ILogger logger, int shard, long seq);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: gateway closed with {Code} ({Meaning}); next: {Next}")]
        public static partial void Closed(ILogger logger, int shard, int? code, string meaning, NextStep next);

        [LoggerMessage(Level = LogLevel.Critical, Message = "Shard {Shard}: {Message}")]
        public static partial void Fatal(ILogger logger, int shard, string message);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: session invalidated (op 9); identifying again in {Wait}")]
        public static partial void InvalidSession(ILogger logger, int shard, TimeSpan wait);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: {Reason}; reconnecting")]
        public static partial void Lost(ILogger logger, int shard, string reason);
    }
}
