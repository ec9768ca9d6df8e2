namespace OneBotBridge.Core.Ids;

/// <summary>An inclusive range of positive numbers that ids are hashed into.</summary>
public readonly record struct NumberRange
{
    public NumberRange(long min, long max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        Min = min;
        Max = max;
    }

    public long Min { get; }

    public long Max { get; }

    /// <summary>How many numbers the range holds.</summary>
    public ulong Size => (ulong)(Max - Min) + 1;

    public bool Contains(long number) => number >= Min && number <= Max;

    public override string ToString() => $"[{Min}, {Max}]";
}
