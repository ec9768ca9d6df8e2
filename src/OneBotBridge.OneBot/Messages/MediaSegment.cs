namespace OneBotBridge.OneBot.Messages;

/// <summary>
/// A segment carrying a file (<c>image</c>, <c>record</c>, <c>video</c>, <c>file</c>): <see cref="File"/> names
/// where to get it (see <see cref="Source"/>); <see cref="Url"/> is where a received one can be downloaded.
/// <see cref="Cache"/>, <see cref="Proxy"/> and <see cref="Timeout"/> are kept as the sender wrote them.
/// </summary>
public abstract record MediaSegment(string File) : Segment
{
    public string? Url { get; init; }

    public string? Cache { get; init; }

    public string? Proxy { get; init; }

    public string? Timeout { get; init; }

    public MediaSource Source => MediaSource.Parse(File);

    /// <summary>
    /// Reads <c>file</c>, then what <paramref name="create"/> reads of its own, then the fields every media
    /// segment has; whatever is left is kept as <see cref="Segment.ExtraData"/>.
    /// </summary>
    private protected static TSegment ReadMedia<TSegment>(SegmentDataReader data, Func<string, TSegment> create)
        where TSegment : MediaSegment
    {
        MediaSegment segment = create(data.Required("file"));
        return (TSegment)(segment with
        {
            Url = data.Optional("url"),
            Cache = data.Optional("cache"),
            Proxy = data.Optional("proxy"),
            Timeout = data.Optional("timeout"),
            ExtraData = data.Rest(),
        });
    }

    /// <summary>Writes <c>file</c>, the segment's own fields, then the fields every media segment has.</summary>
    private protected sealed override void WriteFields(SegmentDataWriter data)
    {
        data.Write("file", File);
        WriteOwnFields(data);
        data.Write("url", Url);
        data.Write("cache", Cache);
        data.Write("proxy", Proxy);
        data.Write("timeout", Timeout);
    }

    /// <summary>The fields only this kind of media has, written between <c>file</c> and <c>url</c>.</summary>
    private protected virtual void WriteOwnFields(SegmentDataWriter data)
    {
    }
}
