using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;

namespace OneBotBridge.OneBot.Transports;

/// <summary>An entry's own setting where it has one, else the top-level <c>onebot</c> one.</summary>
internal static class TransportOptionsExtensions
{
    public static string EffectiveAccessToken(this TransportOptions entry, OneBotOptions options) =>
        entry.AccessToken ?? options.AccessToken;

    public static MessageFormat EffectiveMessageFormat(this TransportOptions entry, OneBotOptions options) =>
        entry.MessageFormat ?? options.MessageFormat;
}
