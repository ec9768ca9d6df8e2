namespace OneBotBridge.Simulator.Webhook;

/// <summary>What the bot's callback endpoint answered: HTTP status and body text.</summary>
public sealed record WebhookAnswer(int Status, string Body);
