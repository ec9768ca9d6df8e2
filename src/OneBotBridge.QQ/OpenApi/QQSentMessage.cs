using Newtonsoft.Json.Linq;

namespace OneBotBridge.QQ.OpenApi;

/// <summary>
/// The answer to a send. Group/C2C sends return <c>{id, timestamp}</c>; guild sends return a whole
/// message object, kept in <see cref="Raw"/>. <see cref="HeldForAudit"/>: the platform accepted the
/// message but holds it for review (HTTP 201/202), so it has no id yet.
/// </summary>
public sealed record QQSentMessage(string? Id, string? Timestamp, bool HeldForAudit, JToken Raw);
