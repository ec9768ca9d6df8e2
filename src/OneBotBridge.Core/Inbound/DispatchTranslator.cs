using OneBotBridge.Core.Caching;
using OneBotBridge.OneBot.Events;
using OneBotBridge.QQ.Gateway;

namespace OneBotBridge.Core.Inbound;

/// <summary>
/// Turns one QQ dispatch into the OneBot event frameworks see, or nothing: a message or event the
/// platform delivered twice (same message id, or same event id) reaches frameworks once.
/// </summary>
public sealed class DispatchTranslator
{
    private readonly MessageTranslator _messages;
    private readonly NoticeTranslator _notices;
    private readonly LruCache<UInt128, bool> _seenEventIds;

    public DispatchTranslator(InboundState state, int recentEventIds = 10_000)
    {
        _messages = new MessageTranslator(state, new QuoteIndex(state.Messages));
        _notices = new NoticeTranslator(state);
        _seenEventIds = new LruCache<UInt128, bool>(recentEventIds);
    }

    /// <returns>The event with the writes it waits for, or <c>null</c> for a repeated delivery.</returns>
    /// <exception cref="InboundFormatException">The payload lacks what its type requires.</exception>
    public async Task<Translation?> TranslateAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (dispatch.EventId is { Length: > 0 } eventId)
        {
            var digest = IdDigest.Of(eventId);
            if (_seenEventIds.TryGet(digest, out _))
            {
                return null;
            }

            _seenEventIds.Set(digest, true);
        }

        if (MessageTranslator.Handles(dispatch.Type))
        {
            return await _messages.TranslateAsync(dispatch, cancellationToken);
        }

        // Notices are rare: their writes are awaited while translating.
        return await _notices.TranslateAsync(dispatch, cancellationToken) is { } notice ? new Translation(notice, Task.CompletedTask) : null;
    }
}
