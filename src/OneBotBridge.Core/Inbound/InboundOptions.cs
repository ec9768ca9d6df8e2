namespace OneBotBridge.Core.Inbound;

/// <summary>How QQ events are taken in.</summary>
public sealed class InboundOptions
{
    /// <summary>Acknowledge INTERACTION_CREATE (button clicks) to the platform at once (bridge.yaml <c>qq.acknowledge_interactions</c>).</summary>
    public bool AcknowledgeInteractions { get; set; } = true;
}
