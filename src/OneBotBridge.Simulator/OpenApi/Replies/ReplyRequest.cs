namespace OneBotBridge.Simulator.OpenApi.Replies;

/// <summary>What a send asks for: the target, and the msg_id / event_id / msg_seq it replies with.</summary>
internal sealed record ReplyRequest(MessageScene Scene, string TargetId, string? MsgId, string? EventId, long MsgSeq);
