namespace OneBotBridge.Conformance;

/// <summary>Every <c>*.json</c> of a directory, in ordinal file-name order.</summary>
public static class FixtureDirectory
{
    /// <exception cref="FixtureFormatException">The directory is missing, empty, or a file in it is not a valid fixture.</exception>
    public static IReadOnlyList<Fixture> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new FixtureFormatException($"{directory}: no such directory");
        }

        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new FixtureFormatException($"{directory}: no *.json fixtures");
        }

        return files.Select(Fixture.Load).ToList();
    }
}
