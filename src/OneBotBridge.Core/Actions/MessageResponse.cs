using Newtonsoft.Json.Linq;

namespace OneBotBridge.Core.Actions;

internal static class MessageResponse
{
    /// <summary>The data of a successful send: <c>{"message_id": N}</c>.</summary>
    public static JToken? Of(int messageId) => new JObject { ["message_id"] = messageId };
}
