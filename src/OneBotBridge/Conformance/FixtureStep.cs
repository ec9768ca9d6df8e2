using Newtonsoft.Json.Linq;
using OneBotBridge.Configuration.Values;

namespace OneBotBridge.Conformance;

/// <summary>One step of a fixture: its kind (the step object's one key beside <c>respond</c>) and that key's value.</summary>
public sealed record FixtureStep(int Number, string Kind, JToken Value, JObject? Respond, TimeSpan Duration)
{
    public const string QQDispatch = "qq_dispatch";
    public const string ExpectEvent = "expect_event";
    public const string Action = "action";
    public const string ExpectResponse = "expect_response";
    public const string ExpectQQRequest = "expect_qq_request";
    public const string AdvanceTime = "advance_time";
    public const string ExpectNoEvent = "expect_no_event";
    public const string ExpectNoQQRequest = "expect_no_qq_request";

    private static readonly string[] Kinds = [QQDispatch, ExpectEvent, Action, ExpectResponse, ExpectQQRequest, AdvanceTime, ExpectNoEvent, ExpectNoQQRequest];

    /// <summary>Steps that make something happen; a <c>respond</c> is set up before the trigger it follows.</summary>
    public bool IsTrigger => Kind is QQDispatch or Action or AdvanceTime;

    public string Label => $"step {Number} ({Kind})";

    internal static FixtureStep Parse(JToken token, int number, string path)
    {
        var where = $"{path}: step {number}";
        if (token is not JObject step)
        {
            throw new FixtureFormatException($"{where}: must be an object");
        }

        var keys = step.Properties().Select(p => p.Name).Where(name => name != "respond").ToList();
        if (keys.Count != 1 || !Kinds.Contains(keys[0]))
        {
            throw new FixtureFormatException($"{where}: needs exactly one of {string.Join(", ", Kinds)} (found {string.Join(", ", keys)})");
        }

        var kind = keys[0];
        JToken value = step[kind]!;
        var respond = step["respond"];
        if (respond is not null && (kind != ExpectQQRequest || respond is not JObject || respond["status"]?.Type != JTokenType.Integer))
        {
            throw new FixtureFormatException($"{where}: \"respond\" belongs to expect_qq_request and needs an integer \"status\"");
        }

        var duration = TimeSpan.Zero;
        switch (kind)
        {
            case QQDispatch when value is not JObject || (string?)value["t"] is not { Length: > 0 } || value["d"] is null:
                throw new FixtureFormatException($"{where}: qq_dispatch needs \"t\" and \"d\"");
            case Action when value is not JObject || (string?)value["action"] is not { Length: > 0 }:
                throw new FixtureFormatException($"{where}: action needs \"action\"");
            case ExpectEvent or ExpectResponse when value is not JObject:
                throw new FixtureFormatException($"{where}: {kind} must be an object");
            case ExpectQQRequest when value is not JObject || (string?)value["method"] is not { Length: > 0 } || (string?)value["path"] is not { Length: > 0 }:
                throw new FixtureFormatException($"{where}: expect_qq_request needs \"method\" and \"path\"");
            case AdvanceTime when !DurationSyntax.TryParse((string?)value ?? "", out duration, out var error):
                throw new FixtureFormatException($"{where}: advance_time: {error}");
        }

        return new FixtureStep(number, kind, value!, respond as JObject, duration);
    }
}
