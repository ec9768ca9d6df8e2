using System.Text.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.OneBot.Events;
using OneBotBridge.OneBot.Messages;
using OneBotBridge.QQ.Gateway;

namespace OneBotBridge.Core.Inbound;

/// <summary>
/// QQ message dispatches as OneBot message events: GROUP_AT_MESSAGE_CREATE → group, C2C_MESSAGE_CREATE
/// → private (friend), AT_MESSAGE_CREATE / MESSAGE_CREATE → group (a guild channel appears as a group,
/// with <c>guild_id</c> and <c>channel_id</c> as extra fields), DIRECT_MESSAGE_CREATE → private. Each
/// message is numbered, stored for <c>get_msg</c>, and remembered as something to reply to. Messages are
/// most of what the platform sends, so their payload is read straight from its UTF-8 text, not as a tree.
/// </summary>
internal sealed class MessageTranslator(InboundState state, QuoteIndex quotes)
{
    private static readonly JsonDocumentOptions PayloadOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static bool Handles(string type) => type is
        "GROUP_AT_MESSAGE_CREATE" or "GROUP_MESSAGE_CREATE" or "C2C_MESSAGE_CREATE" or "AT_MESSAGE_CREATE" or "MESSAGE_CREATE" or "DIRECT_MESSAGE_CREATE";

    /// <returns>The event, or <c>null</c> when the platform delivered this message before.</returns>
    public async Task<Translation?> TranslateAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(dispatch.Utf8Data, PayloadOptions);
        var d = payload.RootElement;
        var platformMessageId = d.Required("id");
        var author = d.Object("author") ?? default;
        var scene = SceneOf(dispatch.Type);
        var sender = await SenderNumberAsync(scene, author, cancellationToken);
        var target = await TargetAsync(scene, d, sender, cancellationToken);
        var time = MessageTime.Read(d.Field("timestamp")) ?? state.Time.GetUtcNow();
        var message = await BuildMessageAsync(scene, d, cancellationToken);

        var (messageId, messageStored, isNew) = await state.Messages.AssignAsync(
            new MessageDraft(platformMessageId, target, sender, MessageDirection.Received, time, message.ToJsonText()),
            cancellationToken);
        if (!isNew)
        {
            return null;
        }

        state.Replies.RecordMessage(target, sender, platformMessageId, time);
        quotes.Remember(d, messageId);

        var nickname = author.Text("username") ?? "";
        var member = d.Object("member");
        var card = member?.Text("nick") ?? "";
        var role = RoleOf(author, member);
        state.Roster.Saw(target, sender, nickname, card, role, time);
        state.Pending.Release(target);

