using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Replies;

/// <summary>
/// The live state of one received message or event that sends can reply to: a value in its book's table, changed
/// there in place. Guarded by the book's lock.
/// </summary>
internal struct ReplySource(ReplySourceKind kind, string id, ChatTarget target, long? senderNumber, DateTimeOffset receivedAt)
{
    public ReplySourceKind Kind { get; } = kind;

    public string Id { get; } = id;

    public ChatTarget Target { get; } = target;

    public long? SenderNumber { get; } = senderNumber;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    /// <summary>The highest <c>msg_seq</c> handed out; the next one is one more.</summary>
    public int SeqHighWater { get; set; }

    /// <summary>Replies made with this source (a retry after a duplicate msg_seq is not another reply).</summary>
    public int Uses { get; set; }

    /// <summary>Set when the platform rejected this source as expired or invalid.</summary>
    public bool Rejected { get; set; }

    public static ReplySource From(ReplySourceRecord record) =>
        new(record.Kind, record.SourceId, record.Target, record.SenderNumber, record.ReceivedAt)
        {
            SeqHighWater = record.SeqHighWater,
            Uses = record.Uses,
        };

    public ReplySourceRecord ToRecord() => new(Kind, Id, Target, SenderNumber, ReceivedAt, SeqHighWater, Uses);
}
