using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.OneBot.Events;
using OneBotBridge.QQ.Gateway;

namespace OneBotBridge.Core.Inbound;

/// <summary>
/// QQ events that are not messages. Those with a OneBot equivalent become it (GROUP_ADD_ROBOT →
/// group_increase, GROUP_DEL_ROBOT → group_decrease kick_me, FRIEND_ADD → friend_add,
/// GUILD_MEMBER_ADD/REMOVE → group_increase/decrease of the guild, MESSAGE_DELETE and
/// PUBLIC_MESSAGE_DELETE → group_recall, DIRECT_MESSAGE_DELETE → friend_recall). Every other type
/// becomes an extension notice <c>notice_type: "qq_&lt;type in lower case&gt;"</c> carrying the original
/// payload as <c>qq: {t, id, d}</c>, with <c>user_id</c>/<c>group_id</c> where the payload names them.
/// Events the platform lets the bot answer by <c>event_id</c> are remembered as reply sources.
/// </summary>
internal sealed class NoticeTranslator(InboundState state)
{
    public async Task<NoticeEvent> TranslateAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        var d = dispatch.Data as JObject ?? [];
        var time = (MessageTime.Read(d["timestamp"]) ?? state.Time.GetUtcNow()).ToUnixTimeSeconds();
        var selfId = state.Bot.SelfId;
        switch (dispatch.Type)
        {
            case "GROUP_ADD_ROBOT":
            {
                var group = await GroupAsync(d, cancellationToken);
                await RememberEventAsync(group, dispatch, cancellationToken);
                state.Roster.SawChat(group, state.Time.GetUtcNow());
                return new GroupIncreaseNotice
                {
                    Time = time, SelfId = selfId, SubType = "invite", GroupId = group.Number,
                    OperatorId = await MemberAsync(d["op_member_openid"], cancellationToken), UserId = selfId,
                };
            }

            case "GROUP_DEL_ROBOT":
            {
                var group = await GroupAsync(d, cancellationToken);
                state.Roster.Forget(group);
                return new GroupDecreaseNotice
                {
                    Time = time, SelfId = selfId, SubType = "kick_me", GroupId = group.Number,
                    OperatorId = await MemberAsync(d["op_member_openid"], cancellationToken), UserId = selfId,
                };
            }

            case "FRIEND_ADD":
            {
                var user = await UserAsync(d, cancellationToken);
                await RememberEventAsync(ChatTarget.C2C(user), dispatch, cancellationToken);
                return new FriendAddNotice { Time = time, SelfId = selfId, UserId = user };
            }

            case "GUILD_MEMBER_ADD" or "GUILD_MEMBER_REMOVE":
                return await GuildMemberAsync(dispatch, d, time, cancellationToken);

            case "MESSAGE_DELETE" or "PUBLIC_MESSAGE_DELETE":
            {
                var (messageId, author, channel) = await DeletedMessageAsync(d, cancellationToken);
                return new GroupRecallNotice
                {
                    Time = time, SelfId = selfId, GroupId = channel.Number, UserId = author, MessageId = messageId,
                    OperatorId = await GuildUserAsync(d["op_user"]?["id"], cancellationToken) ?? author,
                };
            }

            case "DIRECT_MESSAGE_DELETE":
            {
                var (messageId, author, _) = await DeletedMessageAsync(d, cancellationToken);
                return new FriendRecallNotice { Time = time, SelfId = selfId, UserId = author, MessageId = messageId };
            }

            default:
                return await ExtensionAsync(dispatch, d, time, cancellationToken);
        }
    }

    private async Task<NoticeEvent> GuildMemberAsync(GatewayDispatch dispatch, JObject d, long time, CancellationToken cancellationToken)
    {
        var guildId = (string?)d["guild_id"] ?? "";
        var guild = await state.Ids.GetNumberAsync(new PlatformId(IdKind.GuildId, guildId), cancellationToken);
        var user = await GuildUserAsync(d["user"]?["id"], cancellationToken) ?? 0;
        var operatorId = await GuildUserAsync(d["op_user_id"], cancellationToken) ?? user;
        List<KeyValuePair<string, JToken>> extra = [new("guild_id", guildId)];
        return dispatch.Type == "GUILD_MEMBER_ADD"
            ? new GroupIncreaseNotice
            {
                Time = time, SelfId = state.Bot.SelfId, SubType = operatorId == user ? "approve" : "invite",
                GroupId = guild, OperatorId = operatorId, UserId = user, Extra = extra,
            }
            : new GroupDecreaseNotice
            {
                Time = time, SelfId = state.Bot.SelfId, SubType = operatorId == user ? "leave" : "kick",
                GroupId = guild, OperatorId = operatorId, UserId = user, Extra = extra,
            };
    }

    private async Task<(int MessageId, long Author, ChatTarget Channel)> DeletedMessageAsync(JObject d, CancellationToken cancellationToken)
    {
        var message = d["message"] as JObject ?? throw new InboundFormatException("the payload has no 'message'");
        var platformId = (string?)message["id"] ?? throw new InboundFormatException("the deleted message has no 'id'");
        var author = await GuildUserAsync(message["author"]?["id"], cancellationToken) ?? 0;
        var channel = ChatTarget.GuildChannel(
            await state.Ids.GetNumberAsync(new PlatformId(IdKind.ChannelId, (string?)message["channel_id"] ?? ""), cancellationToken));
        var known = await state.Messages.FindByPlatformIdAsync(platformId, cancellationToken);

        // A message the bridge never saw still gets a stable number, so later lookups agree.
        var messageId = known?.MessageId ?? await state.Messages.RecordAsync(
            new MessageDraft(platformId, channel, author, MessageDirection.Received, state.Time.GetUtcNow(), "[]"), cancellationToken);
        return (messageId, author, channel);
    }

    private async Task<NoticeEvent> ExtensionAsync(GatewayDispatch dispatch, JObject d, long time, CancellationToken cancellationToken)
    {
        var extra = new List<KeyValuePair<string, JToken>>();
        ChatTarget? target = null;
        if ((string?)d["group_openid"] is { Length: > 0 } groupOpenId)
        {
            target = ChatTarget.Group(await state.Ids.GetNumberAsync(new PlatformId(IdKind.GroupOpenId, groupOpenId), cancellationToken));
            extra.Add(new("group_id", target.Value.Number));
        }

        var userOpenId = (string?)d["openid"] ?? (string?)d["user_openid"] ?? (string?)d["group_member_openid"] ?? (string?)d["op_member_openid"];
        if (userOpenId is { Length: > 0 })
        {
            var kind = d.ContainsKey("group_openid") ? IdKind.MemberOpenId : IdKind.UserOpenId;
            var user = await state.Ids.GetUserNumberAsync(new PlatformId(kind, userOpenId), (string?)d["author"]?["union_openid"], cancellationToken);
            extra.Add(new("user_id", user));
            target ??= ChatTarget.C2C(user);
        }
        else if (await GuildUserAsync(d["user_id"], cancellationToken) is { } guildUser)
        {
            extra.Add(new("user_id", guildUser));
        }

        if (target is { } replyTarget && ReplyableByEventId(dispatch.Type))
        {
            await RememberEventAsync(replyTarget, dispatch, cancellationToken);
        }

        extra.Add(new("qq", new JObject { ["t"] = dispatch.Type, ["id"] = dispatch.EventId, ["d"] = dispatch.Data }));
        return new ExtensionNotice("qq_" + dispatch.Type.ToLowerInvariant()) { Time = time, SelfId = state.Bot.SelfId, Extra = extra };
    }

    /// <summary>Events whose id the platform accepts as <c>event_id</c> of a passive reply (beside GROUP_ADD_ROBOT and FRIEND_ADD).</summary>
    private static bool ReplyableByEventId(string type) => type is "GROUP_MSG_RECEIVE" or "C2C_MSG_RECEIVE" or "INTERACTION_CREATE";

    private Task RememberEventAsync(ChatTarget target, GatewayDispatch dispatch, CancellationToken cancellationToken) =>
        dispatch.EventId is { Length: > 0 } eventId
            ? state.Replies.RecordEventAsync(target, eventId, state.Time.GetUtcNow(), cancellationToken)
            : Task.CompletedTask;

    private async Task<ChatTarget> GroupAsync(JObject d, CancellationToken cancellationToken)
    {
        var openid = (string?)d["group_openid"] ?? throw new InboundFormatException("the payload has no 'group_openid'");
        return ChatTarget.Group(await state.Ids.GetNumberAsync(new PlatformId(IdKind.GroupOpenId, openid), cancellationToken));
    }

    private async Task<long> MemberAsync(JToken? openid, CancellationToken cancellationToken) =>
        (string?)openid is { Length: > 0 } value
            ? await state.Ids.GetNumberAsync(new PlatformId(IdKind.MemberOpenId, value), cancellationToken)
            : 0;

    private async Task<long> UserAsync(JObject d, CancellationToken cancellationToken)
    {
        var openid = (string?)d["openid"] ?? throw new InboundFormatException("the payload has no 'openid'");
        return await state.Ids.GetUserNumberAsync(new PlatformId(IdKind.UserOpenId, openid), (string?)d["author"]?["union_openid"], cancellationToken);
    }

    private async Task<long?> GuildUserAsync(JToken? id, CancellationToken cancellationToken) =>
        (string?)id is { Length: > 0 } value
            ? await state.Ids.GetNumberAsync(new PlatformId(IdKind.GuildUserId, value), cancellationToken)
            : null;
}
