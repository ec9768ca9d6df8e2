using Newtonsoft.Json;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Events;

/// <summary><c>post_type: notice</c>, told apart by <c>notice_type</c>.</summary>
public abstract record NoticeEvent : OneBotEvent
{
    public sealed override string PostType => "notice";

    public abstract string NoticeType { get; }

    private protected sealed override void WriteFields(JsonWriter writer, EventWriteContext context)
    {
        writer.WriteField("notice_type", NoticeType);
        WriteNoticeFields(writer);
    }

    /// <summary>Writes the fields after <c>notice_type</c>.</summary>
    private protected abstract void WriteNoticeFields(JsonWriter writer);
}
