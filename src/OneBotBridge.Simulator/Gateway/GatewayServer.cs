using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.Gateway;

/// <summary>
/// The gateway: runs each WebSocket through Hello → Identify/Resume → heartbeats, keeps one session
/// per shard (sessions outlive sockets), and delivers dispatches in sequence order.
/// </summary>
internal sealed partial class GatewayServer
{
    private readonly QQSimulatorOptions _options;
    private readonly IdentifyPolicy _identifyPolicy;
    private readonly SessionStartLimit _startLimit;
    private readonly ILogger<GatewayServer> _logger;
    private readonly ShardSlot[] _shards;
    private readonly ConcurrentDictionary<long, GatewayConnection> _connections = new();
    private readonly ConcurrentDictionary<string, GatewaySession> _sessions = new(StringComparer.Ordinal);
    private long _lastConnectionId;
    private volatile bool _heartbeatAcksEnabled = true;

    public GatewayServer(QQSimulatorOptions options, IdentifyPolicy identifyPolicy, SessionStartLimit startLimit, ILogger<GatewayServer> logger)
    {
        _options = options;
        _identifyPolicy = identifyPolicy;
        _startLimit = startLimit;
        _logger = logger;
        _shards = Enumerable.Range(0, options.RecommendedShards).Select(index => new ShardSlot(index)).ToArray();
    }

    public GatewayCounters Counters { get; } = new();

    public ClientFrameLog ReceivedFrames { get; } = new();

    /// <summary>Raised, on the connection's receive loop, once a READY is on the wire.</summary>
    public event Action? ReadySent;

    public int ActiveConnections => _connections.Count;

    public bool HeartbeatAcksEnabled
    {
        get => _heartbeatAcksEnabled;
        set => _heartbeatAcksEnabled = value;
    }

