using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;
using OneBotBridge.Core.Roster;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.Core.Inbound;

/// <summary>What translating an event reads and records: ids, messages, reply sources, the roster.</summary>
public sealed class InboundState(
    IdMap ids,
    MessageStore messages,
    ReplyContextBook replies,
    PendingSends pending,
    ChatRoster roster,
    BotState bot,
    TimeProvider time)
{
    public IdMap Ids => ids;

    public MessageStore Messages => messages;

    public ReplyContextBook Replies => replies;

    public PendingSends Pending => pending;

    public ChatRoster Roster => roster;

    public BotState Bot => bot;

    public TimeProvider Time => time;
}
