using System.Globalization;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Messages;
using OneBotBridge.Core.Replies;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;
using OneBotBridge.OneBot.Messages;
using OneBotBridge.QQ.OpenApi;

namespace OneBotBridge.Core.Outbound;

/// <summary>
/// Sends a OneBot message to a conversation as passive replies: picks the reply context (the replied-to
/// message, else the newest from the user answered, else the newest in the conversation, else an event),
/// renders and uploads per scene, sends each QQ message with its own <c>msg_seq</c>, recovers from the
/// refusals that have a cure (40054005 fresh msg_seq, 40034025 without event_id, an expired msg_id another
/// one) and numbers what was sent. Sends to one conversation go out in the order asked.
/// </summary>
public sealed partial class MessageSender
{
    private const int MaxAttempts = 3;

    private readonly TargetResolver _targets;
    private readonly MessageComposer _composer;
    private readonly MediaReader _media;
    private readonly MediaUploader _uploader;
    private readonly QQOpenApiClient _api;
    private readonly ReplyContextBook _replies;
    private readonly PendingSends _pending;
    private readonly MessageStore _messages;
    private readonly BotState _bot;
    private readonly TimeProvider _time;
    private readonly ILogger<MessageSender> _logger;
    private readonly TargetQueue _queue = new();

    public MessageSender(
        TargetResolver targets,
        MessageComposer composer,
        MediaReader media,
        MediaUploader uploader,
        QQOpenApiClient api,
        ReplyContextBook replies,
        PendingSends pending,
        MessageStore messages,
        BotState bot,
        TimeProvider time,
        ILogger<MessageSender> logger)
    {
        _targets = targets;
        _composer = composer;
        _media = media;
        _uploader = uploader;
        _api = api;
        _replies = replies;
        _pending = pending;
        _messages = messages;
        _bot = bot;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="target"/>, answering <paramref name="answeredUser"/>
    /// when given; returns the <c>message_id</c> of the first QQ message sent.
    /// </summary>
    /// <exception cref="ActionFailedException">The message cannot be sent; the message says why.</exception>
    public Task<int> SendAsync(ChatTarget target, Message message, long? answeredUser, CancellationToken cancellationToken) =>
        SendAsync(target, message, answeredUser, null, cancellationToken);

    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="target"/>, answering <paramref name="answeredUser"/>
    /// when given; returns the <c>message_id</c> of the first QQ message sent. <paramref name="answeredMessageId"/>
    /// (e.g. the event of a quick operation) is replied to when still usable, without quoting it; a <c>reply</c>
    /// segment takes precedence and is quoted.
    /// </summary>
    /// <exception cref="ActionFailedException">The message cannot be sent; the message says why.</exception>
    public async Task<int> SendAsync(
        ChatTarget target, Message message, long? answeredUser, int? answeredMessageId, CancellationToken cancellationToken)
    {
        var address = _targets.AddressOf(target);
        var composed = _composer.Compose(target, message);
        var quotedId = await PlatformIdInAsync(target, composed.ReplyToMessageId, cancellationToken).ConfigureAwait(false);
        var repliedToId = quotedId ?? await PlatformIdInAsync(target, answeredMessageId, cancellationToken).ConfigureAwait(false);

        using var turn = await _queue.EnterAsync(target, cancellationToken).ConfigureAwait(false);
        int? first = null;
        foreach (var part in composed.Parts)
        {
            var request = await BuildAsync(target, address, part, first is null ? quotedId : null, cancellationToken).ConfigureAwait(false);
            var selection = await SelectContextAsync(target, answeredUser, repliedToId, cancellationToken).ConfigureAwait(false);
            var (sent, used) = await DeliverAsync(target, address, request, selection, answeredUser, repliedToId, cancellationToken).ConfigureAwait(false);
            var messageId = await RecordAsync(target, part, sent, cancellationToken).ConfigureAwait(false);
            await CountedAsync(target, used, cancellationToken).ConfigureAwait(false);
            first ??= messageId;
        }

        return first!.Value;
    }

    /// <summary>
    /// Waits until the reply is counted in the store, so a restart knows it. The message went out: if the count cannot be
    /// stored, the send is still reported made (a framework retrying it would send it twice), and the log says so.
    /// </summary>
    private async Task CountedAsync(ChatTarget target, ReplySelection? used, CancellationToken cancellationToken)
    {
        if (used is null)
        {
            return;
        }

        try
        {
            await used.Stored.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.CountNotStored(_logger, target, used.Context?.SourceId, e.Message);
        }
    }

    /// <summary>The platform id of message <paramref name="messageId"/> if it belongs to <paramref name="target"/>.</summary>
    private async Task<string?> PlatformIdInAsync(ChatTarget target, int? messageId, CancellationToken cancellationToken)
    {
        var record = messageId is { } id ? await _messages.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return record?.Target == target ? record.PlatformMessageId : null;
    }

    private async Task<QQRequest> BuildAsync(
        ChatTarget target, string address, OutgoingPart part, string? referenceId, CancellationToken cancellationToken)
    {
        var body = new JObject();
        QQImageFile? image = null;
        var media = part.Media is { } segment ? await _media.ReadAsync(segment, cancellationToken).ConfigureAwait(false) : null;
        if (target.Scene is Scene.Group or Scene.C2C)
        {
            if (media is not null)
            {
                var fileInfo = await _uploader.UploadAsync(target, address, part.Media!, media, cancellationToken).ConfigureAwait(false);
                body["msg_type"] = 7;
                body["content"] = part.Content.Length > 0 ? part.Content : " ";
                body["media"] = new JObject { ["file_info"] = fileInfo };
            }
            else if (part.Markdown is not null)
            {
                body["msg_type"] = 2;
            }
            else if (part.Ark is not null)
            {
                body["msg_type"] = 3;
            }
            else
            {
                body["msg_type"] = 0;
                body["content"] = part.Content;
            }
        }
        else
        {
            if (part.Content.Length > 0)
            {
                body["content"] = part.Content;
            }

            if (media?.Url is { } url)
            {
                body["image"] = url;
            }
            else if (media is not null)
            {
                image = new QQImageFile(media.FileName, media.Content);
            }
        }

        if (part.Markdown is not null)
        {
            body["markdown"] = new JObject { ["content"] = part.Markdown };
        }

        if (part.Keyboard is not null)
        {
            body["keyboard"] = part.Keyboard;
        }

        if (part.Ark is not null)
        {
            body["ark"] = part.Ark;
        }

        if (referenceId is not null)
        {
            body["message_reference"] = new JObject { ["message_id"] = referenceId };
        }

        return new QQRequest(body, image);
    }

    /// <summary>The reply context of the next QQ message; with <c>qq.hold_unreplyable</c>, waits for one to arrive.</summary>
    private async Task<ReplySelection> SelectContextAsync(ChatTarget target, long? answeredUser, string? repliedToId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var selection = await _replies.SelectAsync(target, answeredUser, repliedToId, cancellationToken).ConfigureAwait(false);
            if (selection.Found)
            {
                return selection;
            }

            if (!_pending.TryHold(target, cancellationToken, out var outcome))
            {
                throw SendFailures.NothingToReplyTo(selection.Failure);
            }

            Log.Holding(_logger, target);
            if (await outcome.ConfigureAwait(false) == HoldOutcome.Expired)
            {
                throw SendFailures.NothingToReplyTo($"{selection.Failure}, and nothing arrived there while the send was held");
            }
        }
    }

