using OneBotBridge.Core.Chats;
using OneBotBridge.Core.Messages;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;
using OneBotBridge.QQ.OpenApi;

namespace OneBotBridge.Core.Outbound;

/// <summary>Recalls a numbered message on the platform (<c>delete_msg</c>).</summary>
public sealed class MessageRecaller(MessageStore messages, TargetResolver targets, QQOpenApiClient api)
{
    /// <exception cref="ActionFailedException">The message is unknown or the platform refused (e.g. 306011, past the 2-minute window).</exception>
    public async Task RecallAsync(int messageId, CancellationToken cancellationToken)
    {
        var record = await messages.FindAsync(messageId, cancellationToken).ConfigureAwait(false)
            ?? throw new ActionFailedException(Retcode.BadRequest, $"message_id {messageId} is unknown to the bridge (never seen or pruned)");
        var address = targets.AddressOf(record.Target);
        try
        {
            await (record.Target.Scene switch
            {
                Scene.Group => api.RecallGroupMessageAsync(address, record.PlatformMessageId, cancellationToken),
                Scene.C2C => api.RecallC2CMessageAsync(address, record.PlatformMessageId, cancellationToken),
                Scene.GuildChannel => api.RecallChannelMessageAsync(address, record.PlatformMessageId, cancellationToken),
                _ => api.RecallDirectMessageAsync(address, record.PlatformMessageId, cancellationToken),
            }).ConfigureAwait(false);
        }
        catch (QQApiException e)
        {
            throw new ActionFailedException(
                Retcode.UpstreamFailed, $"QQ refused to recall message {messageId}: {SendFailures.CodeOf(e)} {e.PlatformMessage}".TrimEnd(), e);
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
