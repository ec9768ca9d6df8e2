using OneBotBridge.Simulator.OpenApi.Replies;

namespace OneBotBridge.Simulator.OpenApi.Messages;

/// <summary>Messages the bot sent, and the recall rules: group/C2C only within 2 minutes, guild any time.</summary>
internal sealed class SentMessageLog(TimeProvider time)
{
    public static readonly TimeSpan GroupAndC2CRecallWindow = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SentMessage> _byId = new(StringComparer.Ordinal);
    private readonly Queue<SentMessage> _byAge = new();
    private readonly HashSet<string> _recalled = new(StringComparer.Ordinal);

    public void Add(SentMessage message)
    {
        lock (_gate)
        {
            var cutoff = time.GetUtcNow() - Retention;
            while (_byAge.TryPeek(out var oldest) && oldest.SentAt < cutoff)
            {
                _byAge.Dequeue();
                _byId.Remove(oldest.Id);
                _recalled.Remove(oldest.Id);
            }

            _byId[message.Id] = message;
            _byAge.Enqueue(message);
        }
    }

    /// <summary>
    /// Recalls a message at its target. In guild scenes a message the bot received there may be recalled too
    /// (<paramref name="receivedAtTarget"/>); the refusal otherwise.
    /// </summary>
    public ApiError? Recall(MessageScene scene, string targetId, string messageId, bool receivedAtTarget)
    {
        lock (_gate)
        {
            if (_recalled.Contains(messageId))
            {
                return ApiErrors.RecallUnknownMessage(messageId);
            }

            if (_byId.TryGetValue(messageId, out var sent) && sent.Scene == scene && sent.TargetId == targetId)
            {
                if (scene is MessageScene.Group or MessageScene.C2C && time.GetUtcNow() - sent.SentAt > GroupAndC2CRecallWindow)
                {
                    return ApiErrors.RecallWindowPassed(messageId);
                }

                _recalled.Add(messageId);
                return null;
            }

            if (scene is MessageScene.Channel or MessageScene.Direct && receivedAtTarget)
            {
                _recalled.Add(messageId);
                return null;
            }

            return ApiErrors.RecallUnknownMessage(messageId);
        }
    }
}
