using System.Collections;
using YamlDotNet.RepresentationModel;

namespace OneBotBridge.Configuration.Yaml;

/// <summary>
/// The keys a mapping may hold and how each binds into <typeparamref name="T"/>. Binding reports
/// every unknown key (with a suggestion) and lets each key's reader report its own problems.
/// </summary>
internal sealed class SectionSchema<T> : IEnumerable<string>
{
    private readonly Dictionary<string, Action<ConfigNode, T>> _keys = new(StringComparer.Ordinal);

    public void Add(string key, Action<ConfigNode, T> bind) => _keys.Add(key, bind);

    public void Bind(ConfigNode node, T target)
    {
        if (node.IsNull)
        {
            return;
        }

        if (node.Node is not YamlMappingNode mapping)
        {
            node.Report($"expected a mapping with the keys {string.Join(", ", _keys.Keys)}; got {ConfigNode.Describe(node.Node)}");
            return;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                node.Report(keyNode, "keys must be plain names");
                continue;
            }

            var child = node.Child(key, valueNode);
            if (_keys.TryGetValue(key, out var bind))
            {
                bind(child, target);
            }
            else
            {
                child.Report(keyNode, KeySuggestion.ForUnknownKey(key, _keys.Keys));
            }
        }
    }

    public IEnumerator<string> GetEnumerator() => _keys.Keys.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