        var common = (Time: time.ToUnixTimeSeconds(), SelfId: state.Bot.SelfId);
        MessageEvent translated = scene switch
        {
            Scene.Group or Scene.GuildChannel => new GroupMessageEvent
            {
                Time = common.Time,
                SelfId = common.SelfId,
                MessageId = messageId,
                UserId = sender,
                GroupId = target.Number,
                Message = message,
                Sender = new GroupSender(sender, nickname) { Card = card, Role = role },
                Extra = scene == Scene.GuildChannel ? GuildFields(d) : [],
            },
            _ => new PrivateMessageEvent
            {
                Time = common.Time,
                SelfId = common.SelfId,
                MessageId = messageId,
                UserId = sender,
                Message = message,
                Sender = new PrivateSender(sender, nickname),
                Extra = scene == Scene.GuildDirect ? GuildFields(d) : [],
            },
        };
        return new Translation(translated, messageStored);
    }

    private static Scene SceneOf(string type) => type switch
    {
        "GROUP_AT_MESSAGE_CREATE" or "GROUP_MESSAGE_CREATE" => Scene.Group,
        "C2C_MESSAGE_CREATE" => Scene.C2C,
        "DIRECT_MESSAGE_CREATE" => Scene.GuildDirect,
        _ => Scene.GuildChannel,
    };

    private ValueTask<long> SenderNumberAsync(Scene scene, JsonElement author, CancellationToken cancellationToken)
    {
        var union = author.Text("union_openid");
        return scene switch
        {
            Scene.Group => state.Ids.GetUserNumberAsync(
                new PlatformId(IdKind.MemberOpenId, author.Text("member_openid") ?? author.Required("id")), union, cancellationToken),
            Scene.C2C => state.Ids.GetUserNumberAsync(
                new PlatformId(IdKind.UserOpenId, author.Text("user_openid") ?? author.Required("id")), union, cancellationToken),
            _ => state.Ids.GetNumberAsync(new PlatformId(IdKind.GuildUserId, author.Required("id")), cancellationToken),
        };
    }

    private async ValueTask<ChatTarget> TargetAsync(Scene scene, JsonElement d, long sender, CancellationToken cancellationToken)
    {
        switch (scene)
        {
            case Scene.Group:
                var group = d.Text("group_openid") ?? d.Required("group_id");
                return ChatTarget.Group(await state.Ids.GetNumberAsync(new PlatformId(IdKind.GroupOpenId, group), cancellationToken));
            case Scene.GuildChannel:
                return ChatTarget.GuildChannel(await state.Ids.GetNumberAsync(new PlatformId(IdKind.ChannelId, d.Required("channel_id")), cancellationToken));
            case Scene.GuildDirect:
                // Replies to a direct message go to /dms/{guild_id}: remember that guild as the user's address.
                await state.Ids.AttachAsync(new PlatformId(IdKind.DirectMessageGuild, d.Required("guild_id")), sender, cancellationToken);
                return ChatTarget.GuildDirect(sender);
            default:
                return ChatTarget.C2C(sender);
        }
    }

    private async Task<Message> BuildMessageAsync(Scene scene, JsonElement d, CancellationToken cancellationToken)
    {
        var segments = new List<Segment>();
        if (await quotes.FindQuotedAsync(d, cancellationToken) is { } quoted)
        {
            segments.Add(new ReplySegment(quoted));
        }

        var isGuild = scene is Scene.GuildChannel or Scene.GuildDirect;
        var botMention = isGuild ? BotMentionOf(d) : null;
        var pieces = QQContentParser.Parse(d.Text("content") ?? "", botMention);
        var mentioned = new HashSet<string>();
        foreach (var piece in pieces)
        {
            segments.Add(await SegmentOfAsync(piece, isGuild, botMention, mentioned, cancellationToken));
        }

        if (!isGuild)
        {
            segments.InsertRange(segments.Count > 0 && segments[0] is ReplySegment ? 1 : 0, await MentionsNotInContentAsync(d, mentioned, cancellationToken));
        }

        segments.AddRange(Attachments.ToSegments(d));
        return new Message(segments);
    }

    private async Task<Segment> SegmentOfAsync(ContentPiece piece, bool isGuild, string? botMention, HashSet<string> mentioned, CancellationToken cancellationToken)
    {
        switch (piece)
        {
            case ContentPiece.Text text:
                return new TextSegment(text.Value);
            case ContentPiece.Face face:
                return new FaceSegment(face.Id);
            case ContentPiece.MentionEveryone:
                return AtSegment.All;
            case ContentPiece.Mention mention when mention.UserId == botMention:
                return new AtSegment(state.Bot.SelfId);
            case ContentPiece.Mention mention:
                mentioned.Add(mention.UserId);
                var kind = isGuild ? IdKind.GuildUserId : IdKind.MemberOpenId;
                return new AtSegment(await state.Ids.GetNumberAsync(new PlatformId(kind, mention.UserId), cancellationToken));
            default:
                throw new InvalidOperationException($"unknown content piece {piece}");
        }
    }

    /// <summary>Group/C2C <c>mentions</c> that the content does not spell out (the platform removes the @bot, and may others).</summary>
    private async Task<List<Segment>> MentionsNotInContentAsync(JsonElement d, HashSet<string> mentioned, CancellationToken cancellationToken)
    {
        var segments = new List<Segment>();
        foreach (var mention in d.Objects("mentions"))
        {
            if (mention.Flag("is_you") == true || mention.Flag("bot") == true)
            {
                continue;
            }

            if (mention.Text("scope") == "all")
            {
                segments.Add(AtSegment.All);
                continue;
            }

            var openid = mention.Text("member_openid") ?? mention.Text("id");
            if (openid is { Length: > 0 } && mentioned.Add(openid))
            {
                var number = await state.Ids.GetNumberAsync(new PlatformId(IdKind.MemberOpenId, openid), cancellationToken);
                segments.Add(new AtSegment(number) { Name = mention.Text("username") });
            }
        }

        return segments;
    }

    /// <summary>The guild user id of the bot, as the <c>mentions</c> of a guild message mark it.</summary>
    private static string? BotMentionOf(JsonElement d)
    {
        foreach (var mention in d.Objects("mentions"))
        {
            if (mention.Flag("bot") == true)
            {
                return mention.Text("id");
            }
        }

        return null;
    }

    private static string RoleOf(JsonElement author, JsonElement? member)
    {
        if (author.Text("member_role") is { Length: > 0 } role)
        {
            return role.ToLowerInvariant() switch
            {
                "owner" => "owner",
                "admin" => "admin",
                _ => "member",
            };
        }

        // Guild default roles: 4 creator, 2 administrator, 5 channel administrator, 1 everyone.
        var roles = member?.Field("roles") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(QQFields.TextOf).ToHashSet()
            : [];
        return roles.Contains("4") ? "owner" : roles.Contains("2") || roles.Contains("5") ? "admin" : "member";
    }

    private static List<KeyValuePair<string, JToken>> GuildFields(JsonElement d) =>
    [
        new("guild_id", d.Text("guild_id") ?? d.Text("src_guild_id") ?? ""),
        new("channel_id", d.Text("channel_id") ?? ""),
    ];
}
