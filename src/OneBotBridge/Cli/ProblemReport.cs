using OneBotBridge.Configuration;

namespace OneBotBridge.Cli;

/// <summary>Writes configuration problems one per line, compiler style, then a count.</summary>
internal static class ProblemReport
{
    public static void Write(TextWriter error, string source, IReadOnlyList<ConfigProblem> problems)
    {
        foreach (var problem in problems)
        {
            error.WriteLine(problem.Format(source));
        }
    }

    public static string Count(int problems) => problems == 1 ? "1 problem" : $"{problems} problems";
}
