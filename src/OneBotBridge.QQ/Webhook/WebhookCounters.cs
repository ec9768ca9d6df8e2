namespace OneBotBridge.QQ.Webhook;

/// <summary>What the webhook receiver has done so far, for metrics. Thread-safe.</summary>
public sealed class WebhookCounters
{
    private readonly long[] _rejected = new long[Enum.GetValues<WebhookRejection>().Length];
    private long _requests;
    private long _eventsAccepted;
    private long _duplicatesSkipped;
    private long _deferred;
    private long _validations;

    /// <summary>POST requests to the callback path, whatever became of them.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Dispatches written to the pipeline (each event id once).</summary>
    public long EventsAccepted => Interlocked.Read(ref _eventsAccepted);

    /// <summary>Redeliveries of an event already in the pipeline: acknowledged, not dispatched again.</summary>
    public long DuplicatesSkipped => Interlocked.Read(ref _duplicatesSkipped);

    /// <summary>Dispatches answered with "failed, send again" because the pipeline stayed full (or the same event was still being handed on).</summary>
    public long Deferred => Interlocked.Read(ref _deferred);

    /// <summary>Callback validations (op 13) answered.</summary>
    public long Validations => Interlocked.Read(ref _validations);

    public long Rejected(WebhookRejection reason) => Interlocked.Read(ref _rejected[(int)reason]);

    public long RejectedTotal => Enum.GetValues<WebhookRejection>().Sum(Rejected);

    internal void RequestReceived() => Interlocked.Increment(ref _requests);
    internal void EventAccepted() => Interlocked.Increment(ref _eventsAccepted);
    internal void DuplicateSkipped() => Interlocked.Increment(ref _duplicatesSkipped);
    internal void EventDeferred() => Interlocked.Increment(ref _deferred);
    internal void ValidationAnswered() => Interlocked.Increment(ref _validations);
    internal void RequestRejected(WebhookRejection reason) => Interlocked.Increment(ref _rejected[(int)reason]);
}
