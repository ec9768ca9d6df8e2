using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace OneBotBridge.Simulation;

/// <summary>
/// Lines typed at the terminal become messages from <see cref="DemoUser.You"/>: plain text is an @-message
/// in the demo group, <c>/c2c text</c> a private message, <c>/guild text</c> a channel message. When the
/// input closes (end of file, <c>&lt;/dev/null</c>), chatting ends and the bridge keeps running.
/// </summary>
internal sealed class TerminalChat(DemoPlatform platform, TextReader input) : BackgroundService
{
    private const string PrivateCommand = "/c2c";
    private const string ChannelCommand = "/guild";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lines = Channel.CreateBounded<string>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });

        // A terminal read blocks until a line comes and cannot be cancelled, so it runs on a thread of its own
        // that neither start-up nor shutdown waits for; a background thread still blocked at exit ends with the process.
        new Thread(() => ReadLines(lines.Writer, stoppingToken)) { IsBackground = true, Name = "simulate: terminal input" }.Start();
        try
        {
            await foreach (var line in lines.Reader.ReadAllAsync(stoppingToken))
            {
                await SayAsync(line, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void ReadLines(ChannelWriter<string> lines, CancellationToken stoppingToken)
    {
        try
        {
            while (input.ReadLine() is { } line)
            {
                // Waits while the chat is behind; gives up once the bridge stops.
                lines.WriteAsync(line, stoppingToken).AsTask().GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
            // The terminal went away: the same as end of input.
        }
        finally
        {
            lines.TryComplete();
        }
    }

    private Task SayAsync(string line, CancellationToken cancellationToken)
    {
        var text = line.Trim();
        if (Argument(text, PrivateCommand) is { } privately)
        {
            return privately.Length == 0 ? Task.CompletedTask : platform.SayPrivatelyAsync(new DemoMessage(DemoUser.You, privately), cancellationToken);
        }

        if (Argument(text, ChannelCommand) is { } inChannel)
        {
            return inChannel.Length == 0 ? Task.CompletedTask : platform.SayInChannelAsync(new DemoMessage(DemoUser.You, inChannel), cancellationToken);
        }

        return text.Length == 0 ? Task.CompletedTask : platform.SayInGroupAsync(new DemoMessage(DemoUser.You, text), cancellationToken);
    }

    /// <summary>The text after <paramref name="command"/> (empty when there is none), or null when the line is not that command.</summary>
    private static string? Argument(string line, string command) =>
        line == command || line.StartsWith(command + " ", StringComparison.Ordinal) ? line[command.Length..].Trim() : null;
}
