using Newtonsoft.Json.Linq;
using OneBotBridge.QQ.Webhook;
using OneBotBridge.Simulator;

namespace OneBotBridge.Tests.QQ.Webhook;

/// <summary>The simulator's webhook mode signing and POSTing to the bridge's receiver over loopback HTTP.</summary>
public sealed class WebhookEndToEndTests
{
    private const string Acknowledged = """{"op":12,"d":0}""";

    [Test]
    public async Task The_simulator_validates_the_receiver_callback()
    {
        await using var receiver = await ReceiverHarness.StartAsync();
        await using var simulator = await StartSimulatorAsync(receiver);

        var result = await simulator.Webhook.SendValidationAsync();

        Assert.That(result.Passed, Is.True, result.Problem);
        Assert.That(receiver.Counters.Validations, Is.EqualTo(1));
    }

    [Test]
    public async Task A_receiver_with_another_secret_fails_the_validation()
    {
        await using var receiver = await ReceiverHarness.StartAsync(secret: "another-bot-secret");
        await using var simulator = await StartSimulatorAsync(receiver);

        var result = await simulator.Webhook.SendValidationAsync();

        Assert.That(result.Passed, Is.False);
        Assert.That(result.Status, Is.EqualTo(200));
        Assert.That(result.Problem, Does.Contain("does not verify"));
    }

    [Test]
    public async Task Hundreds_of_dispatches_arrive_once_and_in_order()
    {
        const int count = 300;
        await using var receiver = await ReceiverHarness.StartAsync();
        await using var simulator = await StartSimulatorAsync(receiver);

        var envelopes = new List<JObject>();
        for (var n = 0; n < count; n++)
        {
            envelopes.Add(await PushAsync(simulator, n));
        }

        var received = new List<OneBotBridge.QQ.Gateway.GatewayDispatch>();
        for (var n = 0; n < count; n++)
        {
            received.Add(await receiver.NextAsync());
        }

        await Eventually.AssertAsync(() => simulator.Webhook.Backlog == 0, "the simulator to finish delivering");
        Assert.That(received.Select(dispatch => (int)dispatch.Data["n"]!), Is.EqualTo(Enumerable.Range(0, count)));
        Assert.That(received.Select(dispatch => dispatch.EventId), Is.EqualTo(envelopes.Select(envelope => (string?)envelope["id"])));
        Assert.That(received.Select(dispatch => dispatch.Seq), Is.All.Null);
        Assert.That(envelopes.Select(envelope => envelope["s"]), Is.All.Null, "webhook payloads carry no s");
        Assert.That(receiver.Drain(), Is.Empty);
        Assert.That(simulator.Webhook.Counters.Delivered, Is.EqualTo(count));
        Assert.That(simulator.Webhook.Counters.Retries, Is.Zero);
        Assert.That(simulator.Webhook.Counters.Validations, Is.EqualTo(1), "the URL is validated once, before the first dispatch");
        Assert.That(receiver.Counters.EventsAccepted, Is.EqualTo(count));
    }

    [Test]
    public async Task A_replayed_delivery_is_acknowledged_and_dispatched_once()
    {
        await using var receiver = await ReceiverHarness.StartAsync();
        await using var simulator = await StartSimulatorAsync(receiver);
        var envelope = await PushAsync(simulator, 1);
        var delivered = await receiver.NextAsync();

        var replay = await simulator.Webhook.ReplayAsync((string)envelope["id"]!);

        Assert.That(delivered.EventId, Is.EqualTo((string?)envelope["id"]));
        Assert.That((replay.Status, replay.Body), Is.EqualTo((200, Acknowledged)));
        Assert.That(receiver.Counters.DuplicatesSkipped, Is.EqualTo(1));
        Assert.That(receiver.Drain(), Is.Empty);
    }

    [Test]
    public async Task Forged_stale_and_unsigned_requests_are_refused_and_dispatch_nothing()
    {
        await using var receiver = await ReceiverHarness.StartAsync();
        await using var simulator = await StartSimulatorAsync(receiver);
        var data = new JObject { ["content"] = "not from the platform" };

        var forged = await simulator.Webhook.SendForgedAsync("C2C_MESSAGE_CREATE", data);
        var stale = await simulator.Webhook.SendStaleAsync("C2C_MESSAGE_CREATE", data, TimeSpan.FromMinutes(10));
        var unsigned = await simulator.Webhook.SendUnsignedAsync("C2C_MESSAGE_CREATE", data);

        Assert.That(new[] { forged.Status, stale.Status, unsigned.Status }, Is.All.EqualTo(401));
        Assert.That(receiver.Counters.Rejected(WebhookRejection.BadSignature), Is.EqualTo(1));
        Assert.That(receiver.Counters.Rejected(WebhookRejection.StaleTimestamp), Is.EqualTo(1));
        Assert.That(receiver.Counters.Rejected(WebhookRejection.MissingSignature), Is.EqualTo(1));
        Assert.That(receiver.Drain(), Is.Empty);
    }

    [Test]
    public async Task A_burst_while_the_consumer_is_slow_loses_nothing_because_the_platform_redelivers()
    {
        const int count = 60;
        await using var receiver = await ReceiverHarness.StartAsync(capacity: 2, configure: webhook => webhook.QueueWait = TimeSpan.FromMilliseconds(20));
        await using var simulator = await StartSimulatorAsync(receiver, options =>
        {
            options.WebhookRetries = 10;
            options.WebhookRetryDelay = TimeSpan.FromMilliseconds(5);
        });

        for (var n = 0; n < count; n++)
        {
            await PushAsync(simulator, n);
        }

        // The consumer stalls until the receiver had to turn a delivery away, then catches up.
        await Eventually.AssertAsync(() => receiver.Counters.Deferred > 0, "the receiver to ask for a redelivery");
        var received = new List<int>();
        for (var n = 0; n < count; n++)
        {
            received.Add((int)(await receiver.NextAsync()).Data["n"]!);
        }

        await Eventually.AssertAsync(() => simulator.Webhook.Backlog == 0, "the simulator to finish delivering");
        Assert.That(received, Is.EqualTo(Enumerable.Range(0, count)));
        Assert.That(receiver.Drain(), Is.Empty);
        Assert.That(simulator.Webhook.Counters.Retries, Is.GreaterThan(0));
        Assert.That(simulator.Webhook.Counters.GaveUp, Is.Zero);
        Assert.That(simulator.Webhook.Counters.Delivered, Is.EqualTo(count));
        Assert.That(receiver.Counters.EventsAccepted, Is.EqualTo(count));
    }

    private static Task<QQSimulator> StartSimulatorAsync(ReceiverHarness receiver, Action<QQSimulatorOptions>? configure = null)
    {
        var options = new QQSimulatorOptions
        {
            AppId = receiver.Options.AppId,
            ClientSecret = ReceiverHarness.DefaultSecret,
            WebhookUrl = receiver.Url,
            WebhookRetryDelay = TimeSpan.FromMilliseconds(10),
        };
        configure?.Invoke(options);
        return QQSimulator.StartAsync(options);
    }

    private static Task<JObject> PushAsync(QQSimulator simulator, int n) =>
        simulator.PushDispatchAsync("C2C_MESSAGE_CREATE", new JObject { ["id"] = $"ROBOT1.0_n{n}", ["content"] = $"message {n}", ["n"] = n });
}
