namespace OneBotBridge.OneBot.Messages;

/// <summary><c>record{file, magic?, url?, cache?, proxy?, timeout?}</c>: a voice message.</summary>
public sealed record RecordSegment(string File) : MediaSegment(File)
{
    public override string Type => "record";

    /// <summary><c>1</c> for a voice-changed record.</summary>
    public string? Magic { get; init; }

    internal static RecordSegment Read(SegmentDataReader data) =>
        ReadMedia(data, file => new RecordSegment(file) { Magic = data.Optional("magic") });

    private protected override void WriteOwnFields(SegmentDataWriter data) => data.Write("magic", Magic);
}
