using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.OneBot.Transports;

/// <summary>
/// Writes an <see cref="ActionResponse"/> the way frameworks read it: a failure carries its text as
/// <c>msg</c>, <c>wording</c> (go-cqhttp) and <c>message</c>; <c>echo</c> only when the request had one.
/// </summary>
internal static class ActionResponseJson
{
    public static byte[] Serialize(ActionResponse response)
    {
        var json = new JObject
        {
            ["status"] = response.Status,
            ["retcode"] = response.Retcode,
            ["data"] = response.Data ?? JValue.CreateNull(),
        };
        if (response.Message is { } message)
        {
            json["msg"] = message;
            json["wording"] = message;
            json["message"] = message;
        }

        if (response.Echo is { } echo)
        {
            json["echo"] = echo;
        }

        return OneBotJson.Serialize(json);
    }
}
