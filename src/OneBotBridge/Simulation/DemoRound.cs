namespace OneBotBridge.Simulation;

/// <summary>One turn of the demo conversation: a message in the group, one in private and one in the guild channel.</summary>
internal sealed record DemoRound(DemoMessage InGroup, DemoMessage Privately, DemoMessage InChannel)
{
    /// <summary>
    /// The script, played round after round: text, a face, mentions and images in every scene, and
    /// <c>/echo</c> commands that the echo plugins of NoneBot2 and Koishi answer.
    /// </summary>
    public static IReadOnlyList<DemoRound> Script { get; } =
    [
        new(
            new DemoMessage(DemoUser.Alice, $"hello bot {DemoMessage.Face}"),
            new DemoMessage(DemoUser.Bob, "hi, this is a private message"),
            new DemoMessage(DemoUser.Alice, $"hello from the channel {DemoMessage.GuildFace}")),
        new(
            new DemoMessage(DemoUser.Bob, "look at this picture") { Images = ["B43A.jpg"] },
            new DemoMessage(DemoUser.Alice, $"thanks {DemoMessage.Face}"),
            new DemoMessage(DemoUser.Bob, $"<@!{DemoUser.Alice.GuildUserId}> what do you think of this?")
            {
                Mentions = [DemoUser.Alice],
                Images = ["C51F.jpg"],
            }),
        new(
            new DemoMessage(DemoUser.Alice, "/echo hello from the group"),
            new DemoMessage(DemoUser.Bob, "/echo hello in private"),
            new DemoMessage(DemoUser.Alice, "/echo hello from the channel")),
    ];

    public async Task PlayAsync(DemoPlatform platform, CancellationToken cancellationToken)
    {
        await platform.SayInGroupAsync(InGroup, cancellationToken);
        await platform.SayPrivatelyAsync(Privately, cancellationToken);
        await platform.SayInChannelAsync(InChannel, cancellationToken);
    }
}
