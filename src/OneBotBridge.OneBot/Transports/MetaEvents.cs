using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Events;

namespace OneBotBridge.OneBot.Transports;

/// <summary>Encodes the meta events transports send on their own: lifecycle and heartbeat, stamped with the current time and self id.</summary>
internal sealed class MetaEvents(BotState bot, TimeProvider time)
{
    /// <param name="subType"><see cref="LifecycleEvent.Connect"/>, <see cref="LifecycleEvent.Enable"/> or <see cref="LifecycleEvent.Disable"/>.</param>
    public byte[] Lifecycle(string subType) => Encode(new LifecycleEvent
    {
        Time = Now,
        SelfId = bot.SelfId,
        SubType = subType,
    });

    /// <summary>A heartbeat whose <c>status</c> is what <c>get_status</c> answers now.</summary>
    public byte[] Heartbeat(TimeSpan interval) => Encode(new HeartbeatEvent
    {
        Time = Now,
        SelfId = bot.SelfId,
        Status = BotStatus.Of(bot),
        Interval = (long)interval.TotalMilliseconds,
    });

    private long Now => time.GetUtcNow().ToUnixTimeSeconds();

    // Meta events have no message field: both formats are the same bytes.
    private static byte[] Encode(MetaEvent meta) => EventEncoder.Encode(meta).For(MessageFormat.Array).ToArray();
}
