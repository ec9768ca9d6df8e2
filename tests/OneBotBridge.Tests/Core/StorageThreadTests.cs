using System.Threading.Channels;
using OneBotBridge.Core.Storage;

namespace OneBotBridge.Tests.Core;

public sealed class StorageThreadTests
{
    [Test]
    public async Task The_loop_runs_on_a_named_thread_outside_the_pool_and_its_task_completes_when_it_returns()
    {
        (bool OnPool, string? Name)? loopThread = null;

        await StorageThread.Start("storage test", () => loopThread = (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name));

        Assert.That(loopThread, Is.EqualTo((false, "storage test")));
    }

    [Test]
    public void A_loop_that_throws_faults_its_task_with_that_exception()
    {
        var loop = StorageThread.Start("storage test", () => throw new InvalidOperationException("the disk is gone"));

        Assert.That(async () => await loop, Throws.InvalidOperationException.With.Message.EqualTo("the disk is gone"));
    }

    [Test]
    public async Task Waiting_to_read_lets_the_loop_take_every_item_and_ends_once_the_channel_is_completed_and_empty()
    {
        var channel = Channel.CreateUnbounded<int>();
        var read = new List<int>();
        var loop = StorageThread.Start("storage test", () =>
        {
            while (StorageThread.WaitToRead(channel.Reader))
            {
                while (channel.Reader.TryRead(out var item))
                {
                    read.Add(item);
                }
            }
        });

        await channel.Writer.WriteAsync(1);
        await channel.Writer.WriteAsync(2);
        channel.Writer.Complete();
        await loop;

        Assert.That(read, Is.EqualTo(new[] { 1, 2 }));
    }
}
