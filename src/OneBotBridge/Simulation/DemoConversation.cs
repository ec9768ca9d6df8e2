using Microsoft.Extensions.Hosting;

namespace OneBotBridge.Simulation;

/// <summary>
/// The automatic part of <c>simulate</c>: every few seconds a demo user says something in the
/// group (an @-message), in a private chat, or in the guild channel — with text, a face, a
/// mention and an image among them.
/// </summary>
internal sealed class DemoConversation(DemoPlatform platform, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(4);

    private static readonly Func<DemoPlatform, CancellationToken, Task>[] Script =
    [
        (p, ct) => p.GroupAtMessageAsync(DemoPlatform.Alice, "hello bot <faceType=1,faceId=\"277\",ext=\"eyJ0ZXh0Ijoi5rGq5rGqIn0=\">", ct),
        (p, ct) => p.C2CMessageAsync(DemoPlatform.Bob, "hi, this is a private message", ct),
        (p, ct) => p.GuildAtMessageAsync(DemoPlatform.Alice, $"hello from the channel <emoji:277>, and <@!{DemoPlatform.Bob.GuildUserId}> too", ct),
        (p, ct) => p.GroupAtMessageAsync(DemoPlatform.Bob, "look at this picture", ct, DemoPlatform.ImageAttachment("B43A.jpg")),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        var next = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await Script[next](platform, stoppingToken);
                next = (next + 1) % Script.Length;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
