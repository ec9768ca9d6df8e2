namespace OneBotBridge.Simulator.OpenApi.Replies;

/// <summary>A msg_id or event_id the platform delivered, and the replies already made with it.</summary>
internal sealed class ReplySource(string id, string eventType, ReplyTarget? target, DateTimeOffset receivedAt)
{
    private readonly HashSet<long> _usedSeqs = [];

    public string Id => id;

    public string EventType => eventType;

    /// <summary>Null for an event that cannot be replied to.</summary>
    public ReplyTarget? Target => target;

    public DateTimeOffset ReceivedAt => receivedAt;

    public int Replies { get; private set; }

    public bool HasUsed(long msgSeq) => _usedSeqs.Contains(msgSeq);

    public void RecordReply(long msgSeq)
    {
        _usedSeqs.Add(msgSeq);
        Replies++;
    }
}
