using OneBotBridge.Configuration.Yaml;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;

namespace OneBotBridge.Configuration.Sections;

/// <summary>The keys every OneBot transport entry may use to override the section-wide values.</summary>
internal static class TransportOverrides
{
    public static IReadOnlyDictionary<string, MessageFormat> MessageFormats { get; } =
        ConfigValueReaders.Choices(("array", MessageFormat.Array), ("string", MessageFormat.String));

    public static SectionSchema<T> WithTransportOverrides<T>(this SectionSchema<T> schema)
        where T : TransportOptions
    {
        schema.Add("access_token", (node, options) => node.ReadString(value => options.AccessToken = value));
        schema.Add("message_format", (node, options) => node.ReadChoice(MessageFormats, value => options.MessageFormat = value));
        return schema;
    }
}
