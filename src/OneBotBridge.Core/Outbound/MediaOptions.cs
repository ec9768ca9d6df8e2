namespace OneBotBridge.Core.Outbound;

/// <summary>The <c>media</c> section of bridge.yaml: which local files may be sent and how large media may be.</summary>
public sealed class MediaOptions
{
    /// <summary><c>media.allowed_dirs</c>: <c>file://</c> media must lie under one of these; empty refuses every local file.</summary>
    public List<string> AllowedDirs { get; set; } = [];

    /// <summary><c>media.max_bytes</c>: the largest local or base64 medium sent.</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Problems with the options, each naming its bridge.yaml key; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxBytes < 1)
        {
            yield return "media.max_bytes: must be at least 1";
        }

        foreach (var dir in AllowedDirs.Where(dir => !Path.IsPathFullyQualified(dir)))
        {
            yield return $"media.allowed_dirs: \"{dir}\" must be an absolute path";
        }
    }
}
