using System.Security.Cryptography;
using System.Text;
using OneBotBridge.Core.Caching;
using OneBotBridge.Core.Chats;
using OneBotBridge.OneBot.Messages;
using OneBotBridge.QQ.OpenApi;

namespace OneBotBridge.Core.Outbound;

/// <summary>
/// Uploads group/C2C media and remembers each <c>file_info</c> by content hash and scene until its ttl
/// (a <c>file_info</c> is valid for every target of the scene it was uploaded in).
/// </summary>
public sealed class MediaUploader(QQOpenApiClient api, TimeProvider time)
{
    private const int CacheSize = 1024;
    private const int MaxAttempts = 2;
    private const long FetchFailed = 304082;
    private const long FetchTimedOut = 304083;

    /// <summary>A cached file_info is not used this close to its expiry, so the send still finds it valid.</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly LruCache<(Scene, QQFileType, string), (string FileInfo, DateTimeOffset Expires)> _uploaded = new(CacheSize);

    internal async Task<string> UploadAsync(
        ChatTarget target, string address, MediaSegment media, MediaPayload payload, CancellationToken cancellationToken)
    {
        var fileType = media switch
        {
            RecordSegment => QQFileType.Voice,
            VideoSegment => QQFileType.Video,
            _ => QQFileType.Image,
        };
        var key = (target.Scene, fileType, Hash(payload));
        lock (_gate)
        {
            if (_uploaded.TryGet(key, out var cached) && cached.Expires - ExpiryMargin > time.GetUtcNow())
            {
                return cached.FileInfo;
            }
        }

        var upload = payload.Url is { } url ? QQMediaUpload.FromUrl(fileType, url) : QQMediaUpload.FromContent(fileType, payload.Content);
        var uploaded = await UploadWithRetryAsync(target, address, media.Type, upload, cancellationToken).ConfigureAwait(false);
        if (uploaded.Ttl > 0)
        {
            lock (_gate)
            {
                _uploaded.Set(key, (uploaded.FileInfo, time.GetUtcNow() + TimeSpan.FromSeconds(uploaded.Ttl)));
            }
        }

        return uploaded.FileInfo;
    }

    /// <summary>Uploads, trying once more when the platform could not fetch the medium (304082/304083).</summary>
    private async Task<QQUploadedMedia> UploadWithRetryAsync(
        ChatTarget target, string address, string type, QQMediaUpload upload, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return target.Scene == Scene.Group
                    ? await api.UploadGroupMediaAsync(address, upload, cancellationToken).ConfigureAwait(false)
                    : await api.UploadC2CMediaAsync(address, upload, cancellationToken).ConfigureAwait(false);
            }
            catch (QQApiException e) when (attempt < MaxAttempts && e.Code is FetchFailed or FetchTimedOut)
            {
                // The platform's fetch of the URL failed; the docs say to try again.
            }
            catch (QQApiException e)
            {
                throw SendFailures.UploadRefused(type, e);
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

    private static string Hash(MediaPayload payload) => payload.Url is { } url
        ? "url:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url)))
        : "sha256:" + Convert.ToHexString(SHA256.HashData(payload.Content.Span));
}
