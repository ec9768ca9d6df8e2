using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator.Tokens;

namespace OneBotBridge.Simulator.Gateway;

/// <summary>Checks Identify and Resume payloads: token first, then shard, then intents.</summary>
internal sealed class IdentifyPolicy(AccessTokenIssuer tokens, long grantedIntents, int shardCount)
{
    private const string Scheme = "QQBot ";

    /// <summary>The 4004 rejection for a missing, malformed or invalid <c>token</c>, or null when it is good.</summary>
    public GatewayRejection? CheckToken(JToken? token)
    {
        var value = token?.Type == JTokenType.String ? (string?)token : null;
        if (value is null || !value.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return new GatewayRejection(GatewayCloseCode.AuthenticationFailed, "authentication failed: token must be \"QQBot {access_token}\"");
        }

        return tokens.IsValid(value[Scheme.Length..])
            ? null
            : new GatewayRejection(GatewayCloseCode.AuthenticationFailed, "authentication failed: token invalid or expired");
    }

    public bool TryAccept(
        JToken? payload,
        [NotNullWhen(true)] out IdentifyRequest? request,
        [NotNullWhen(false)] out GatewayRejection? rejection)
    {
        request = null;
        if (payload is not JObject identify)
        {
            rejection = new GatewayRejection(GatewayCloseCode.InvalidPayload, "identify payload must be an object");
            return false;
        }

        rejection = CheckToken(identify["token"]);
        if (rejection is not null)
        {
            return false;
        }

        rejection = CheckShard(identify["shard"], out var shard);
        if (rejection is not null)
        {
            return false;
        }

        rejection = CheckIntents(identify["intents"], out var intents);
        if (rejection is not null)
        {
            return false;
        }

        request = new IdentifyRequest(shard.Index, shard.Count, intents);
        return true;
    }

    private GatewayRejection? CheckShard(JToken? token, out (int Index, int Count) shard)
    {
        shard = (0, 1);
        if (token is null || token.Type == JTokenType.Null)
        {
            return shardCount == 1 ? null : InvalidShard($"shard is required: [index, {shardCount}]");
        }

        if (token is not JArray { Count: 2 } pair || pair[0] is not JValue { Value: long index } || pair[1] is not JValue { Value: long count })
        {
            return InvalidShard("shard must be [index, count]");
        }

        if (count != shardCount)
        {
            return InvalidShard($"shard count must be {shardCount}");
        }

        if (index < 0 || index >= count)
        {
            return InvalidShard($"shard index must be in [0, {shardCount})");
        }

        shard = ((int)index, (int)count);
        return null;
    }

    private GatewayRejection? CheckIntents(JToken? token, out long intents)
    {
        intents = 0;
        if (token is not JValue { Value: long value } || value < 0)
        {
            return new GatewayRejection(GatewayCloseCode.InvalidIntents, "intents must be a non-negative integer");
        }

        intents = value;
        var missing = intents & ~grantedIntents;
        return missing == 0
            ? null
            : new GatewayRejection(GatewayCloseCode.IntentNotAuthorised, $"intent not authorised: {Intents.Describe(missing)}");
    }

    private static GatewayRejection InvalidShard(string reason) => new(GatewayCloseCode.InvalidShard, "invalid shard: " + reason);
}
