using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.Gateway;
using OneBotBridge.QQ.Webhook;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.QQ.Webhook;

public sealed class QQWebhookReceiverTests
{
    private const string Acknowledged = """{"op":12,"d":0}""";

    [Test]
    public async Task The_documented_validation_request_gets_the_documented_answer()
    {
        await using var harness = await ReceiverHarness.StartAsync(secret: "DG5g3B4j9X2KOErG");

        // As in the docs: no signature headers on the validation request.
        var (status, body) = await harness.PostAsync(
            Encoding.UTF8.GetBytes("""{"d":{"plain_token":"Arq0D5A61EgUu4OxUvOp","event_ts":"1725442341"},"op":13}"""), null, null);

        Assert.That(status, Is.EqualTo(200));
        Assert.That(JToken.DeepEquals(JToken.Parse(body), JObject.Parse(
            """{"plain_token":"Arq0D5A61EgUu4OxUvOp","signature":"87befc99c42c651b3aac0278e71ada338433ae26fcb24307bdc5ad38c1adc2d01bcfcadc0842edac85e85205028a1132afe09280305f13aa6909ffc2d652c706"}""")),
            Is.True, body);
        Assert.That(harness.Counters.Validations, Is.EqualTo(1));
        Assert.That(harness.Drain(), Is.Empty);
    }

    [Test]
    public async Task A_signed_dispatch_is_acknowledged_and_written_with_its_event_id_and_no_seq()
    {
        await using var harness = await ReceiverHarness.StartAsync();
        var envelope = ReceiverHarness.Envelope("C2C_MESSAGE_CREATE:abc", 1);
        envelope["s"] = 42;

        var (status, body) = await harness.PostSignedAsync(envelope);
        var dispatch = await harness.NextAsync();

        Assert.That((status, body), Is.EqualTo((200, Acknowledged)));
        Assert.That(dispatch.Type, Is.EqualTo("C2C_MESSAGE_CREATE"));
        Assert.That(dispatch.EventId, Is.EqualTo("C2C_MESSAGE_CREATE:abc"));
        Assert.That(dispatch.Seq, Is.Null);
        Assert.That(JToken.DeepEquals(dispatch.Data, envelope["d"]), Is.True);
        Assert.That(harness.Counters.EventsAccepted, Is.EqualTo(1));
    }

    private static readonly Dictionary<string, (WebhookRejection Reason, int Status, Func<ReceiverHarness, byte[], Task<(int Status, string Body)>> Send)> Refusals =
        RefusedRequests().ToDictionary(refusal => refusal.Name, refusal => (refusal.Reason, refusal.Status, refusal.Send));

    public static IEnumerable<string> RefusalNames => Refusals.Keys;

    private static IEnumerable<(string Name, WebhookRejection Reason, int Status, Func<ReceiverHarness, byte[], Task<(int Status, string Body)>> Send)> RefusedRequests()
    {
        yield return ("forged", WebhookRejection.BadSignature, 401, (h, body) =>
        {
            var timestamp = h.Timestamp();
            var forged = Convert.ToHexStringLower(WebhookKey.FromClientSecret("not-the-bot-secret").Sign(Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray()));
            return h.PostAsync(body, forged, timestamp);
        });
        yield return ("unsigned", WebhookRejection.MissingSignature, 401, (h, body) => h.PostAsync(body, null, null));
        yield return ("no timestamp", WebhookRejection.MissingSignature, 401, (h, body) => h.PostAsync(body, h.Sign(h.Timestamp(), body), null));
        yield return ("short signature", WebhookRejection.MalformedSignature, 401, (h, body) =>
        {
            var timestamp = h.Timestamp();
            return h.PostAsync(body, h.Sign(timestamp, body)[..126], timestamp);
        });
        yield return ("signature not hex", WebhookRejection.MalformedSignature, 401, (h, body) =>
        {
            var timestamp = h.Timestamp();
            return h.PostAsync(body, "xy" + h.Sign(timestamp, body)[2..], timestamp);
        });
        yield return ("sig[63] & 0xE0", WebhookRejection.MalformedSignature, 401, (h, body) =>
        {
            var timestamp = h.Timestamp();
            var signature = Convert.FromHexString(h.Sign(timestamp, body));
            signature[63] |= 0x80;
            return h.PostAsync(body, Convert.ToHexStringLower(signature), timestamp);
        });
        yield return ("stale", WebhookRejection.StaleTimestamp, 401, (h, body) =>
        {
            var timestamp = h.Timestamp(TimeSpan.FromMinutes(-10));
            return h.PostAsync(body, h.Sign(timestamp, body), timestamp);
        });
        yield return ("too big", WebhookRejection.BodyTooLarge, 413, (h, _) =>
        {
            var envelope = ReceiverHarness.Envelope("C2C_MESSAGE_CREATE:big", 1);
            envelope["d"]!["content"] = new string('x', 5000);
            var body = ReceiverHarness.Bytes(envelope);
            var timestamp = h.Timestamp();
            return h.PostAsync(body, h.Sign(timestamp, body), timestamp);
        });
        yield return ("signed but not an envelope", WebhookRejection.MalformedPayload, 400, (h, _) =>
        {
            var body = "[1,2,3]"u8.ToArray();
            var timestamp = h.Timestamp();
            return h.PostAsync(body, h.Sign(timestamp, body), timestamp);
        });
    }

