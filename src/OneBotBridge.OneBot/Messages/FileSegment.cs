namespace OneBotBridge.OneBot.Messages;

/// <summary><c>file{file, name?, url?}</c> (extension): a file attachment.</summary>
public sealed record FileSegment(string File) : MediaSegment(File)
{
    public override string Type => "file";

    /// <summary>The file name shown to users.</summary>
    public string? Name { get; init; }

    internal static FileSegment Read(SegmentDataReader data) =>
        ReadMedia(data, file => new FileSegment(file) { Name = data.Optional("name") });

    private protected override void WriteOwnFields(SegmentDataWriter data) => data.Write("name", Name);
}
