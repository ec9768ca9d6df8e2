using System.Threading.Channels;

namespace OneBotBridge.Core.Storage;

/// <summary>
/// Runs a storage loop on a thread of its own. The loops block in SQLite and in fsync: on a pool thread they
/// would hold a worker the event path needs, and each wake-up would wait behind every queued work item,
/// adding to the latency of every commit under load.
/// </summary>
internal static class StorageThread
{
    /// <returns>Completes when <paramref name="loop"/> returns, and faults if it throws.</returns>
    public static Task Start(string name, Action loop)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                loop();
                finished.SetResult();
            }
            catch (Exception e)
            {
                finished.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return finished.Task;
    }

    /// <summary>Blocks the calling storage thread until <paramref name="reader"/> has an item; false once it is completed and empty.</summary>
    public static bool WaitToRead<T>(ChannelReader<T> reader)
    {
        var waiting = reader.WaitToReadAsync();
        return waiting.IsCompleted ? waiting.Result : waiting.AsTask().GetAwaiter().GetResult();
    }
}
