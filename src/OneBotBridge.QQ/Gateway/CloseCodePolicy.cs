namespace OneBotBridge.QQ.Gateway;

/// <summary>What the gateway client does after the server closed the socket.</summary>
internal enum NextStep
{
    /// <summary>Reconnect and Resume the session (Identify when there is none).</summary>
    Resume,

    /// <summary>Drop the session and Identify anew.</summary>
    Identify,

    /// <summary>The token was refused: fetch a new one, then Identify.</summary>
    RefreshTokenThenIdentify,

    /// <summary>No retry can help: stop and tell the operator what to fix.</summary>
    Fatal,
}

/// <summary>What a close code means and what to do next.</summary>
internal sealed record CloseCodeRule(NextStep Next, string Meaning, string? Fix = null);

/// <summary>The gateway close codes of the platform, as one table.</summary>
internal static class CloseCodePolicy
{
    private const string ReportBug = "OneBotBridge sent a frame the gateway does not accept; this is a bug, please report it with the log";

    private static readonly (int From, int To, CloseCodeRule Rule)[] Table =
    [
        (4001, 4001, new(NextStep.Fatal, "invalid opcode", ReportBug)),
        (4002, 4002, new(NextStep.Fatal, "invalid payload", ReportBug)),
        (4004, 4004, new(NextStep.RefreshTokenThenIdentify, "authentication failed")),
        (4006, 4006, new(NextStep.Identify, "session invalid")),
        (4007, 4007, new(NextStep.Identify, "invalid seq on resume")),
        (4008, 4008, new(NextStep.Resume, "sending too fast")),
        (4009, 4009, new(NextStep.Resume, "connection expired")),
        (4010, 4010, new(NextStep.Fatal, "invalid shard", "qq.shards names a shard the bot does not have: use auto, or an id below the count /gateway/bot allows")),
        (4011, 4011, new(NextStep.Fatal, "too many guilds for one shard", "set qq.shards to auto or to a higher shard count")),
        (4012, 4012, new(NextStep.Fatal, "invalid gateway version", "the platform no longer accepts this client: update OneBotBridge")),
        (4013, 4013, new(NextStep.Fatal, "invalid intent", "qq.intents holds an intent the gateway does not know: remove it")),
        (4014, 4014, new(NextStep.Fatal, "intent not authorised", "remove the intent from qq.intents or enable it for the bot in the QQ console")),
        (4900, 4913, new(NextStep.Identify, "internal gateway error")),
        (4914, 4914, new(NextStep.Fatal, "bot taken down (sandbox only)", "the bot may only run in the sandbox: set qq.sandbox to true, or get the bot published")),
        (4915, 4915, new(NextStep.Fatal, "bot banned", "the platform has banned this bot: see the QQ open platform console")),
    ];

    private static readonly CloseCodeRule Other = new(NextStep.Resume, "connection closed");

    public static CloseCodeRule For(int? closeCode)
    {
        foreach (var (from, to, rule) in Table)
        {
            if (closeCode >= from && closeCode <= to)
            {
                return rule;
            }
        }

        return Other;
    }

    /// <summary>
    /// The message of the <see cref="QQFatalException"/> for a fatal close. For 4014 the intent is
    /// named when the server's reason names one of <paramref name="requestedIntents"/>.
    /// </summary>
    public static string DescribeFatal(int closeCode, string? reason, IReadOnlyList<string> requestedIntents)
    {
        var rule = For(closeCode);
        var said = string.IsNullOrWhiteSpace(reason) ? "" : $", the gateway said \"{reason}\"";
        if (closeCode == 4014)
        {
            var named = requestedIntents.Where(name => reason?.Contains(name, StringComparison.OrdinalIgnoreCase) == true).ToList();
            var which = named.Count > 0
                ? $"intent '{string.Join("', '", named)}' is"
                : $"one of the intents in qq.intents ({string.Join(", ", requestedIntents)}) is";
            return $"{which} not granted to this bot (close 4014{said}): {rule.Fix}";
        }

        return $"the QQ gateway closed the connection with {closeCode} ({rule.Meaning}{said}): {rule.Fix}";
    }
}
