namespace OneBotBridge.OneBot.Events;

/// <summary><c>group_decrease</c>: a member left; <see cref="GroupMembershipNotice.SubType"/> is <c>leave</c>, <c>kick</c> or <c>kick_me</c>.</summary>
public sealed record GroupDecreaseNotice : GroupMembershipNotice
{
    public override string NoticeType => "group_decrease";
}
