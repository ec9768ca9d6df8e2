using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Roster;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.Core.Actions;

/// <summary><c>get_msg{message_id}</c> → <c>{time, message_type, message_id, real_id, sender, message, raw_message}</c> of a remembered message.</summary>
[OneBotAction("get_msg")]
internal sealed class GetMsgHandler(MessageStore messages, ChatRoster roster, BotState bot, OneBotOptions options) : IOneBotActionHandler
{
    public async Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var messageId = context.Params.GetInt32("message_id");
        var record = await messages.FindRecordAsync(messageId, cancellationToken).ConfigureAwait(false)
            ?? throw new ActionFailedException(Retcode.BadRequest, $"message_id {messageId} is unknown to the bridge (never seen or pruned)");
        var message = ReadContent(record.Content);
        var isGroup = record.Target.Scene is Scene.Group or Scene.GuildChannel;
        var data = new JObject
        {
            ["time"] = record.Time.ToUnixTimeSeconds(),
            ["message_type"] = isGroup ? "group" : "private",
            ["message_id"] = record.MessageId,
            ["real_id"] = record.MessageId,
            ["sender"] = Sender(record, isGroup),
            ["message"] = options.MessageFormat == MessageFormat.String ? message.ToCqString() : message.ToJson(),
            ["raw_message"] = message.ToCqString(),
        };
        data[isGroup ? "group_id" : "user_id"] = record.Target.Number;
        return data;
    }

    /// <summary>Stored content is a segment array in JSON; anything else is read as a CQ string.</summary>
    private static Message ReadContent(string content)
    {
        try
        {
            if (content.StartsWith('['))
            {
                return Message.Parse(JArray.Parse(content));
            }
        }
        catch (Exception e) when (e is JsonException or MessageFormatException)
        {
            // Not a segment array after all: a CQ string that starts with a code.
        }

        return Message.FromCqString(content);
    }

    private JObject Sender(MessageRecord record, bool isGroup)
    {
        if (record.Direction == MessageDirection.Sent)
        {
            return new JObject { ["user_id"] = record.SenderNumber, ["nickname"] = bot.Nickname };
        }

        var member = isGroup ? roster.FindMember(record.Target, record.SenderNumber) : roster.FindUser(record.SenderNumber);
        var sender = new JObject { ["user_id"] = record.SenderNumber, ["nickname"] = member?.Nickname ?? "" };
        if (isGroup)
        {
            sender["card"] = member?.Card ?? "";
            sender["role"] = member is { Role.Length: > 0 } ? member.Role : "member";
        }

        return sender;
    }
}
