namespace OneBotBridge.OneBot.Events;

/// <summary><c>group_increase</c>: a member joined; <see cref="GroupMembershipNotice.SubType"/> is <c>approve</c> or <c>invite</c>.</summary>
public sealed record GroupIncreaseNotice : GroupMembershipNotice
{
    public override string NoticeType => "group_increase";
}
