using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Replies;

/// <summary>
/// The live state of one received message or event that sends can reply to: a value in its book's table, changed
/// there in place. Guarded by the book's lock.
/// </summary>
internal struct ReplySource(ReplySourceKind kind, string id, ChatTarget target, long? senderNumber, DateTimeOffset receivedAt)
{
    /// <summary>
    /// How far a source's reservation of <c>msg_seq</c>s reaches beyond what was last stored of it. A source is stored
    /// before anything can reply to it (a received message's row, an event's), so its first seqs are reserved from the
    /// start: a send waits for the store only when it crosses into the next block. The platform allows 5 replies per
    /// message; the rest of the block leaves room for retries after a duplicate seq.
    /// </summary>
    public const int SeqBlock = 8;

    public ReplySourceKind Kind { get; } = kind;

    public string Id { get; } = id;

    public ChatTarget Target { get; } = target;

    public long? SenderNumber { get; } = senderNumber;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    /// <summary>The highest <c>msg_seq</c> handed out; the next one is one more.</summary>
    public int LastSeq { get; private set; }

    /// <summary>
    /// The highest <c>msg_seq</c> that may have been handed out, as far as a restart can tell: what the store holds
    /// (<see cref="ReplySourceRecord.SeqHighWater"/>), and at least <see cref="SeqBlock"/>.
    /// </summary>
    public int SeqReserved { get; private set; } = SeqBlock;

    /// <summary>Replies made with this source (a retry after a duplicate msg_seq is not another reply).</summary>
    public int Uses { get; set; }

    /// <summary>Set when the platform rejected this source as expired or invalid.</summary>
    public bool Rejected { get; set; }

    /// <summary>
    /// A source as a restart finds it: every seq up to its reservation may have been used before the restart, so the
    /// next one lies above it.
    /// </summary>
    public static ReplySource From(ReplySourceRecord record)
    {
        var reserved = Math.Max(record.SeqHighWater, SeqBlock);
        return new(record.Kind, record.SourceId, record.Target, record.SenderNumber, record.ReceivedAt)
        {
            SeqReserved = reserved,
            LastSeq = reserved,
            Uses = record.Uses,
        };
    }

    /// <summary>
    /// Hands out the next <c>msg_seq</c>. True when it lay beyond the reservation, which then moved a block on:
    /// the seq may only be used once <see cref="ToRecord"/> of this state is stored.
    /// </summary>
    public bool TakeSeq(out int seq)
    {
        seq = ++LastSeq;
        if (seq <= SeqReserved)
        {
            return false;
        }

        SeqReserved = seq + SeqBlock - 1;
        return true;
    }

    public ReplySourceRecord ToRecord() => new(Kind, Id, Target, SenderNumber, ReceivedAt, SeqReserved, Uses);
}
