using Newtonsoft.Json.Linq;

namespace OneBotBridge.OneBot.Abstractions;

/// <summary>
/// One OneBot API call. <paramref name="Echo"/> is <c>null</c> when the request had no <c>echo</c>
/// key; a JSON <c>null</c> echo is a <see cref="JValue"/> and is returned as such.
/// </summary>
public sealed record ActionRequest(string Action, JObject Params, JToken? Echo = null);
