using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator;

namespace OneBotBridge.Simulation;

/// <summary>
/// One line saying what the simulated platform received from the bridge, as a bot author wants
/// to read it: <c>group D4DE0123…: passive reply to ROBOT1.0_… seq 1: hi</c>, or the refusal.
/// Requests that are not sends, uploads or recalls (tokens, gateway lookups) have no line.
/// </summary>
internal static partial class PlatformReceipt
{
    public static string? Format(RecordedRequest request)
    {
        if (Target(request.Path) is not { } target)
        {
            return null;
        }

        if (request.ResponseStatus is < 200 or > 299)
        {
            return $"{target.Name}: refused {Refusal(request)}";
        }

        return (request.Method, target.Kind) switch
        {
            ("POST", "messages") => $"{target.Name}: {Describe(Body(request.Body))}",
            ("POST", "files") => $"{target.Name}: media uploaded (file_type {Scalar(Body(request.Body)["file_type"]) ?? "?"})",
            ("DELETE", "messages") => $"{target.Name}: recalled {target.MessageId}",
            _ => null,
        };
    }

    private static string Describe(JObject body)
    {
        var seq = Scalar(body["msg_seq"]) ?? "1";
        var context = Scalar(body["msg_id"]) is { } msgId
            ? $"passive reply to {msgId} seq {seq}"
            : Scalar(body["event_id"]) is { } eventId ? $"reply to event {eventId} seq {seq}" : "unprompted message";
        var content = Scalar(body["content"])?.Trim() ?? "";
        var extras = new[] { ("media", "[media]"), ("markdown", "[markdown]"), ("keyboard", "[keyboard]"), ("ark", "[ark]"), ("image", "[image]") }
            .Where(extra => body.ContainsKey(extra.Item1))
            .Select(extra => extra.Item2);
        var text = string.Join(" ", extras.Prepend(content).Where(part => part.Length > 0));
        return $"{context}: {text}";
    }

    private static string Refusal(RecordedRequest request)
    {
        var body = Body(request.ResponseBody);
        return $"{Scalar(body["code"]) ?? request.ResponseStatus.ToString(CultureInfo.InvariantCulture)} {Scalar(body["message"]) ?? "(no message)"}";
    }

    /// <summary>A value as text, whatever its JSON type; null for null, objects and arrays. Printing must never throw: it runs on the platform's request thread.</summary>
    private static string? Scalar(JToken? token) =>
        token is JValue { Value: { } value } ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static JObject Body(string json)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader) as JObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static (string Name, string Kind, string? MessageId)? Target(string path)
    {
        var match = TargetPath().Match(path);
        if (!match.Success)
        {
            return null;
        }

        var id = match.Groups["id"].Value;
        var name = match.Groups["scene"].Value switch
        {
            "v2/groups" => ChatName.Group(id),
            "v2/users" => ChatName.User(id),
            "channels" => ChatName.Channel(id),
            _ => ChatName.DirectMessages(id),
        };
        return (name, match.Groups["kind"].Value, match.Groups["message"].Success ? match.Groups["message"].Value : null);
    }

    [GeneratedRegex("^/(?<scene>v2/groups|v2/users|channels|dms)/(?<id>[^/]+)/(?<kind>messages|files)(/(?<message>[^/]+))?$")]
    private static partial Regex TargetPath();
}
