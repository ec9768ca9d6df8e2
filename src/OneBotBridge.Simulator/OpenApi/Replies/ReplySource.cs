namespace OneBotBridge.Simulator.OpenApi.Replies;

/// <summary>
/// A msg_id or event_id the platform delivered, and the replies already made with it. A value in the ledger's
/// table, not an object of its own: the ledger keeps every id for a day, and a busy simulator delivers thousands
/// a second.
/// </summary>
internal struct ReplySource(string eventType, ReplyTarget? target, DateTimeOffset receivedAt, long registration)
{
    // Made on the first reply: most of what is delivered is never replied to.
    private HashSet<long>? _usedSeqs;

    public readonly string EventType => eventType;

    /// <summary>Null for an event that cannot be replied to.</summary>
    public readonly ReplyTarget? Target => target;

    public readonly DateTimeOffset ReceivedAt => receivedAt;

    /// <summary>Which registration of its id this is: an id delivered again replaces the first.</summary>
    public readonly long Registration => registration;

    public int Replies { readonly get; private set; }

    public readonly bool HasUsed(long msgSeq) => _usedSeqs?.Contains(msgSeq) == true;

    public void RecordReply(long msgSeq)
    {
        (_usedSeqs ??= []).Add(msgSeq);
        Replies++;
    }
}
