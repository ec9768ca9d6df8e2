using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.Conformance;

/// <summary>One conversation of protocol-fixtures/: bridge.yaml overrides and the steps to play.</summary>
public sealed record Fixture(string Name, string File, JObject Config, IReadOnlyList<FixtureStep> Steps)
{
    private static readonly JsonSerializerSettings Settings = new() { DateParseHandling = DateParseHandling.None };

    /// <exception cref="FixtureFormatException">The file cannot be read or breaks the format.</exception>
    public static Fixture Load(string path)
    {
        JObject root;
        try
        {
            root = JsonConvert.DeserializeObject<JObject>(System.IO.File.ReadAllText(path), Settings)
                ?? throw new FixtureFormatException($"{path}: empty file");
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new FixtureFormatException($"{path}: {exception.Message}");
        }

        var name = (string?)root["name"] is { Length: > 0 } given ? given : throw new FixtureFormatException($"{path}: no \"name\"");
        var config = root["config"] switch
        {
            null => [],
            JObject obj => obj,
            _ => throw new FixtureFormatException($"{path}: \"config\" must be an object"),
        };
        if (root["steps"] is not JArray { Count: > 0 } steps)
        {
            throw new FixtureFormatException($"{path}: \"steps\" must be a non-empty array");
        }

        var parsed = steps.Select((step, index) => FixtureStep.Parse(step, index + 1, path)).ToList();
        return new Fixture(name, path, config, parsed);
    }
}
