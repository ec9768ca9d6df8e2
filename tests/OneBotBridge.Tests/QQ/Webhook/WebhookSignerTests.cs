using System.Text;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ.Webhook;

namespace OneBotBridge.Tests.QQ.Webhook;

public sealed class WebhookSignerTests
{
    // tencent-connect/bot-docs, interface-framework/event-emit.md: the callback validation example.
    private const string DocumentedSecret = "DG5g3B4j9X2KOErG";
    private const string DocumentedSignature =
        "87befc99c42c651b3aac0278e71ada338433ae26fcb24307bdc5ad38c1adc2d01bcfcadc0842edac85e85205028a1132afe09280305f13aa6909ffc2d652c706";

    // tencent-connect/bot-docs, interface-framework/sign.md: the key derivation and request signature
    // example. The page shows the body on one line, but the signature is over the pretty-printed form.
    private const string SignDocSecret = "naOC0ocQE3shWLAfffVLB1rhYPG7";
    private const string SignDocBody = "{\n  \"op\": 0,\n  \"d\": {},\n  \"t\": \"GATEWAY_EVENT_NAME\"\n}";
    private const string SignDocSignature =
        "865ad13a61752ca65e26bde6676459cd36cf1be609375b37bd62af366e1dc25a8dc789ba7f14e017ada3d554c671a911bfdf075ba54835b23391d509579ed002";

    [Test]
    public void Validation_signature_is_the_documented_one()
    {
        var signer = new WebhookSigner(WebhookKey.FromClientSecret(DocumentedSecret));

        var signature = signer.SignValidation("1725442341", "Arq0D5A61EgUu4OxUvOp");

        Assert.That(signature, Does.StartWith("87befc99").And.EndWith("d652c706"));
        Assert.That(signature, Is.EqualTo(DocumentedSignature));
    }

    [Test]
    public void Validation_answer_echoes_the_token_with_the_documented_signature()
    {
        var signer = new WebhookSigner(WebhookKey.FromClientSecret(DocumentedSecret));

        var answer = signer.AnswerValidation(new JObject { ["plain_token"] = "Arq0D5A61EgUu4OxUvOp", ["event_ts"] = "1725442341" }, out var problem);

        Assert.That(problem, Is.Null);
        Assert.That(JToken.DeepEquals(answer, new JObject { ["plain_token"] = "Arq0D5A61EgUu4OxUvOp", ["signature"] = DocumentedSignature }), Is.True, answer?.ToString());
    }

    [Test]
    public void Key_derivation_matches_the_documented_public_key_and_request_signature()
    {
        var key = WebhookKey.FromClientSecret(SignDocSecret);
        byte[] expectedPublicKey =
            [215, 195, 98, 254, 120, 174, 248, 31, 242, 50, 135, 180, 147, 98, 139, 93, 176, 42, 60, 79, 227, 11, 33, 94, 77, 25, 96, 155, 93, 118, 103, 58];

        Assert.That(key.PublicKey, Is.EqualTo(expectedPublicKey));
        Assert.That(Convert.ToHexStringLower(key.Sign(Encoding.UTF8.GetBytes("1725442341" + SignDocBody))), Is.EqualTo(SignDocSignature));
    }

    [Test]
    public void A_short_secret_is_repeated_and_a_long_one_cut_to_32_bytes()
    {
        Assert.That(WebhookKey.FromClientSecret("abc").PublicKey, Is.EqualTo(WebhookKey.FromClientSecret("abcabcabcabcabcabcabcabcabcabcab").PublicKey));
        Assert.That(
            WebhookKey.FromClientSecret("0123456789abcdef0123456789abcdefTAIL").PublicKey,
            Is.EqualTo(WebhookKey.FromClientSecret("0123456789abcdef0123456789abcdef").PublicKey));
        Assert.That(WebhookKey.FromClientSecret("abc").PublicKey, Is.Not.EqualTo(WebhookKey.FromClientSecret("abd").PublicKey));
    }

    [TestCase("1725442341", """{"op":0,"t":"C2C_MESSAGE_CREATE","d":{}}""")]
    [TestCase("1725442341{\"op\":0", "}")]
    [TestCase("1725442341", "token with spaces")]
    [TestCase("", "Arq0D5A61EgUu4OxUvOp")]
    [TestCase("1725442341", "")]
    public void Validation_is_not_signed_for_text_that_could_pass_as_a_signed_request(string eventTs, string plainToken)
    {
        // Signing event_ts + plain_token for anyone would hand out signatures over timestamp + body.
        var signer = new WebhookSigner(WebhookKey.FromClientSecret(DocumentedSecret));

        var answer = signer.AnswerValidation(new JObject { ["plain_token"] = plainToken, ["event_ts"] = eventTs }, out var problem);

        Assert.That(answer, Is.Null);
        Assert.That(problem, Is.Not.Null.And.Not.Empty);
    }
}
