namespace OneBotBridge.Simulator.Webhook;

/// <summary>What the simulated platform's webhook pusher did so far; every read is thread-safe.</summary>
public sealed class WebhookDeliveryCounters
{
    private int _attempts;
    private int _delivered;
    private int _retries;
    private int _gaveUp;
    private int _validations;
    private int _validationFailures;

    /// <summary>Signed dispatch POSTs sent, first tries and retries alike.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Dispatches the bot acknowledged.</summary>
    public int Delivered => Volatile.Read(ref _delivered);

    /// <summary>Attempts made again after a failure (non-2xx, <c>d:1</c>, transport error, timeout, failed validation).</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <summary>Dispatches dropped after the last retry failed, as the platform drops them.</summary>
    public int GaveUp => Volatile.Read(ref _gaveUp);

    /// <summary>Callback validations (op 13) sent.</summary>
    public int Validations => Volatile.Read(ref _validations);

    /// <summary>Validations whose answer was missing, wrong or badly signed.</summary>
    public int ValidationFailures => Volatile.Read(ref _validationFailures);

    internal void Attempted() => Interlocked.Increment(ref _attempts);

    internal void DeliverySucceeded() => Interlocked.Increment(ref _delivered);

    internal void Retried() => Interlocked.Increment(ref _retries);

    internal void DeliveryAbandoned() => Interlocked.Increment(ref _gaveUp);

    internal void ValidationSent() => Interlocked.Increment(ref _validations);

    internal void ValidationFailed() => Interlocked.Increment(ref _validationFailures);

    public override string ToString() =>
        $"attempts={Attempts} delivered={Delivered} retries={Retries} gave_up={GaveUp} validations={Validations} validation_failures={ValidationFailures}";
}
