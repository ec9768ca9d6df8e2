using System.Globalization;

namespace OneBotBridge.OneBot.Messages;

/// <summary><c>at{qq, name?}</c>: <see cref="Qq"/> is a user id or <c>all</c>.</summary>
public sealed record AtSegment(string Qq) : Segment
{
    private const string Everyone = "all";

    public AtSegment(long userId)
        : this(userId.ToString(CultureInfo.InvariantCulture))
    {
    }

    public static AtSegment All { get; } = new(Everyone);

    public override string Type => "at";

    /// <summary>The display name the sender gave (extension).</summary>
    public string? Name { get; init; }

    public bool IsAll => Qq == Everyone;

    /// <summary>The user mentioned; <c>null</c> for <c>all</c>.</summary>
    public long? UserId => IsAll ? null : long.Parse(Qq, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    internal static AtSegment Read(SegmentDataReader data)
    {
        var qq = data.Required("qq");
        if (qq != Everyone && !long.TryParse(qq, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            throw data.Invalid($"data.qq must be a user id or \"all\", got \"{qq}\"");
        }

        return new(qq) { Name = data.Optional("name"), ExtraData = data.Rest() };
    }

    private protected override void WriteFields(SegmentDataWriter data)
    {
        data.Write("qq", Qq);
        data.Write("name", Name);
    }
}
