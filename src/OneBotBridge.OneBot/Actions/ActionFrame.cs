using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Actions;

/// <summary>Reads a WebSocket API frame <c>{"action": ..., "params": {...}, "echo": ...}</c>.</summary>
internal static class ActionFrame
{
    /// <param name="echo">The frame's echo when it could be read, even if the frame is otherwise wrong.</param>
    /// <param name="problem">What is wrong with the frame, in words for the framework's author.</param>
    public static bool TryParse(
        ReadOnlySpan<byte> frame,
        [NotNullWhen(true)] out ActionRequest? request,
        out JToken? echo,
        [NotNullWhen(false)] out string? problem)
    {
        request = null;
        echo = null;
        JToken root;
        try
        {
            root = OneBotJson.Parse(frame);
        }
        catch (JsonReaderException e)
        {
            problem = $"the frame is not valid JSON: {e.Message}";
            return false;
        }

        if (root is not JObject body)
        {
            problem = $"the frame must be a JSON object, got {JsonValueText.Describe(root)}";
            return false;
        }

        echo = body.TryGetValue("echo", StringComparison.Ordinal, out var echoValue) ? echoValue : null;
        problem = body["action"] switch
        {
            null or { Type: JTokenType.Null } => "the frame has no \"action\"",
            JValue { Type: JTokenType.String } action when ((string)action!).Length == 0 => "\"action\" is empty",
            JValue { Type: JTokenType.String } => null,
            var action => $"\"action\" must be a string, got {JsonValueText.Describe(action)}",
        };
        problem ??= body["params"] switch
        {
            null or { Type: JTokenType.Null } or JObject => null,
            var parameters => $"\"params\" must be an object, got {JsonValueText.Describe(parameters)}",
        };
        if (problem is not null)
        {
            return false;
        }

        request = new ActionRequest((string)body["action"]!, body["params"] as JObject ?? [], echo);
        return true;
    }
}
