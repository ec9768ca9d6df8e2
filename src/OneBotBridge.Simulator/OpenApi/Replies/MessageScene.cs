namespace OneBotBridge.Simulator.OpenApi.Replies;

/// <summary>Where a message is sent: the four send paths of reference §6.</summary>
internal enum MessageScene
{
    /// <summary><c>/v2/groups/{group_openid}</c></summary>
    Group,

    /// <summary><c>/v2/users/{openid}</c></summary>
    C2C,

    /// <summary><c>/channels/{channel_id}</c></summary>
    Channel,

    /// <summary><c>/dms/{guild_id}</c></summary>
    Direct,
}
