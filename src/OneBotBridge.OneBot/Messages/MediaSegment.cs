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
}
