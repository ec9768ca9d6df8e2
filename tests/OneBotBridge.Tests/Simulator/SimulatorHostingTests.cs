using OneBotBridge.Simulator;

namespace OneBotBridge.Tests.Simulator;

public sealed class SimulatorHostingTests
{
    /// <summary>
    /// The simulate verb hosts the simulator in the user's working directory: watching it for configuration files
    /// would put an inotify watch on every directory below it and wake on every write to <c>data/</c>.
    /// </summary>
    [Test]
    public async Task Watches_no_files()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("counts inotify watches, which only Linux has");
        }

        var before = InotifyWatchesOfThisProcess();
        await using (await QQSimulator.StartAsync())
        {
            Assert.That(InotifyWatchesOfThisProcess(), Is.EqualTo(before));
        }
    }

    private static int InotifyWatchesOfThisProcess() =>
        Directory.EnumerateFiles("/proc/self/fdinfo")
            .Sum(file =>
            {
                try
                {
                    return File.ReadLines(file).Count(line => line.StartsWith("inotify wd:", StringComparison.Ordinal));
                }
                catch (IOException)
                {
                    return 0; // the descriptor closed while being read
                }
            });
}
