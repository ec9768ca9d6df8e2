using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace OneBotBridge.QQ.Webhook;

/// <summary>
/// Answers the platform's callback validation (op 13): <c>{plain_token, signature}</c> with the
/// signature over <c>event_ts + plain_token</c>, hex-encoded.
/// </summary>
internal sealed class WebhookSigner(WebhookKey key)
{
    private const int MaxFieldLength = 128;

    public string SignValidation(string eventTs, string plainToken) =>
        Convert.ToHexStringLower(key.Sign(Encoding.UTF8.GetBytes(eventTs + plainToken)));

    /// <summary>
    /// The answer to an op 13 <paramref name="data"/>, or <c>null</c> with <paramref name="problem"/>
    /// when it is not a validation this receiver will sign.
    /// </summary>
    /// <remarks>
    /// The signature has the same shape as a request signature (over timestamp + body), so signing
    /// any text asked for would let anyone forge signed events through this endpoint. Only a digit
    /// timestamp and a token without JSON punctuation are signed: their concatenation can never
    /// split into a timestamp and a JSON body.
    /// </remarks>
    public JObject? AnswerValidation(JToken data, out string? problem)
    {
        if (data is not JObject validation
            || validation["event_ts"] is not JValue { Type: JTokenType.String or JTokenType.Integer } eventTsValue
            || validation["plain_token"] is not JValue { Type: JTokenType.String } plainTokenValue)
        {
            problem = "op 13 without a string plain_token and event_ts";
            return null;
        }

        var eventTs = eventTsValue.ToString(CultureInfo.InvariantCulture);
        var plainToken = (string)plainTokenValue!;
        if (eventTs.Length is 0 or > MaxFieldLength || !eventTs.All(char.IsAsciiDigit))
        {
            problem = "op 13 event_ts is not a number";
            return null;
        }

        if (plainToken.Length is 0 or > MaxFieldLength || !plainToken.All(IsTokenCharacter))
        {
            problem = "op 13 plain_token has characters a platform token does not";
            return null;
        }

        problem = null;
        return new JObject
        {
            ["plain_token"] = plainToken,
            ["signature"] = SignValidation(eventTs, plainToken),
        };
    }

    private static bool IsTokenCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '=' or '+' or '/';
}
