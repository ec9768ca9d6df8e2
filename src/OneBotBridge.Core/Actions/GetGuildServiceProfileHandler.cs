using System.Globalization;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;

namespace OneBotBridge.Core.Actions;

/// <summary><c>get_guild_service_profile</c> (Koishi asks on connect) → <c>{nickname, tiny_id, avatar_url}</c> of the bot.</summary>
[OneBotAction("get_guild_service_profile")]
internal sealed class GetGuildServiceProfileHandler(BotState bot) : IOneBotActionHandler
{
    public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<JToken?>(new JObject
        {
            ["nickname"] = bot.Nickname,
            ["tiny_id"] = bot.SelfId.ToString(CultureInfo.InvariantCulture),
            ["avatar_url"] = "",
        });
}
