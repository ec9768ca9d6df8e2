using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator.OpenApi.Media;
using OneBotBridge.Simulator.OpenApi.Replies;

namespace OneBotBridge.Simulator.OpenApi.Messages;

/// <summary>Validates send bodies: group/C2C by msg_type, guild/DM by "something to show".</summary>
internal sealed class OutgoingMessageReader(MediaStore media)
{
    private const long DefaultMsgSeq = 1;

    public bool TryRead(MessageScene scene, JToken? body, [NotNullWhen(true)] out OutgoingMessage? message, [NotNullWhen(false)] out ApiError? error)
    {
        message = null;
        if (body is not JObject fields)
        {
            error = ApiErrors.InvalidRequest("the body must be a JSON object");
            return false;
        }

        error = ReadReplyReference(fields, out var msgId, out var eventId, out var msgSeq)
            ?? (scene is MessageScene.Group or MessageScene.C2C ? CheckGroupOrC2C(scene, fields) : CheckGuild(fields));
        if (error is not null)
        {
            return false;
        }

        message = new OutgoingMessage(fields, msgId, eventId, msgSeq);
        return true;
    }

    private ApiError? CheckGroupOrC2C(MessageScene scene, JObject fields)
    {
        var msgType = fields["msg_type"] switch
        {
            null => 0L,
            JValue { Value: long value } => value,
            _ => -1L,
        };
        return msgType switch
        {
            0 => RequireContent(fields, "msg_type 0 (text) needs a non-empty content"),
            2 => RequireObject(fields, "markdown", "msg_type 2 (markdown) needs a markdown object"),
            3 => RequireObject(fields, "ark", "msg_type 3 (ark) needs an ark object"),
            4 => RequireObject(fields, "embed", "msg_type 4 (embed) needs an embed object"),
            7 => CheckMedia(scene, fields),
            _ => ApiErrors.InvalidRequest("msg_type must be 0 (text), 2 (markdown), 3 (ark), 4 (embed) or 7 (media)"),
        };
    }

    private ApiError? CheckMedia(MessageScene scene, JObject fields)
    {
        var fileInfo = fields["media"] is JObject mediaObject ? SimulatorJson.StringOf(mediaObject["file_info"]) : null;
        if (string.IsNullOrEmpty(fileInfo))
        {
            return ApiErrors.InvalidRequest("msg_type 7 (media) needs media.file_info from an upload to /files");
        }

        if (!media.IsUsable(fileInfo, scene))
        {
            return ApiErrors.InvalidRequest($"media.file_info was not issued for a {scene} target, or its ttl has passed");
        }

        return RequireContent(fields, "msg_type 7 (media) needs a non-empty content, e.g. \" \"");
    }

    private static ApiError? CheckGuild(JObject fields)
    {
        var hasSomething = !string.IsNullOrEmpty(SimulatorJson.StringOf(fields["content"]))
            || fields["embed"] is JObject
            || fields["ark"] is JObject
            || fields["markdown"] is JObject
            || !string.IsNullOrEmpty(SimulatorJson.StringOf(fields["image"]))
            || fields["file_image"] is not null;
        return hasSomething ? null : ApiErrors.EmptyMessage("a guild message needs content, embed, ark, markdown, image or file_image");
    }

    private static ApiError? ReadReplyReference(JObject fields, out string? msgId, out string? eventId, out long msgSeq)
    {
        msgId = null;
        eventId = null;
        msgSeq = DefaultMsgSeq;
        if (!TryReadOptionalString(fields, "msg_id", out msgId) || !TryReadOptionalString(fields, "event_id", out eventId))
        {
            return ApiErrors.InvalidRequest("msg_id and event_id must be strings");
        }

        switch (fields["msg_seq"])
        {
            case null or { Type: JTokenType.Null }:
                return null;
            case JValue { Value: long seq } when seq >= 0:
                msgSeq = seq;
                return null;
            default:
                return ApiErrors.InvalidRequest("msg_seq must be a non-negative integer");
        }
    }

    private static bool TryReadOptionalString(JObject fields, string name, out string? value)
    {
        value = null;
        var token = fields[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            return true;
        }

        value = token.Type == JTokenType.String ? (string?)token : null;
        return value is not null;
    }

    private static ApiError? RequireContent(JObject fields, string why) =>
        string.IsNullOrEmpty(SimulatorJson.StringOf(fields["content"])) ? ApiErrors.EmptyMessage(why) : null;

    private static ApiError? RequireObject(JObject fields, string name, string why) =>
        fields[name] is JObject ? null : ApiErrors.InvalidRequest(why);
}
