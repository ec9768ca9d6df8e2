using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary>
/// A notice type outside the standard set (e.g. a QQ platform event with no OneBot equivalent);
/// its fields go in <see cref="OneBotEvent.Extra"/>.
/// </summary>
public sealed record ExtensionNotice : NoticeEvent
{
    public ExtensionNotice(string noticeType)
    {
        NoticeType = noticeType;
    }

    public override string NoticeType { get; }

    public string? SubType { get; init; }

    private protected override void WriteNoticeFields(JsonWriter writer)
    {
        if (SubType is not null)
        {
            writer.WriteField("sub_type", SubType);
        }
    }
}
