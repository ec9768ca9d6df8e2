using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>group_upload</c>: <see cref="UserId"/> uploaded a group file.</summary>
public sealed record GroupUploadNotice : NoticeEvent
{
    public override string NoticeType => "group_upload";

    public required long GroupId { get; init; }

    public required long UserId { get; init; }

    public required UploadedFile File { get; init; }

    private protected override void WriteNoticeFields(JsonWriter writer)
    {
        writer.WriteField("group_id", GroupId);
        writer.WriteField("user_id", UserId);
        writer.WritePropertyName("file");
        writer.WriteStartObject();
        writer.WriteField("id", File.Id);
        writer.WriteField("name", File.Name);
        writer.WriteField("size", File.Size);
        writer.WriteField("busid", File.Busid);
        writer.WriteEndObject();
    }
}
