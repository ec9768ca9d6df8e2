using YamlDotNet.RepresentationModel;

namespace OneBotBridge.Configuration.Yaml;

/// <summary>
/// A YAML node together with its key path and the problem list, so that whatever reads it can
/// report a problem naming the key and the line.
/// </summary>
internal sealed class ConfigNode(YamlNode node, string path, List<ConfigProblem> problems)
{
    public YamlNode Node { get; } = node;
    public string Path { get; } = path;
    public int Line => checked((int)Node.Start.Line);

    /// <summary>An empty value (<c>key:</c>, <c>~</c>, <c>null</c>): the key keeps its default.</summary>
    public bool IsNull => Node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>Whether a problem was reported at or under this node, so later cross-key checks can skip it.</summary>
    public bool HasProblems => problems.Any(problem => problem.Key == Path || problem.Key.StartsWith(Path + ".", StringComparison.Ordinal));

    public void Report(string message) => problems.Add(new ConfigProblem(Path, Line, message));

    public void Report(YamlNode at, string message) => problems.Add(new ConfigProblem(Path, checked((int)at.Start.Line), message));

    public ConfigNode Child(string key, YamlNode child) => new(child, Path.Length == 0 ? key : $"{Path}.{key}", problems);

    /// <summary>
    /// The value under <paramref name="key"/> when this mapping has it; otherwise a node with that
    /// path located at this mapping, so a cross-key check can still report the right key.
    /// </summary>
    public ConfigNode Member(string key) => Child(key, ValueOf(key) ?? Node);

    /// <summary>Item <paramref name="index"/> of this list, for a check that runs after the list was read.</summary>
    public ConfigNode Item(int index) => Node is YamlSequenceNode sequence && index < sequence.Children.Count
        ? new ConfigNode(sequence.Children[index], $"{Path}[{index}]", problems)
        : this;

    /// <summary>Whether this mapping gives <paramref name="key"/> a non-empty value (valid or not).</summary>
    public bool Has(string key) => ValueOf(key) is { } value && !Child(key, value).IsNull;

    private YamlNode? ValueOf(string key) => Node is YamlMappingNode mapping
        ? mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: var name } && name == key).Value
        : null;

    /// <summary>The scalar text, or <c>false</c> when the value is empty or (reported) not a scalar.</summary>
    public bool TryScalar(string expected, out string text)
    {
        text = "";
        if (IsNull)
        {
            return false;
        }

        if (Node is not YamlScalarNode { Value: { } value })
        {
            Report($"expected {expected}, got {Describe(Node)}");
            return false;
        }

        text = value;
        return true;
    }

    /// <summary>The items of a list, each with its indexed path, or <c>false</c> when the value is empty or (reported) not a list.</summary>
    public bool TryItems(string expected, out IReadOnlyList<ConfigNode> items)
    {
        items = [];
        if (IsNull)
        {
            return false;
        }

        if (Node is not YamlSequenceNode sequence)
        {
            Report($"expected {expected}, got {Describe(Node)}");
            return false;
        }

        items = [.. sequence.Children.Select((item, index) => new ConfigNode(item, $"{Path}[{index}]", problems))];
        return true;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "a single value",
    };
}
