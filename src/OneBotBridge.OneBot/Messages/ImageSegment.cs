namespace OneBotBridge.OneBot.Messages;

/// <summary><c>image{file, type?, url?, cache?, proxy?, timeout?}</c>; <see cref="ImageType"/> is <c>flash</c> for flash images.</summary>
public sealed record ImageSegment(string File) : MediaSegment(File)
{
    public override string Type => "image";

    public string? ImageType { get; init; }

    internal static ImageSegment Read(SegmentDataReader data) =>
        ReadMedia(data, file => new ImageSegment(file) { ImageType = data.Optional("type") });

    private protected override void WriteOwnFields(SegmentDataWriter data) => data.Write("type", ImageType);
}
