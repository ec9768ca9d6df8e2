using System.Security.Cryptography;

namespace OneBotBridge.Simulator;

/// <summary>Fresh identifiers shaped like the platform's.</summary>
internal static class Ids
{
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>An event id such as <c>GROUP_AT_MESSAGE_CREATE:dplmss1ni5jdx</c>.</summary>
    public static string EventId(string type) => $"{type}:{RandomNumberGenerator.GetString(LowerAlphanumeric, 13)}";

    /// <summary>A group/C2C message id such as <c>ROBOT1.0_DPLMsS1ni5abc</c>.</summary>
    public static string RobotMessageId() => "ROBOT1.0_" + RandomNumberGenerator.GetString(Alphanumeric, 22);

    /// <summary>A guild message id: hexadecimal, like the platform's.</summary>
    public static string GuildMessageId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    public static string Opaque(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
}
