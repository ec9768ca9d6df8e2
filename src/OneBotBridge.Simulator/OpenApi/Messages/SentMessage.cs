using OneBotBridge.Simulator.OpenApi.Replies;

namespace OneBotBridge.Simulator.OpenApi.Messages;

/// <summary>A message the bot sent, kept for recall.</summary>
internal sealed record SentMessage(MessageScene Scene, string TargetId, string Id, DateTimeOffset SentAt);