    [TestCaseSource(nameof(RefusalNames))]
    public async Task Refused_requests_get_their_status_and_dispatch_nothing(string refusal)
    {
        var (reason, expectedStatus, send) = Refusals[refusal];
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await ReceiverHarness.StartAsync(time: clock, configure: webhook => webhook.MaxBodyBytes = 4096);
        var body = ReceiverHarness.Bytes(ReceiverHarness.Envelope("C2C_MESSAGE_CREATE:refused", 1));

        var (status, answer) = await send(harness, body);

        Assert.That(status, Is.EqualTo(expectedStatus), answer);
        Assert.That(harness.Counters.Rejected(reason), Is.EqualTo(1));
        Assert.That(harness.Counters.RejectedTotal, Is.EqualTo(1));
        Assert.That(harness.Counters.EventsAccepted, Is.Zero);
        Assert.That(harness.Drain(), Is.Empty);
    }

    [Test]
    public async Task A_chunked_body_is_cut_off_at_the_limit()
    {
        await using var harness = await ReceiverHarness.StartAsync(configure: webhook => webhook.MaxBodyBytes = 4096);
        var envelope = ReceiverHarness.Envelope("C2C_MESSAGE_CREATE:chunked", 1);
        envelope["d"]!["content"] = new string('x', 50_000);
        var body = ReceiverHarness.Bytes(envelope);
        var timestamp = harness.Timestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, harness.Url) { Content = new StreamContent(new MemoryStream(body)) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-Signature-Ed25519", harness.Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);

        using var response = await harness.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(harness.Counters.Rejected(WebhookRejection.BodyTooLarge), Is.EqualTo(1));
        Assert.That(harness.Drain(), Is.Empty);
    }

    [Test]
    public async Task The_tolerance_follows_the_receiver_clock()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await ReceiverHarness.StartAsync(time: clock);
        var body = ReceiverHarness.Bytes(ReceiverHarness.Envelope("C2C_MESSAGE_CREATE:late", 1));
        var timestamp = harness.Timestamp();
        var signature = harness.Sign(timestamp, body);

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var (status, _) = await harness.PostAsync(body, signature, timestamp);

