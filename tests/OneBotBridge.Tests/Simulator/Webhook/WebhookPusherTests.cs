using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ.Webhook;
using OneBotBridge.Simulator;
using OneBotBridge.Tests.Support;

namespace OneBotBridge.Tests.Simulator.Webhook;

public sealed class WebhookPusherTests
{
    private const string Secret = "simulated-secret-0123456789";

    [Test]
    public async Task A_dispatch_is_posted_after_an_unsigned_validation_with_the_platform_headers_and_signature()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 3, 13, 15, 30, 0, TimeSpan.Zero));
        await using var recorder = await CallbackRecorder.StartAsync(Secret);
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { ClientSecret = Secret, WebhookUrl = recorder.Url, TimeProvider = clock });

        var envelope = await simulator.PushDispatchAsync("GROUP_AT_MESSAGE_CREATE", new JObject { ["id"] = "ROBOT1.0_x", ["content"] = " hi" });
        await Eventually.UntilAsync(() => simulator.Webhook.Counters.Delivered == 1, "the dispatch is delivered");

        var (validation, dispatch) = (recorder.Requests[0], recorder.Requests[1]);
        Assert.That((int?)validation.Json["op"], Is.EqualTo(13));
        Assert.That(validation.Header("X-Signature-Ed25519"), Is.Null, "the platform sends the validation unsigned");
        Assert.That(JToken.DeepEquals(dispatch.Json, envelope), Is.True, dispatch.Json.ToString());
        Assert.That(dispatch.Json.ContainsKey("s"), Is.False);
        Assert.That(dispatch.Header("X-Bot-Appid"), Is.EqualTo(simulator.Options.AppId));
        Assert.That(dispatch.Header("User-Agent"), Is.EqualTo("QQBot-Callback"));
        Assert.That(dispatch.Header("X-Signature-Timestamp"), Is.EqualTo(clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        var verifier = new WebhookVerifier(WebhookKey.FromClientSecret(Secret), TimeSpan.FromMinutes(5), clock);
        Assert.That(verifier.Verify(dispatch.Header("X-Signature-Ed25519"), dispatch.Header("X-Signature-Timestamp"), dispatch.Body), Is.Null);
    }

    [Test]
    public async Task A_failed_delivery_is_retried_after_a_backoff_on_the_simulator_clock()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var recorder = await CallbackRecorder.StartAsync(Secret);
        recorder.AnswerNextDispatches((500, "oops"), (200, """{"op":12,"d":1}"""));
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions
        {
            ClientSecret = Secret,
            WebhookUrl = recorder.Url,
            TimeProvider = clock,
            WebhookRetryDelay = TimeSpan.FromSeconds(1),
        });

        await simulator.PushDispatchAsync("C2C_MESSAGE_CREATE", new JObject { ["id"] = "ROBOT1.0_retry" });
        await Eventually.UntilAsync(() => simulator.Webhook.Counters.Retries == 1, "the first failure schedules a retry");
        Assert.That(recorder.Dispatches, Has.Count.EqualTo(1), "the retry waits for the clock");

        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(() => simulator.Webhook.Counters.Retries == 2, "d:1 counts as a failure too");
        Assert.That(recorder.Dispatches, Has.Count.EqualTo(2));

        clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.UntilAsync(() => simulator.Webhook.Counters.Delivered == 1, "the third attempt is acknowledged");

        Assert.That(recorder.Dispatches, Has.Count.EqualTo(3));
        Assert.That(recorder.Dispatches.Select(request => (string?)request.Json["id"]).Distinct().Count(), Is.EqualTo(1), "every attempt carries the same event id");
        Assert.That(simulator.Webhook.Counters.Attempts, Is.EqualTo(3));
        Assert.That(simulator.Webhook.Counters.GaveUp, Is.Zero);
    }

    [Test]
    public async Task A_delivery_is_dropped_after_the_last_retry_and_the_next_one_still_goes()
    {
        await using var recorder = await CallbackRecorder.StartAsync(Secret);
        recorder.AnswerNextDispatches((503, ""), (503, ""), (503, ""));
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions
        {
            ClientSecret = Secret,
            WebhookUrl = recorder.Url,
            WebhookRetries = 2,
            WebhookRetryDelay = TimeSpan.FromMilliseconds(5),
        });

        await simulator.PushDispatchAsync("C2C_MESSAGE_CREATE", new JObject { ["n"] = 1 });
        await simulator.PushDispatchAsync("C2C_MESSAGE_CREATE", new JObject { ["n"] = 2 });
        await Eventually.UntilAsync(() => simulator.Webhook.Backlog == 0, "both are done with");

        Assert.That(simulator.Webhook.Counters.GaveUp, Is.EqualTo(1));
        Assert.That(simulator.Webhook.Counters.Delivered, Is.EqualTo(1));
        Assert.That(simulator.Webhook.Counters.Attempts, Is.EqualTo(4));
        Assert.That(recorder.Dispatches.Select(request => (int?)request.Json["d"]!["n"]), Is.EqualTo(new int?[] { 1, 1, 1, 2 }));
    }

    [Test]
    public async Task An_endpoint_that_fails_the_validation_gets_no_dispatches()
    {
        await using var recorder = await CallbackRecorder.StartAsync("not-the-bot-secret");
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions
        {
            ClientSecret = Secret,
            WebhookUrl = recorder.Url,
            WebhookRetries = 1,
            WebhookRetryDelay = TimeSpan.FromMilliseconds(5),
        });

        var validation = await simulator.Webhook.SendValidationAsync();
        await simulator.PushDispatchAsync("C2C_MESSAGE_CREATE", new JObject { ["n"] = 1 });
        await Eventually.UntilAsync(() => simulator.Webhook.Backlog == 0, "the dispatch is given up on");

        Assert.That(validation.Passed, Is.False);
        Assert.That(validation.Problem, Does.Contain("does not verify"));
        Assert.That(recorder.Dispatches, Is.Empty);
        Assert.That(simulator.Webhook.Counters.GaveUp, Is.EqualTo(1));
        Assert.That(simulator.Webhook.Counters.ValidationFailures, Is.EqualTo(3));
    }

    [Test]
    public async Task Without_a_webhook_url_dispatches_go_to_the_gateway_and_fake_requests_are_refused()
    {
        await using var simulator = await QQSimulator.StartAsync();

        var envelope = await simulator.PushDispatchAsync("C2C_MESSAGE_CREATE", new JObject { ["n"] = 1 });

        Assert.That(envelope.ContainsKey("s"), Is.True, "a gateway envelope");
        Assert.That(simulator.Webhook.Backlog, Is.Zero);
        Assert.ThrowsAsync<InvalidOperationException>(() => simulator.Webhook.SendUnsignedAsync("C2C_MESSAGE_CREATE", new JObject()));
    }

    [Test]
    public async Task The_control_api_switches_to_webhook_mode_and_sends_fakes()
    {
        await using var recorder = await CallbackRecorder.StartAsync(Secret);
        await using var simulator = await QQSimulator.StartAsync(new QQSimulatorOptions { ClientSecret = Secret });
        using var http = new HttpClient { BaseAddress = new Uri(simulator.ApiBase) };

        using var setUrl = await http.PostAsync($"/_sim/webhook/url?url={Uri.EscapeDataString(recorder.Url.ToString())}", null);
        var validate = JObject.Parse(await (await http.PostAsync("/_sim/webhook/validate", null)).Content.ReadAsStringAsync());
        var dispatch = await http.PostAsync("/_sim/dispatch", Json("""{"t":"C2C_MESSAGE_CREATE","d":{"n":1},"id":"C2C_MESSAGE_CREATE:ctl"}"""));
        await Eventually.UntilAsync(() => simulator.Webhook.Counters.Delivered == 1, "the dispatch is delivered by webhook");
        var stale = JObject.Parse(await (await http.PostAsync("/_sim/webhook/stale?age_seconds=600", Json("""{"t":"C2C_MESSAGE_CREATE","d":{}}"""))).Content.ReadAsStringAsync());
        var replay = JObject.Parse(await (await http.PostAsync("/_sim/webhook/replay?id=C2C_MESSAGE_CREATE:ctl", null)).Content.ReadAsStringAsync());
        using var unknownReplay = await http.PostAsync("/_sim/webhook/replay?id=nope", null);
        var counters = JObject.Parse(await http.GetStringAsync("/_sim/webhook/counters"));
        using var backToGateway = await http.PostAsync("/_sim/webhook/url", null);

        Assert.That((int)setUrl.StatusCode, Is.EqualTo(204));
        Assert.That((bool?)validate["passed"], Is.True, validate.ToString());
        Assert.That((int)dispatch.StatusCode, Is.EqualTo(200));
        Assert.That((int?)stale["status"], Is.EqualTo(200), "the recorder takes anything; the answer is passed through");
        Assert.That((int?)replay["status"], Is.EqualTo(200));
        Assert.That((int)unknownReplay.StatusCode, Is.EqualTo(404));
        Assert.That((int?)counters["delivered"], Is.EqualTo(1));
        Assert.That((int)backToGateway.StatusCode, Is.EqualTo(204));
        Assert.That(simulator.Webhook.Url, Is.Null);

        var staleRequest = recorder.Dispatches.Single(request => request.Json["id"]?.ToString() != "C2C_MESSAGE_CREATE:ctl");
        var delivered = recorder.Dispatches.Where(request => (string?)request.Json["id"] == "C2C_MESSAGE_CREATE:ctl").ToList();
        Assert.That(long.Parse(staleRequest.Header("X-Signature-Timestamp")!, CultureInfo.InvariantCulture),
            Is.LessThanOrEqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 600));
        Assert.That(delivered, Has.Count.EqualTo(2), "delivered, then replayed");
        Assert.That(delivered[1].Body, Is.EqualTo(delivered[0].Body));
        Assert.That(delivered[1].Header("X-Signature-Ed25519"), Is.EqualTo(delivered[0].Header("X-Signature-Ed25519")));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
