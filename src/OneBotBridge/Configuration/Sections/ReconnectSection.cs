using OneBotBridge.Configuration.Yaml;
using OneBotBridge.Configuration.Values;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Configuration.Sections;

/// <summary><c>qq.reconnect</c>: the gateway's backoff bounds.</summary>
internal static class ReconnectSection
{
    private static readonly SectionSchema<ReconnectOptions> Schema = new()
    {
        { "initial_delay", (node, options) => node.ReadDuration(allowZero: false, value => options.InitialDelay = value) },
        { "max_delay", (node, options) => node.ReadDuration(allowZero: false, value => options.MaxDelay = value) },
    };

    public static void Bind(ConfigNode node, ReconnectOptions options)
    {
        Schema.Bind(node, options);
        if (options.MaxDelay < options.InitialDelay)
        {
            node.Member("max_delay").Report(
                $"{DurationSyntax.Format(options.MaxDelay)} is shorter than initial_delay {DurationSyntax.Format(options.InitialDelay)}");
        }
    }
}
