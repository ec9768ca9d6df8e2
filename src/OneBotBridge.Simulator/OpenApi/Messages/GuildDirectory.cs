using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulator.OpenApi.Messages;

/// <summary>Which guild a channel belongs to, and which channel a DM guild uses, learnt from dispatches.</summary>
internal sealed class GuildDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _guildOfChannel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _channelOfDirectGuild = new(StringComparer.Ordinal);

    public void Observe(string type, JToken data)
    {
        if (data is not JObject payload
            || SimulatorJson.StringOf(payload["channel_id"]) is not { Length: > 0 } channelId
            || SimulatorJson.StringOf(payload["guild_id"]) is not { Length: > 0 } guildId)
        {
            return;
        }

        lock (_gate)
        {
            if (type.StartsWith("DIRECT_MESSAGE_", StringComparison.Ordinal))
            {
                _channelOfDirectGuild[guildId] = channelId;
            }
            else
            {
                _guildOfChannel[channelId] = guildId;
            }
        }
    }

    public string GuildOfChannel(string channelId)
    {
        lock (_gate)
        {
            return _guildOfChannel.GetValueOrDefault(channelId, "");
        }
    }

    public string ChannelOfDirectGuild(string guildId)
    {
        lock (_gate)
        {
            return _channelOfDirectGuild.GetValueOrDefault(guildId, "");
        }
    }
}
