namespace OneBotBridge.Core.Ids;

/// <summary>The <c>ids</c> section of bridge.yaml.</summary>
public sealed class IdOptions
{
    /// <summary>Positive and below 2^31 by default, so frameworks that keep ids in 32-bit ints work.</summary>
    public static readonly NumberRange DefaultRange = new(10_000, int.MaxValue);

    /// <summary><c>ids.range: [min, max]</c>: user and group numbers are hashed into this range.</summary>
    public NumberRange Range { get; set; } = DefaultRange;
}
