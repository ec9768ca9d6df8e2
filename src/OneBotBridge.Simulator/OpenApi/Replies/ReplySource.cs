namespace OneBotBridge.Simulator.OpenApi.Replies;

/// <summary>A msg_id or event_id the platform delivered, and the replies already made with it.</summary>
internal sealed class ReplySource(string id, string eventType, ReplyTarget? target, DateTimeOffset receivedAt)
{
    // Made on the first reply: most of what is delivered is never replied to, and the simulator keeps it all for a day.
    private HashSet<long>? _usedSeqs;

    public string Id => id;

    public string EventType => eventType;

    /// <summary>Null for an event that cannot be replied to.</summary>
    public ReplyTarget? Target => target;

    public DateTimeOffset ReceivedAt => receivedAt;

    public int Replies { get; private set; }

    public bool HasUsed(long msgSeq) => _usedSeqs?.Contains(msgSeq) == true;

    public void RecordReply(long msgSeq)
    {
        (_usedSeqs ??= []).Add(msgSeq);
        Replies++;
    }
}
