using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.OneBot.Events;

/// <summary>
/// How an event is being written: the <c>message</c> format, and the CQ string of its message,
/// computed once by <see cref="EventEncoder"/> for both formats (<c>raw_message</c> is always CQ).
/// </summary>
internal readonly record struct EventWriteContext(MessageFormat MessageFormat, string? RawMessage);
