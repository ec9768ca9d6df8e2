using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OneBotBridge.Simulator;

/// <summary>The standalone simulator's command line: <c>[--port N] [--app-id X] [--secret Y] [--heartbeat-interval-ms N] [--webhook-url U]</c>.</summary>
internal static class StandaloneArguments
{
    public const string Usage =
        "usage: OneBotBridge.Simulator [--port N] [--app-id X] [--secret Y] [--heartbeat-interval-ms N] [--webhook-url U]\n" +
        "  --port N                   port on 127.0.0.1 (default 0: any free port)\n" +
        "  --app-id X                 the bot's appId (default 102000001)\n" +
        "  --secret Y                 the clientSecret clients must present\n" +
        "  --heartbeat-interval-ms N  heartbeat_interval sent in Hello (default 45000)\n" +
        "  --webhook-url U            deliver events as signed HTTP callbacks to U (the bot's callback URL) instead of the gateway";

    public static bool TryParse(string[] args, [NotNullWhen(true)] out QQSimulatorOptions? options, [NotNullWhen(false)] out string? error)
    {
        var parsed = new QQSimulatorOptions();
        options = null;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                error = "";
                break;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value";
                break;
            }

            var value = args[++i];
            error = name switch
            {
                "--port" => TryInt(value, 0, 65535, port => parsed.Port = port, name),
                "--app-id" => TrySet(value, appId => parsed.AppId = appId, name),
                "--secret" => TrySet(value, secret => parsed.ClientSecret = secret, name),
                "--heartbeat-interval-ms" => TryInt(value, 1, int.MaxValue, ms => parsed.HeartbeatInterval = TimeSpan.FromMilliseconds(ms), name),
                "--webhook-url" => TryUrl(value, url => parsed.WebhookUrl = url, name),
                _ => $"unknown option {name}",
            };
            if (error is not null)
            {
                break;
            }
        }

        if (error is not null)
        {
            return false;
        }

        options = parsed;
        return true;
    }

    private static string? TryInt(string value, int min, int max, Action<int> apply, string name)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            return $"{name} must be an integer between {min} and {max}, not '{value}'";
        }

        apply(number);
        return null;
    }

    private static string? TryUrl(string value, Action<Uri> apply, string name)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return $"{name} must be an absolute http(s) URL, not '{value}'";
        }

        apply(url);
        return null;
    }

    private static string? TrySet(string value, Action<string> apply, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{name} must not be empty";
        }

        apply(value);
        return null;
    }
}
