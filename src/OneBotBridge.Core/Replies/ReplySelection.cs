using System.Diagnostics.CodeAnalysis;

namespace OneBotBridge.Core.Replies;

/// <summary>The outcome of picking a reply context: a context, or why there is none (fit for an action's error message).</summary>
public sealed record ReplySelection
{
    private ReplySelection(ReplyContext? context, string? failure)
    {
        Context = context;
        Failure = failure;
    }

    public ReplyContext? Context { get; }

    /// <summary>Why no context could be picked, e.g. "no message to reply to in the last 5 minutes in group 123456".</summary>
    public string? Failure { get; }

    [MemberNotNullWhen(true, nameof(Context))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Found => Context is not null;

    public static ReplySelection Of(ReplyContext context) => new(context, null);

    public static ReplySelection None(string failure) => new(null, failure);
}
