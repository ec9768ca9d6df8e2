namespace OneBotBridge.Simulator.OpenApi.Replies;

/// <summary>Where a reply to a received message or event may go; a null id allows any target of the scene.</summary>
internal readonly record struct ReplyTarget(MessageScene Scene, string? TargetId)
{
    public bool Allows(MessageScene scene, string targetId) =>
        Scene == scene && (TargetId is null || TargetId == targetId);
}
