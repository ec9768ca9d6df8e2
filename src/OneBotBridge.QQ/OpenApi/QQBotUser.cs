namespace OneBotBridge.QQ.OpenApi;

/// <summary>The bot's own account, from <c>GET /users/@me</c> or the gateway's READY.</summary>
public sealed record QQBotUser(string Id, string Username, string? Avatar = null);
