using Microsoft.Extensions.Hosting;

namespace OneBotBridge.Simulation;

/// <summary>
/// Lines typed on standard input become messages from a demo user: plain text is a group
/// @-message, <c>/c2c text</c> a private message, <c>/guild text</c> a channel message.
/// When standard input closes, chatting ends and the bridge keeps running.
/// </summary>
internal sealed class TerminalChat(DemoPlatform platform, TextReader input) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await input.ReadLineAsync(stoppingToken) is { } line)
            {
                await SayAsync(line.Trim(), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal Task SayAsync(string line, CancellationToken cancellationToken) => line switch
    {
        "" => Task.CompletedTask,
        _ when Command(line, "/c2c") is { } text => platform.C2CMessageAsync(DemoPlatform.Alice, text, cancellationToken),
        _ when Command(line, "/guild") is { } text => platform.GuildAtMessageAsync(DemoPlatform.Alice, text, cancellationToken),
        _ => platform.GroupAtMessageAsync(DemoPlatform.Alice, line, cancellationToken),
    };

    private static string? Command(string line, string command) =>
        line.StartsWith(command + " ", StringComparison.Ordinal) ? line[(command.Length + 1)..].Trim() : null;
}
