using System.Diagnostics.CodeAnalysis;

namespace OneBotBridge.Core.Replies;

/// <summary>The outcome of picking a reply context: a context, or why there is none (fit for an action's error message).</summary>
public sealed class ReplySelection
{
    private ReplySelection(ReplyContext? context, string? failure, Task stored)
    {
        Context = context;
        Failure = failure;
        Stored = stored;
    }

    public ReplyContext? Context { get; }

    /// <summary>Why no context could be picked, e.g. "no message to reply to in the last 5 minutes in group 123456".</summary>
    public string? Failure { get; }

    /// <summary>
    /// Completes once the use of the context (its reply count and seq) is stored. The seq is reserved before the
    /// selection is returned; this is for the count, which a sender waits for before it reports the send made.
    /// </summary>
    public Task Stored { get; }

    [MemberNotNullWhen(true, nameof(Context))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Found => Context is not null;

    public static ReplySelection Of(ReplyContext context, Task stored) => new(context, null, stored);

    public static ReplySelection None(string failure) => new(null, failure, Task.CompletedTask);
}
