using OneBotBridge.Simulator.OpenApi.Replies;

namespace OneBotBridge.Simulator.OpenApi.Media;

/// <summary>An uploaded file: usable in msg_type 7 sends to the same kind of target until it expires.</summary>
internal sealed record IssuedMedia(string FileUuid, string FileInfo, MessageScene Scene, DateTimeOffset ExpiresAt);
