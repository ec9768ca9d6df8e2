namespace OneBotBridge.Simulator.Webhook;

/// <summary>
/// The outcome of a callback validation (op 13): <see cref="Passed"/> when the answer echoed the
/// plain_token with a signature that verifies with the bot's public key; else <see cref="Problem"/> says why.
/// <see cref="Status"/> is 0 when no HTTP answer came.
/// </summary>
public sealed record WebhookValidationResult(bool Passed, int Status, string? Problem);
