using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace OneBotBridge.Configuration.Yaml;

/// <summary>Parses YAML text into one document's root node, turning syntax errors into problems with a line.</summary>
internal static class YamlDocumentReader
{
    /// <summary>The root node, or <c>null</c> for an empty file or (reported) broken YAML.</summary>
    public static YamlNode? Read(string text, List<ConfigProblem> problems)
    {
        var parser = new PositionTrackingParser(new Parser(new StringReader(text)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException exception)
        {
            problems.Add(new ConfigProblem("", checked((int)exception.Start.Line), $"YAML syntax error: {exception.Message}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // The scanner gives up without a position on some unterminated constructs.
            problems.Add(new ConfigProblem("", parser.LastLine, "YAML syntax error: unexpected end of a value (an unclosed bracket or quote?)"));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            problems.Add(new ConfigProblem("", checked((int)stream.Documents[1].RootNode.Start.Line), "only one YAML document is allowed (remove the '---')"));
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    /// <summary>Remembers where the last event ended, to place errors that carry no position.</summary>
    private sealed class PositionTrackingParser(IParser inner) : IParser
    {
        public int LastLine { get; private set; } = 1;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastLine = checked((int)current.End.Line);
            }

            return moved;
        }
    }
}
