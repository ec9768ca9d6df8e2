namespace OneBotBridge.OneBot.Actions;

/// <summary>One call of a handler: <see cref="Action"/> is the name it was registered under (without <c>_async</c>).</summary>
public sealed record ActionContext(string Action, ActionParams Params);
