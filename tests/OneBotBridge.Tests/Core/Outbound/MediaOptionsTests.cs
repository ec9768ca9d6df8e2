using OneBotBridge.Core.Outbound;

namespace OneBotBridge.Tests.Core.Outbound;

public sealed class MediaOptionsTests
{
    [Test]
    public void Problems_name_their_keys()
    {
        var options = new MediaOptions { MaxBytes = 0, AllowedDirs = ["relative/dir", Path.GetTempPath()] };

        Assert.That(options.Validate(), Is.EqualTo(new[]
        {
            "media.max_bytes: must be at least 1",
            "media.allowed_dirs: \"relative/dir\" must be an absolute path",
        }));
        Assert.That(new MediaOptions().Validate(), Is.Empty);
    }
}
