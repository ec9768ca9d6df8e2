using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Json;

namespace OneBotBridge.OneBot.Messages;

/// <summary>
/// Reads the <c>data</c> of segment <paramref name="index"/> of a message tolerantly: values may be
/// strings, numbers, booleans, null (unset) or nested JSON. Remembers which keys were read so the
/// rest can pass through.
/// </summary>
internal sealed class SegmentDataReader(string type, JObject data, int index)
{
    private readonly List<string> _readKeys = [];

    /// <summary>The value as a string (numbers and booleans as text, nested JSON as compact JSON).</summary>
    /// <exception cref="MessageFormatException">The key is missing or null.</exception>
    public string Required(string key) =>
        Optional(key) ?? throw Invalid($"data.{key} is required");

    /// <summary>The value as a string, or <c>null</c> when missing or null; <paramref name="alias"/> is read too.</summary>
    public string? Optional(string key, string? alias = null)
    {
        var token = Token(key) ?? (alias is null ? null : Token(alias));
        return token is null ? null : JsonValueText.Of(token);
    }

    public int RequiredInt32(string key)
    {
        var text = Required(key);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid($"data.{key} must be a 32-bit integer, got \"{text}\"");
    }

    /// <summary>A nested message (CQ string, segment array or one segment), or <c>null</c> when missing.</summary>
    public Message? OptionalMessage(string key)
    {
        var token = Token(key);
        if (token is null)
        {
            return null;
        }

        try
        {
            return Message.Parse(token, autoEscape: false);
        }
        catch (MessageFormatException e)
        {
            throw Invalid($"data.{key}: {e.Message}");
        }
    }

    /// <summary>A JSON object, given as an object or as a string holding one; <c>null</c> when missing.</summary>
    public JObject? OptionalObject(string key)
    {
        var token = Token(key);
        switch (token)
        {
            case null:
                return null;
            case JObject value:
                return value;
            case JValue { Type: JTokenType.String } text:
                try
                {
                    return OneBotJson.Parse((string)text!) as JObject
                        ?? throw Invalid($"data.{key} must be a JSON object");
                }
                catch (JsonReaderException e)
                {
                    throw Invalid($"data.{key} is not valid JSON: {e.Message}");
                }

            default:
                throw Invalid($"data.{key} must be a JSON object, got {JsonValueText.Describe(token)}");
        }
    }

    /// <summary>The keys nobody read, untouched and in order.</summary>
    public IReadOnlyList<KeyValuePair<string, JToken>> Rest()
    {
        List<KeyValuePair<string, JToken>>? rest = null;
        foreach (var property in data.Properties())
        {
            if (!_readKeys.Contains(property.Name))
            {
                (rest ??= []).Add(new(property.Name, property.Value));
            }
        }

        return rest ?? (IReadOnlyList<KeyValuePair<string, JToken>>)[];
    }

    public MessageFormatException Invalid(string problem) => new($"segment {index} ({type}): {problem}");

    private JToken? Token(string key)
    {
        _readKeys.Add(key);
        var token = data[key];
        return token is null || token.Type is JTokenType.Null or JTokenType.Undefined ? null : token;
    }
}
