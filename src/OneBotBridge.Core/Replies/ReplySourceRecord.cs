using OneBotBridge.Core.Chats;

namespace OneBotBridge.Core.Replies;

/// <summary>
/// The stored state of one reply source: where and when it was received and how far its
/// <c>msg_seq</c> and reply count have gone. <see cref="SeqHighWater"/> is the highest <c>msg_seq</c> that may
/// have been handed out (seqs are reserved a few at a time, see <see cref="ReplySource.SeqBlock"/>); it only
/// grows, so a restart never reuses a <c>msg_seq</c>.
/// </summary>
public sealed record ReplySourceRecord(
    ReplySourceKind Kind,
    string SourceId,
    ChatTarget Target,
    long? SenderNumber,
    DateTimeOffset ReceivedAt,
    int SeqHighWater,
    int Uses);
