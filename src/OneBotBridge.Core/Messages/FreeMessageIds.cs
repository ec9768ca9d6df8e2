namespace OneBotBridge.Core.Messages;

/// <summary>Consecutive <c>message_id</c>s, <paramref name="First"/> to <paramref name="Last"/>, that no stored message holds.</summary>
public readonly record struct FreeMessageIds(int First, int Last);
