namespace OneBotBridge.Tests.Support;

/// <summary>Files of the repository the tests run from.</summary>
internal static class RepositoryFiles
{
    /// <summary>A path under the repository root, found by walking up from the test assembly to OneBotBridge.sln.</summary>
    public static string PathOf(string relative)
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OneBotBridge.sln")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        throw new InvalidOperationException("repository root (OneBotBridge.sln) not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
