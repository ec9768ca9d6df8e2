using System.Security.Cryptography;
using System.Text;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Hosting;

/// <summary>
/// The bot's OneBot <c>self_id</c>. It must be known before the gateway's READY (reverse WebSocket
/// clients send it in <c>X-Self-ID</c> when they dial), so it comes from configuration:
/// <c>onebot.self_id</c> when set, else the numeric app id, else a stable hash of the app id.
/// </summary>
internal sealed record SelfIdSource(long SelfId, string Origin)
{
    /// <summary>JavaScript frameworks read numbers exactly only below 2^53.</summary>
    private const long JavaScriptSafeLimit = 1L << 53;

    public static SelfIdSource From(OneBotOptions onebot, QQOptions qq)
    {
        if (onebot.SelfId != 0)
        {
            return new(onebot.SelfId, "onebot.self_id");
        }

        if (long.TryParse(qq.AppId, out var appId) && appId is > 0 and < JavaScriptSafeLimit)
        {
            return new(appId, "the bot's app id");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(qq.AppId));
        var number = (long)(BitConverter.ToUInt32(hash, 0) & int.MaxValue);
        return new(Math.Max(number, 10_000), "a hash of the bot's app id");
    }
}
