using OneBotBridge.OneBot.Events;

namespace OneBotBridge.Core.Inbound;

/// <summary>
/// A translated event and the writes it depends on (its message number, its reply context). The event may be
/// published only once <see cref="Stored"/> completed, so no framework ever holds a <c>message_id</c> the bridge
/// could forget in a crash.
/// </summary>
public sealed record Translation(OneBotEvent Event, Task Stored);
