using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Roster;
using OneBotBridge.OneBot.Actions;
using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.Core.Outbound;

/// <summary>
/// Renders OneBot segments in the content syntax of a scene (guild <c>&lt;qqbot-at-user/&gt;</c> and
/// <c>&lt;emoji:id&gt;</c>; group/C2C <c>@nickname</c> and <c>&lt;faceType=1,...&gt;</c>) and cuts the message
/// where the platform needs several messages: one medium, one markdown and one ark each.
/// </summary>
public sealed class MessageComposer(IdMap ids, ChatRoster roster)
{
    internal ComposedMessage Compose(ChatTarget target, Message message)
    {
        var guild = target.Scene is Scene.GuildChannel or Scene.GuildDirect;
        var parts = new List<OutgoingPart>();
        var draft = new PartDraft();
        int? replyTo = null;
        foreach (var segment in message)
        {
            switch (segment)
            {
                case TextSegment text:
                    draft.Text.Append(guild ? EscapeGuildText(text.Text) : text.Text);
                    break;
                case AtSegment at:
                    draft.Text.Append(RenderAt(target, at, guild));
                    break;
                case FaceSegment face:
                    draft.Text.Append(guild ? $"<emoji:{face.Id}>" : $"<faceType=1,faceId=\"{face.Id}\">");
                    break;
                case ReplySegment reply:
                    replyTo ??= reply.Id;
                    break;
                case ImageSegment or RecordSegment or VideoSegment:
                    if (guild && segment is not ImageSegment)
                    {
                        throw SendFailures.UnsupportedSegment(segment.Type, $"to {target} (guilds take images only)");
                    }

                    draft = draft.Media is null ? draft : draft.FlushInto(parts);
                    draft.Media = (MediaSegment)segment;
                    break;
                case MarkdownSegment markdown:
                    draft = draft.Markdown is null ? draft : draft.FlushInto(parts);
                    draft.Markdown = markdown.Content;
                    break;
                case KeyboardSegment keyboard:
                    draft = draft.Keyboard is null ? draft : draft.FlushInto(parts);
                    draft.Keyboard = keyboard.Content;
                    break;
                case UnknownSegment { Type: "ark" } ark:
                    draft = draft.Ark is null ? draft : draft.FlushInto(parts);
                    draft.Ark = ark.Data["content"] as JObject ?? ark.Data;
                    break;
                default:
                    throw SendFailures.UnsupportedSegment(segment.Type, $"to {target}");
            }

            draft.Segments.Add(segment);
        }

        draft.FlushInto(parts);
        if (parts.Count == 0)
        {
            throw ActionFailedException.BadParam("message", "has nothing QQ can show");
        }

        return new ComposedMessage(parts, replyTo);
    }

    private string RenderAt(ChatTarget target, AtSegment at, bool guild)
    {
        if (at.UserId is not { } user)
        {
            return guild ? "@everyone" : "@全体成员";
        }

        if (guild && ids.TryGetAddress(IdKind.GuildUserId, user, out var guildUserId))
        {
            return $"<qqbot-at-user id=\"{guildUserId}\" />";
        }

        var member = roster.FindMember(target, user);
        var name = member is { Card.Length: > 0 } ? member.Card
            : member is { Nickname.Length: > 0 } ? member.Nickname
            : roster.FindUser(user) is { Nickname.Length: > 0 } seen ? seen.Nickname
            : at.Name ?? user.ToString(CultureInfo.InvariantCulture);
        return "@" + (guild ? EscapeGuildText(name) : name);
    }

    /// <summary>Guild content is markup: a literal <c>&lt;</c>, <c>&gt;</c> or <c>&amp;</c> travels as an entity.</summary>
    private static string EscapeGuildText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private sealed class PartDraft
    {
        public StringBuilder Text { get; } = new();

        public List<Segment> Segments { get; } = [];

        public MediaSegment? Media { get; set; }

        public string? Markdown { get; set; }

        public JObject? Keyboard { get; set; }

        public JObject? Ark { get; set; }

        /// <summary>Adds the part drafted so far (if it shows anything) and starts the next one.</summary>
        public PartDraft FlushInto(List<OutgoingPart> parts)
        {
            var part = new OutgoingPart(Text.ToString(), Media, Markdown, Keyboard, Ark, new Message(Segments));
            if (!part.IsEmpty)
            {
                parts.Add(part);
            }

            return new PartDraft();
        }
    }
}
