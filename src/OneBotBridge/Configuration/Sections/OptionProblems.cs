using OneBotBridge.Configuration.Yaml;

namespace OneBotBridge.Configuration.Sections;

/// <summary>Reports what an options class's own <c>Validate()</c> finds, at the section it came from.</summary>
internal static class OptionProblems
{
    public static void ReportAll(ConfigNode node, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            node.Report(problem);
        }
    }
}