    /// <returns>What the platform answered, and the selection it was sent with (null after an event was refused).</returns>
    private async Task<(QQSentMessage Sent, ReplySelection? Used)> DeliverAsync(
        ChatTarget target, string address, QQRequest request, ReplySelection selection, long? answeredUser, string? repliedToId,
        CancellationToken cancellationToken)
    {
        ReplySelection? current = selection;
        for (var attempt = 1; ; attempt++)
        {
            Apply(request.Body, current?.Context, target.Scene);
            try
            {
                return (await PostAsync(target, address, request, cancellationToken).ConfigureAwait(false), current);
            }
            catch (QQApiException e) when (attempt < MaxAttempts && current?.Context is { } context && IsCurable(e.Code, context))
            {
                Log.Retrying(_logger, target, e.Code, attempt);
                current = await CureAsync(e, context, answeredUser, repliedToId, cancellationToken).ConfigureAwait(false);
            }
            catch (QQApiException e)
            {
                throw SendFailures.Refused(e);
            }
            catch (HttpRequestException e)
            {
                throw SendFailures.Unreachable(e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw SendFailures.TimedOut(e);
            }
        }
    }

    private static bool IsCurable(long? code, ReplyContext context) => code switch
    {
        QQErrorCodes.DuplicateMsgSeq => true,
        QQErrorCodes.InvalidEventId => context.Kind == ReplySourceKind.Event,
        QQErrorCodes.InvalidMsgId or QQErrorCodes.BadReplyMsgId or QQErrorCodes.ExpiredReplyMsgId => context.Kind == ReplySourceKind.Message,
        _ => false,
    };

    /// <summary>The selection to try next after <paramref name="refusal"/>; null sends without <c>event_id</c>.</summary>
    private async Task<ReplySelection?> CureAsync(
        QQApiException refusal, ReplyContext refused, long? answeredUser, string? repliedToId, CancellationToken cancellationToken)
    {
        if (refusal.Code == QQErrorCodes.DuplicateMsgSeq)
        {
            var renewed = await _replies.RenewSeqAsync(refused, cancellationToken).ConfigureAwait(false);
            return renewed.Found ? renewed : throw SendFailures.Refused(refusal);
        }

        _replies.MarkRejected(refused);
        if (refused.Kind == ReplySourceKind.Event)
        {
            return null;
        }

        var another = await _replies.SelectAsync(refused.Target, answeredUser, repliedToId, cancellationToken).ConfigureAwait(false);
        return another.Found ? another : throw SendFailures.Refused(refusal);
    }

    private static void Apply(JObject body, ReplyContext? context, Scene scene)
    {
        body.Remove("msg_id");
        body.Remove("event_id");
        body.Remove("msg_seq");
        if (context?.MsgId is { } msgId)
        {
            body["msg_id"] = msgId;
        }

        if (context?.EventId is { } eventId)
        {
            body["event_id"] = eventId;
        }

        if (context is not null && scene is Scene.Group or Scene.C2C)
        {
            body["msg_seq"] = context.Seq;
        }
    }

    private Task<QQSentMessage> PostAsync(ChatTarget target, string address, QQRequest request, CancellationToken cancellationToken) =>
        (target.Scene, request.Image) switch
        {
            (Scene.Group, _) => _api.SendGroupMessageAsync(address, request.Body, cancellationToken),
            (Scene.C2C, _) => _api.SendC2CMessageAsync(address, request.Body, cancellationToken),
            (Scene.GuildChannel, null) => _api.SendChannelMessageAsync(address, request.Body, cancellationToken),
            (Scene.GuildChannel, { } image) => _api.SendChannelMessageAsync(address, request.Body, image, cancellationToken),
            (Scene.GuildDirect, null) => _api.SendDirectMessageAsync(address, request.Body, cancellationToken),
            (Scene.GuildDirect, { } image) => _api.SendDirectMessageAsync(address, request.Body, image, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
        };

    private async Task<int> RecordAsync(ChatTarget target, OutgoingPart part, QQSentMessage sent, CancellationToken cancellationToken)
    {
        // A message held for audit has no id yet; it still gets a message_id so the send can answer one.
        var platformId = sent.Id ?? $"audit:{Guid.NewGuid():N}";
        var time = DateTimeOffset.TryParse(sent.Timestamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : _time.GetUtcNow();
        var draft = new MessageDraft(
            platformId, target, _bot.SelfId, MessageDirection.Sent, time, part.Segments.ToJsonText());
        var messageId = await _messages.RecordAsync(draft, cancellationToken).ConfigureAwait(false);
        Log.Sent(_logger, target, messageId, sent.HeldForAudit);
        return messageId;
    }

    private sealed record QQRequest(JObject Body, QQImageFile? Image);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Nothing to reply to in {Target}: holding the send until a message arrives there")]
        public static partial void Holding(ILogger logger, ChatTarget target);

        [LoggerMessage(Level = LogLevel.Information, Message = "QQ refused a send to {Target} with code {Code}; trying again with another reply context (attempt {Attempt})")]
        public static partial void Retrying(ILogger logger, ChatTarget target, long? code, int attempt);

        [LoggerMessage(Level = LogLevel.Warning, Message = "A reply to {SourceId} in {Target} went out but could not be counted in storage; after a restart the platform may refuse a reply beyond its limit: {Reason}")]
        public static partial void CountNotStored(ILogger logger, ChatTarget target, string? sourceId, string reason);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Sent message {MessageId} to {Target} (held for audit: {HeldForAudit})")]
        public static partial void Sent(ILogger logger, ChatTarget target, int messageId, bool heldForAudit);
    }
}
