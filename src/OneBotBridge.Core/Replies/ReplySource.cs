using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Replies;

/// <summary>
/// The live state of one received message or event that sends can reply to: a value in its book's table, changed
/// there in place. Guarded by the book's lock.
/// </summary>
internal struct ReplySource(ReplySourceKind kind, string id, ChatTarget target, long? senderNumber, DateTimeOffset receivedAt)
{
    /// <summary>
    /// How many <c>msg_seq</c>s a source reserves at a time. A restart finds a source by its row (a received message's,
    /// an event's), and resumes above the first block or above the reservation stored with it, whichever is higher: so
    /// a send waits for the store only when it crosses into a block the store has not yet acknowledged. The platform
    /// allows 5 replies per message; the rest of the block leaves room for retries after a duplicate seq.
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
    /// The highest <c>msg_seq</c> that may be handed out: what this source's writes carry to the store
    /// (<see cref="ReplySourceRecord.SeqHighWater"/>), at least <see cref="SeqBlock"/>.
    /// </summary>
    public int SeqReserved { get; private set; } = SeqBlock;

    /// <summary>The part of <see cref="SeqReserved"/> the store has acknowledged: seqs up to it go out without waiting.</summary>
    public int SeqAcknowledged { get; private set; } = SeqBlock;

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
            SeqAcknowledged = reserved,
            LastSeq = reserved,
            Uses = record.Uses,
        };
    }

    /// <summary>
    /// Hands out the next <c>msg_seq</c>. True when it lies beyond what the store acknowledged (the reservation moves a
    /// block on if it lies beyond that too): the seq may only be used once <see cref="ToRecord"/> of this state is
    /// stored, and then <see cref="Acknowledge"/> says so.
    /// </summary>
    public bool TakeSeq(out int seq)
    {
        seq = ++LastSeq;
        if (seq <= SeqAcknowledged)
        {
            return false;
        }

        if (seq > SeqReserved)
        {
            SeqReserved = seq + SeqBlock - 1;
        }

        return true;
    }

    /// <summary>The store acknowledged a write of this source that carried <paramref name="reserved"/>.</summary>
    public void Acknowledge(int reserved) => SeqAcknowledged = Math.Max(SeqAcknowledged, reserved);

    public ReplySourceRecord ToRecord() => new(Kind, Id, Target, SenderNumber, ReceivedAt, SeqReserved, Uses);
}
