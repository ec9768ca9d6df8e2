using OneBotBridge.Simulator.OpenApi.Replies;

namespace OneBotBridge.Simulator.OpenApi.Media;

/// <summary>The file_info values the simulator issued, each bound to a kind of target (group or C2C) and a TTL.</summary>
internal sealed class MediaStore(TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(3600);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, IssuedMedia> _byFileInfo = new(StringComparer.Ordinal);

    public IssuedMedia Issue(MessageScene scene)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var fileInfo in _byFileInfo.Where(entry => entry.Value.ExpiresAt <= now).Select(entry => entry.Key).ToArray())
            {
                _byFileInfo.Remove(fileInfo);
            }

            var media = new IssuedMedia(Guid.NewGuid().ToString("N"), Ids.Opaque(48), scene, now + Ttl);
            _byFileInfo[media.FileInfo] = media;
            return media;
        }
    }

    public bool IsUsable(string fileInfo, MessageScene scene)
    {
        lock (_gate)
        {
            return _byFileInfo.TryGetValue(fileInfo, out var media) && media.Scene == scene && time.GetUtcNow() < media.ExpiresAt;
        }
    }
}
