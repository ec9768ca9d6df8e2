using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Inbound;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;
using OneBotBridge.Core.Roster;
using OneBotBridge.Core.Storage;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Events;
using OneBotBridge.QQ.Gateway;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.Core.Inbound;

/// <summary>A translator over in-memory state, with helpers that read events as frameworks do.</summary>
internal sealed class InboundScenario
{
    public const long SelfId = 102000001;

    private long _seq;

    private InboundScenario(InboundState state, DispatchTranslator translator)
    {
        State = state;
        Translator = translator;
    }

    public InboundState State { get; }

    public DispatchTranslator Translator { get; }

    public ManualTimeProvider Clock => (ManualTimeProvider)State.Time;

    public static async Task<InboundScenario> CreateAsync()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 2, 15, 8, 35, 30, TimeSpan.Zero));
        var store = new InMemoryBridgeStore();
        var ids = await IdMap.LoadAsync(store, new IdOptions(), NullLogger<IdMap>.Instance, CancellationToken.None);
        var replies = await ReplyContextBook.LoadAsync(store, new ReplyOptions(), clock, CancellationToken.None);
        var state = new InboundState(
            ids,
            new MessageStore(store, new StorageOptions(), clock),
            replies,
            new PendingSends(new HoldUnreplyableOptions(), clock),
            new ChatRoster(),
            new BotState { SelfId = SelfId },
            clock);
        return new InboundScenario(state, new DispatchTranslator(state));
    }

    /// <summary>Translates as the event pump does, and waits for the event's writes as it does before publishing.</summary>
    public async Task<OneBotEvent?> TranslateAsync(string type, string d, string? eventId = null)
    {
        var translation = await Translator.TranslateAsync(
            new GatewayDispatch(type, Interlocked.Increment(ref _seq), eventId ?? $"{type}:e{_seq}", Encoding.UTF8.GetBytes(d)),
            CancellationToken.None);
        if (translation is null)
        {
            return null;
        }

        await translation.Stored;
        return translation.Event;
    }

    /// <summary>Parses as the QQ client does: dates stay strings.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    /// <summary>The event as a framework with <paramref name="format"/> receives it.</summary>
    public static JObject Json(OneBotEvent oneBotEvent, MessageFormat format = MessageFormat.Array) =>
        JObject.Parse(Encoding.UTF8.GetString(EventEncoder.Encode(oneBotEvent).For(format).Span));

    public long Number(IdKind kind, string id) =>
        State.Ids.TryGetNumber(new PlatformId(kind, id), out var number) ? number : throw new AssertionException($"{kind} {id} has no number");
}
