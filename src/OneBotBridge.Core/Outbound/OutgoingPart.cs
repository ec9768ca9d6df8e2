using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.Core.Outbound;

/// <summary>
/// One QQ message of a send: its rendered <see cref="Content"/>, at most one medium, and the rich parts
/// passed through. <see cref="Segments"/> are the OneBot segments it came from, kept for <c>get_msg</c>.
/// </summary>
internal sealed record OutgoingPart(
    string Content, MediaSegment? Media, string? Markdown, JObject? Keyboard, JObject? Ark, Message Segments)
{
    public bool IsEmpty => Content.Length == 0 && Media is null && Markdown is null && Keyboard is null && Ark is null;
}
