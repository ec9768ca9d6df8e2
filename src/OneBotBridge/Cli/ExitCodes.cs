namespace OneBotBridge.Cli;

/// <summary>The process exit codes of every verb.</summary>
public static class ExitCodes
{
    /// <summary>Normal stop, or a valid configuration.</summary>
    public const int Ok = 0;

    /// <summary>A fatal error upstream (bad credentials, unauthorised intent…); the message is on stderr.</summary>
    public const int Fatal = 1;

    /// <summary>The configuration is invalid or incomplete; every problem is on stderr.</summary>
    public const int ConfigError = 2;
}