    /// <summary>Serves one <c>/websocket</c> request until the socket ends.</summary>
    public async Task RunConnectionAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("the gateway speaks WebSocket only", context.RequestAborted);
            return;
        }

        var cancellationToken = context.RequestAborted;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new GatewayConnection(Interlocked.Increment(ref _lastConnectionId), socket, context, _options.TimeProvider);
        _connections[connection.Id] = connection;
        Counters.ConnectionAccepted();
        Log.ConnectionOpened(_logger, connection.Id);
        try
        {
            await connection.SendAsync(GatewayFrames.Hello(_options.HeartbeatInterval), cancellationToken);
            while (await connection.ReceiveTextAsync(cancellationToken) is { } text)
            {
                if (!connection.IsClosing)
                {
                    await HandleFrameAsync(connection, text, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (GatewayConnection.IsTransportFailure(exception, CancellationToken.None))
        {
            Log.ConnectionLost(_logger, connection.Id, exception.GetType().Name);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            connection.Session?.Detach(connection);
            connection.MarkFinished();
            Log.ConnectionClosed(_logger, connection.Id);
        }
    }

    /// <summary>Sends a dispatch on the shard's session, or queues it until the shard's next READY.</summary>
    /// <returns>The envelope as sent; its <c>s</c> is null when the dispatch was queued.</returns>
    public async Task<JObject> DispatchAsync(string type, string eventId, JToken data, int shard, CancellationToken cancellationToken)
    {
        if (shard < 0 || shard >= _shards.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(shard), shard, $"The simulator runs {_shards.Length} shard(s).");
        }

        var slot = _shards[shard];
        while (true)
        {
            GatewaySession? session;
            await slot.Gate.WaitAsync(cancellationToken);
            try
            {
                session = slot.Session;
                if (session is null)
                {
                    slot.Enqueue(new PendingDispatch(type, eventId, data));
                    return GatewayFrames.Dispatch(null, type, eventId, data.DeepClone());
                }
            }
            finally
            {
                slot.Gate.Release();
            }

            // Null only when the session was forgotten between the two locks: try again with its successor.
            if (await session.DispatchAsync(type, eventId, data, cancellationToken) is { } sent)
            {
                return sent;
            }
        }
    }

    public async Task DropConnectionsAsync(CancellationToken cancellationToken)
    {
        var connections = _connections.Values.ToArray();
        foreach (var connection in connections)
        {
            connection.Abort();
        }

        await Task.WhenAll(connections.Select(connection => connection.Finished)).WaitAsync(cancellationToken);
    }

    public Task CloseConnectionsAsync(int closeCode, string reason, CancellationToken cancellationToken) =>
        Task.WhenAll(_connections.Values.Select(connection => connection.CloseAsync(closeCode, reason, cancellationToken)));

    public Task SendReconnectAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_connections.Values.Select(connection => connection.SendAsync(GatewayFrames.Reconnect(), cancellationToken)));

    /// <summary>Forgets every session, then tells every connection with op 9.</summary>
    public async Task SendInvalidSessionAsync(CancellationToken cancellationToken)
    {
        foreach (var slot in _shards)
        {
            await slot.Gate.WaitAsync(cancellationToken);
            try
            {
                slot.Session = null;
            }
            finally
            {
                slot.Gate.Release();
            }
        }

        foreach (var session in _sessions.Values)
        {
            session.Forget();
        }

        _sessions.Clear();
        await Task.WhenAll(_connections.Values.Select(connection =>
        {
            connection.Session = null;
            return connection.SendAsync(GatewayFrames.InvalidSession(), cancellationToken);
        }));
    }

    private async Task HandleFrameAsync(GatewayConnection connection, string text, CancellationToken cancellationToken)
    {
        if (SimulatorJson.TryParse(text) is not JObject frame)
        {
            await RejectAsync(connection, new GatewayRejection(GatewayCloseCode.InvalidPayload, "frame is not a JSON object"), cancellationToken);
            return;
        }

        ReceivedFrames.Add(frame);
        if (frame["op"] is not JValue { Value: long op })
        {
            await RejectAsync(connection, new GatewayRejection(GatewayCloseCode.InvalidPayload, "frame has no integer op"), cancellationToken);
            return;
        }

        switch (op)
        {
            case GatewayOpCode.Heartbeat:
                await AcknowledgeHeartbeatAsync(connection, cancellationToken);
                break;
            case GatewayOpCode.Identify:
                await IdentifyAsync(connection, frame["d"], cancellationToken);
                break;
            case GatewayOpCode.Resume:
                await ResumeAsync(connection, frame["d"], cancellationToken);
                break;
            default:
                await RejectAsync(connection, new GatewayRejection(GatewayCloseCode.InvalidOpcode, $"invalid opcode {op}"), cancellationToken);
                break;
        }
    }

    private async Task AcknowledgeHeartbeatAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        if (_heartbeatAcksEnabled && await connection.SendAsync(GatewayFrames.HeartbeatAck(), cancellationToken))
        {
            Counters.HeartbeatAcked();
        }
    }

    private async Task IdentifyAsync(GatewayConnection connection, JToken? payload, CancellationToken cancellationToken)
    {
        Counters.IdentifyReceived();
        if (!_identifyPolicy.TryAccept(payload, out var request, out var rejection))
        {
            await RejectAsync(connection, rejection, cancellationToken);
            return;
        }

        if (!_startLimit.TryConsume())
        {
            await RejectAsync(connection, new GatewayRejection(GatewayCloseCode.RateLimited, "session start limit exhausted"), cancellationToken);
            return;
        }

        var slot = _shards[request.ShardIndex];
        var session = new GatewaySession(Guid.NewGuid().ToString("D"), request.ShardIndex, request.ShardCount, _options.ResumeHistory);
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            if (slot.Session is { } replaced)
            {
                replaced.Forget();
                _sessions.TryRemove(replaced.Id, out _);
            }

            connection.Session?.Detach(connection);
            connection.Session = session;
            _sessions[session.Id] = session;
            await session.StartAsync(connection, ReadyData(session), slot.DrainPending(), cancellationToken);
            slot.Session = session;
        }
        finally
        {
            slot.Gate.Release();
        }

        Counters.ReadySent();
        ReadySent?.Invoke();
        Log.Identified(_logger, connection.Id, session.Id, request.ShardIndex, request.ShardCount, request.Intents);
    }

    private async Task ResumeAsync(GatewayConnection connection, JToken? payload, CancellationToken cancellationToken)
    {
        Counters.ResumeReceived();
        if (payload is not JObject resume)
        {
            await RejectAsync(connection, new GatewayRejection(GatewayCloseCode.InvalidPayload, "resume payload must be an object"), cancellationToken);
            return;
        }

        if (_identifyPolicy.CheckToken(resume["token"]) is { } rejection)
        {
            await RejectAsync(connection, rejection, cancellationToken);
            return;
        }

        var sessionId = SimulatorJson.StringOf(resume["session_id"]) ?? "";
        long? seq = resume["seq"] switch
        {
            null or { Type: JTokenType.Null } => 0,
            JValue { Value: long value } => value,
            _ => null,
        };
        if (seq is { } lastSeq
            && _sessions.TryGetValue(sessionId, out var session)
            && await session.ResumeAsync(connection, lastSeq, cancellationToken))
        {
            connection.Session?.Detach(connection);
            connection.Session = session;
            Log.Resumed(_logger, connection.Id, session.Id, lastSeq);
            return;
        }

        Log.ResumeRefused(_logger, connection.Id, sessionId, seq);
        await connection.SendAsync(GatewayFrames.InvalidSession(), cancellationToken);
    }

    private async Task RejectAsync(GatewayConnection connection, GatewayRejection rejection, CancellationToken cancellationToken)
    {
        Log.Rejected(_logger, connection.Id, rejection.CloseCode, rejection.Reason);
        await connection.CloseAsync(rejection.CloseCode, rejection.Reason, cancellationToken);
    }

    private JObject ReadyData(GatewaySession session) => new()
    {
        ["version"] = 1,
        ["session_id"] = session.Id,
        ["user"] = new JObject
        {
            ["id"] = _options.BotUserId,
            ["username"] = _options.BotUsername,
            ["bot"] = true,
        },
        ["shard"] = new JArray(session.ShardIndex, session.ShardCount),
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Gateway connection {ConnectionId} opened")]
        public static partial void ConnectionOpened(ILogger logger, long connectionId);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Gateway connection {ConnectionId} lost ({Reason})")]
        public static partial void ConnectionLost(ILogger logger, long connectionId, string reason);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Gateway connection {ConnectionId} closed")]
        public static partial void ConnectionClosed(ILogger logger, long connectionId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} identified: session {SessionId}, shard [{ShardIndex}, {ShardCount}], intents {Intents}")]
        public static partial void Identified(ILogger logger, long connectionId, string sessionId, int shardIndex, int shardCount, long intents);

        [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} resumed session {SessionId} after seq {Seq}")]
        public static partial void Resumed(ILogger logger, long connectionId, string sessionId, long seq);

        [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} could not resume session '{SessionId}' at seq {Seq}: sent op 9")]
        public static partial void ResumeRefused(ILogger logger, long connectionId, string sessionId, long? seq);

        [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} closed with {CloseCode}: {Reason}")]
        public static partial void Rejected(ILogger logger, long connectionId, int closeCode, string reason);
    }
}
