namespace OneBotBridge.Configuration.Yaml;

/// <summary>
/// Reports the problems an options class finds in itself (its <c>Validate()</c>: <c>"replies.margin: must not
/// be negative"</c>, each naming its full bridge.yaml key) at the line of that key, as every other problem is.
/// </summary>
internal static class OptionsValidation
{
    public static void ReportEach(this ConfigNode section, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            var separator = problem.IndexOf(": ", StringComparison.Ordinal);
            var key = separator > 0 ? problem[..separator] : section.Path;
            var message = separator > 0 ? problem[(separator + 2)..] : problem;
            var node = key.StartsWith(section.Path + ".", StringComparison.Ordinal)
                ? section.Member(key[(section.Path.Length + 1)..])
                : section;

            // A value already reported as unreadable kept its default; a second problem about it would only confuse.
            if (!node.HasProblems)
            {
                node.Report(message);
            }
        }
    }
}
