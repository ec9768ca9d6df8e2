using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.OpenApi.Messages;

/// <summary>A send request that passed body validation.</summary>
internal sealed record OutgoingMessage(JObject Body, string? MsgId, string? EventId, long MsgSeq);
