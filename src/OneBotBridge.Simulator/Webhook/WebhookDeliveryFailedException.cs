namespace OneBotBridge.Simulator.Webhook;

/// <summary>The bot's endpoint answered a delivery or a validation with a failure; the platform tries again.</summary>
internal sealed class WebhookDeliveryFailedException(string message) : Exception(message);