        Assert.That(status, Is.EqualTo(401));
        Assert.That(harness.Counters.Rejected(WebhookRejection.StaleTimestamp), Is.EqualTo(1));
        Assert.That(harness.Drain(), Is.Empty);
    }

    [Test]
    public async Task A_redelivered_event_is_acknowledged_but_written_once()
    {
        await using var harness = await ReceiverHarness.StartAsync();
        var envelope = ReceiverHarness.Envelope("C2C_MESSAGE_CREATE:twice", 1);

        var first = await harness.PostSignedAsync(envelope);
        var second = await harness.PostSignedAsync(envelope);

        Assert.That(first, Is.EqualTo((200, Acknowledged)));
        Assert.That(second, Is.EqualTo((200, Acknowledged)));
        Assert.That(harness.Drain().Select(dispatch => dispatch.EventId), Is.EqualTo(new[] { "C2C_MESSAGE_CREATE:twice" }));
        Assert.That(harness.Counters.DuplicatesSkipped, Is.EqualTo(1));
    }

    [Test]
    public async Task When_the_channel_stays_full_the_platform_is_asked_to_redeliver_and_the_redelivery_is_taken()
    {
        await using var harness = await ReceiverHarness.StartAsync(capacity: 1);
        var first = ReceiverHarness.Envelope("C2C_MESSAGE_CREATE:first", 1);
        var second = ReceiverHarness.Envelope("C2C_MESSAGE_CREATE:second", 2);
        Assert.That(await harness.PostSignedAsync(first), Is.EqualTo((200, Acknowledged)));

        var refused = await harness.PostSignedAsync(second);
        Assert.That(refused, Is.EqualTo((503, """{"op":12,"d":1}""")));
        Assert.That(harness.Counters.Deferred, Is.EqualTo(1));

        Assert.That((await harness.NextAsync()).EventId, Is.EqualTo("C2C_MESSAGE_CREATE:first"));
        var redelivered = await harness.PostSignedAsync(second);

        Assert.That(redelivered, Is.EqualTo((200, Acknowledged)));
        Assert.That((await harness.NextAsync()).EventId, Is.EqualTo("C2C_MESSAGE_CREATE:second"));
        Assert.That(harness.Counters.DuplicatesSkipped, Is.Zero);
    }

    [Test]
    public async Task A_delivery_waits_for_room_while_the_consumer_catches_up()
    {
        await using var harness = await ReceiverHarness.StartAsync(capacity: 1, configure: webhook => webhook.QueueWait = TimeSpan.FromSeconds(10));
        Assert.That(await harness.PostSignedAsync(ReceiverHarness.Envelope("C2C_MESSAGE_CREATE:first", 1)), Is.EqualTo((200, Acknowledged)));

        var waiting = harness.PostSignedAsync(ReceiverHarness.Envelope("C2C_MESSAGE_CREATE:second", 2));
        Assert.That((await harness.NextAsync()).EventId, Is.EqualTo("C2C_MESSAGE_CREATE:first"));

        Assert.That(await waiting, Is.EqualTo((200, Acknowledged)));
        Assert.That((await harness.NextAsync()).EventId, Is.EqualTo("C2C_MESSAGE_CREATE:second"));
        Assert.That(harness.Counters.Deferred, Is.Zero);
    }

    [Test]
    public async Task An_unsigned_request_other_than_the_validation_is_refused_before_anything_else()
    {
        await using var harness = await ReceiverHarness.StartAsync();

        var (status, _) = await harness.PostAsync("""{"op":0,"id":"X:1","t":"C2C_MESSAGE_CREATE","d":{}}"""u8.ToArray(), null, null);

        Assert.That(status, Is.EqualTo(401));
        Assert.That(harness.Counters.Rejected(WebhookRejection.MissingSignature), Is.EqualTo(1));
        Assert.That(harness.Drain(), Is.Empty);
    }

    [Test]
    public async Task Other_paths_and_methods_are_not_the_callback()
    {
        await using var harness = await ReceiverHarness.StartAsync();

        using var get = await harness.SendAsync(new HttpRequestMessage(HttpMethod.Get, harness.Url));
        var (wrongPath, _) = await harness.PostAsync("{}"u8.ToArray(), null, null, new Uri(harness.Url, "/elsewhere"));

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(wrongPath, Is.EqualTo(404));
        Assert.That(harness.Counters.Requests, Is.Zero);
    }

    [Test]
    public async Task A_listen_address_in_use_is_a_fatal_error_naming_the_setting()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;
        var receiver = new QQWebhookReceiver(
            new QQOptions { ClientSecret = "secret", Webhook = new WebhookOptions { Listen = $"127.0.0.1:{port}" } },
            TimeProvider.System,
            NullLoggerFactory.Instance);

        var fatal = Assert.ThrowsAsync<QQFatalException>(() =>
            receiver.RunAsync(Channel.CreateBounded<GatewayDispatch>(1).Writer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.That(fatal!.Message, Does.Contain("qq.webhook.listen"));
        Assert.That(receiver.Listening.IsFaulted, Is.True);
    }

    [TestCase("8443")]
    [TestCase("example.org:8443")]
    [TestCase("127.0.0.1:99999")]
    public void A_bad_listen_setting_is_a_fatal_error_naming_the_setting(string listen)
    {
        var receiver = new QQWebhookReceiver(
            new QQOptions { ClientSecret = "secret", Webhook = new WebhookOptions { Listen = listen } }, TimeProvider.System, NullLoggerFactory.Instance);

        var fatal = Assert.ThrowsAsync<QQFatalException>(() => receiver.RunAsync(Channel.CreateBounded<GatewayDispatch>(1).Writer, CancellationToken.None));

        Assert.That(fatal!.Message, Does.StartWith("qq.webhook.listen"));
    }
}
