using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Abstractions;

/// <summary>
/// The answer to an <see cref="ActionRequest"/>; <see cref="Echo"/> is copied from the request
/// (<c>null</c>: the request had none, and the response omits the key). A failed response carries
/// its <see cref="Message"/> as <c>msg</c>, <c>wording</c> and <c>message</c>, the names different
/// frameworks read, and <c>data: null</c>.
/// </summary>
public sealed record ActionResponse(string Status, int Retcode, JToken? Data, string? Message, JToken? Echo)
{
    public bool IsOk => Retcode == Abstractions.Retcode.Ok;

    public static ActionResponse Ok(JToken? data, JToken? echo = null) =>
        new("ok", Abstractions.Retcode.Ok, data, null, echo);

    public static ActionResponse Failed(int retcode, string message, JToken? echo = null) =>
        new("failed", retcode, null, message, echo);

    /// <summary>Writes <c>status, retcode, data, msg, wording, message, echo</c>; absent parts are left out.</summary>
    internal void WriteTo(JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteField("status", Status);
        writer.WriteField("retcode", Retcode);
        writer.WriteField("data", Data);
        if (Message is not null)
        {
            writer.WriteField("msg", Message);
            writer.WriteField("wording", Message);
            writer.WriteField("message", Message);
        }

        if (Echo is not null)
        {
            writer.WriteField("echo", Echo);
        }

        writer.WriteEndObject();
    }
}
