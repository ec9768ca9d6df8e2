using Newtonsoft.Json.Linq;

namespace OneBotBridge.OneBot.Abstractions;

/// <summary>The answer to an <see cref="ActionRequest"/>; <see cref="Echo"/> is copied from the request.</summary>
public sealed record ActionResponse(string Status, int Retcode, JToken? Data, string? Message, JToken? Echo)
{
    public bool IsOk => Retcode == Abstractions.Retcode.Ok;

    public static ActionResponse Ok(JToken? data, JToken? echo = null) =>
        new("ok", Abstractions.Retcode.Ok, data, null, echo);

    public static ActionResponse Failed(int retcode, string message, JToken? echo = null) =>
        new("failed", retcode, null, message, echo);
}
