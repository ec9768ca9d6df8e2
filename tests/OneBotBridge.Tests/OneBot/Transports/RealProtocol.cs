using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;
using OneBotBridge.OneBot.Events;

namespace OneBotBridge.Tests.OneBot.Transports;

/// <summary>
/// The real protocol side (dispatcher with the built-in handlers, event hub) as the bridge wires it,
/// plus a stand-in for the core's send handlers that records what frameworks send.
/// </summary>
internal sealed class RealProtocol : IDisposable
{
    private readonly ServiceProvider _services;

    public RealProtocol(BotState bot)
    {
        Bot = bot;
        _services = new ServiceCollection()
            .AddSingleton(TransportTestKit.Logging)
            .AddLogging()
            .AddSingleton(bot)
            .AddSingleton<IOneBotActionHandler>(Sends)
            .AddOneBotProtocol()
            .BuildServiceProvider();
    }

    public BotState Bot { get; }

    public RecordingSendHandler Sends { get; } = new();

    public IActionDispatcher Dispatcher => _services.GetRequiredService<IActionDispatcher>();

    public EventHub Events => _services.GetRequiredService<EventHub>();

    public void PublishPrivateMessage(int messageId, long userId, string text) => Events.Publish(new PrivateMessageEvent
    {
        Time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        SelfId = Bot.SelfId,
        MessageId = messageId,
        UserId = userId,
        Message = OneBotBridge.OneBot.Messages.Message.FromText(text),
        Sender = new PrivateSender(userId, "tester"),
    });

    public void Dispose() => _services.Dispose();
}

/// <summary>Answers the send actions with increasing message ids and keeps every call.</summary>
[OneBotAction("send_private_msg")]
[OneBotAction("send_group_msg")]
[OneBotAction("send_msg")]
internal sealed class RecordingSendHandler : IOneBotActionHandler
{
    private int _nextMessageId = 1000;

    public ConcurrentQueue<ActionContext> Calls { get; } = new();

    public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue(context);
        return Task.FromResult<JToken?>(new JObject { ["message_id"] = Interlocked.Increment(ref _nextMessageId) });
    }
}
