using System.Globalization;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Json;
using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.OneBot.Actions;

/// <summary>
/// The <c>params</c> of a call, read with the coercions frameworks need: numbers may arrive as
/// strings (Koishi sends large ids as strings; HTTP query params are all strings), booleans as
/// <c>true</c>/<c>"true"</c>/<c>1</c>/<c>"1"</c>/<c>"yes"</c>. A JSON null counts as missing.
/// Every problem throws <see cref="ActionFailedException"/> with retcode 1400 naming the param.
/// </summary>
public sealed class ActionParams(JObject values)
{
    public JObject Raw => values;

    public bool Contains(string name) => GetToken(name) is not null;

    /// <summary>The value, or <c>null</c> when missing or null.</summary>
    public JToken? GetToken(string name) =>
        values[name] is { Type: not (JTokenType.Null or JTokenType.Undefined) } token ? token : null;

    public long GetInt64(string name) => GetOptionalInt64(name) ?? throw Missing(name);

    public long? GetOptionalInt64(string name) => GetToken(name) is { } token ? ToInt64(name, token) : null;

    public int GetInt32(string name) => GetOptionalInt32(name) ?? throw Missing(name);

    public int? GetOptionalInt32(string name)
    {
        var value = GetOptionalInt64(name);
        return value is null or (>= int.MinValue and <= int.MaxValue)
            ? (int?)value
            : throw ActionFailedException.BadParam(name, $"must be a 32-bit integer, got {value}");
    }

    public string GetString(string name) => GetOptionalString(name) ?? throw Missing(name);

    /// <summary>A string; numbers and booleans are accepted as their text.</summary>
    public string? GetOptionalString(string name) => GetToken(name) switch
    {
        null => null,
        JContainer container => throw ActionFailedException.BadParam(name, $"must be a string, got {JsonValueText.Describe(container)}"),
        var token => JsonValueText.Of(token),
    };

    public bool GetBoolean(string name, bool defaultValue) => GetOptionalBoolean(name) ?? defaultValue;

    public bool? GetOptionalBoolean(string name)
    {
        var token = GetToken(name);
        var text = token?.Type switch
        {
            null => null,
            JTokenType.Boolean => (bool)token! ? "true" : "false",
            JTokenType.Integer or JTokenType.String => JsonValueText.Of(token!)!.Trim().ToLowerInvariant(),
            _ => "",
        };
        return text switch
        {
            null => null,
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw ActionFailedException.BadParam(name, $"must be a boolean (true/false, 1/0, yes/no), got {JsonValueText.Describe(token)}"),
        };
    }

    /// <summary>
    /// A message param as frameworks send it (CQ string, segment array or one segment), honouring
    /// <paramref name="autoEscapeName"/>: with it set, a string is literal text.
    /// </summary>
    public Message GetMessage(string name = "message", string autoEscapeName = "auto_escape")
    {
        var token = GetToken(name) ?? throw Missing(name);
        try
        {
            return Message.Parse(token, GetBoolean(autoEscapeName, defaultValue: false));
        }
        catch (MessageFormatException e)
        {
            throw ActionFailedException.BadParam(name, $"is invalid: {e.Message}");
        }
    }

    private static long ToInt64(string name, JToken token)
    {
        switch (token)
        {
            case JValue { Type: JTokenType.Integer, Value: long value }:
                return value;
            case JValue { Type: JTokenType.Float } number when (double)number is var real
                && Math.Floor(real) == real && real is >= -9.2e18 and <= 9.2e18:
                return (long)real;
            case JValue { Type: JTokenType.String } text
                when long.TryParse((string)text!, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case JValue { Type: JTokenType.Integer }:
                throw ActionFailedException.BadParam(name, $"is out of range for a 64-bit integer: {JsonValueText.Describe(token)}");
            default:
                throw ActionFailedException.BadParam(name, $"must be an integer, got {JsonValueText.Describe(token)}");
        }
    }

    private static ActionFailedException Missing(string name) => ActionFailedException.BadParam(name, "is required");
}
