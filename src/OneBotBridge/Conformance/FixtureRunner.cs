using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OneBotBridge.Configuration;
using OneBotBridge.Core.Ids;
using OneBotBridge.Core.Inbound;
using OneBotBridge.Core.Messages;
using OneBotBridge.Hosting;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;
using OneBotBridge.OneBot.Transports;
using OneBotBridge.QQ.Configuration;
using OneBotBridge.QQ.Webhook;
using OneBotBridge.Simulator;

namespace OneBotBridge.Conformance;

/// <summary>
/// Plays one fixture against a fresh simulator and a fresh bridge host that share a manual clock
/// (starting at <see cref="ClockStart"/>), with a forward-WS client as the framework. The simulator delivers the
/// fixture's dispatches by the chosen <see cref="QQTransport"/>: the gateway, or signed webhook callbacks.
/// </summary>
public static class FixtureRunner
{
    /// <summary>2025-03-13T23:30:00+08:00: fixtures' message timestamps are near it, so reply windows are open.</summary>
    public static readonly DateTimeOffset ClockStart = new(2025, 3, 13, 15, 30, 0, TimeSpan.Zero);

    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan QuietWindow = TimeSpan.FromMilliseconds(300);

    private static readonly string[] UninterestingPaths = ["/app/getAppAccessToken", "/gateway", "/gateway/bot", "/users/@me", "/websocket"];

    public static async Task<FixtureResult> RunAsync(Fixture fixture, QQTransport transport, CancellationToken cancellationToken)
    {
        var clock = new ManualClock(ClockStart);
        var storage = Directory.CreateTempSubdirectory("onebot-bridge-conformance-");
        var requests = Channel.CreateBounded<RecordedRequest>(1000);
        try
        {
            await using var simulator = await QQSimulator.StartAsync(
                new QQSimulatorOptions { TimeProvider = clock, HeartbeatInterval = TimeSpan.FromHours(1) }, cancellationToken);
            simulator.RequestRecorded += request =>
            {
                if (!UninterestingPaths.Contains(request.Path, StringComparer.OrdinalIgnoreCase))
                {
                    requests.Writer.TryWrite(request);
                }
            };

            using var host = BuildHost(fixture, transport, simulator, clock, Path.Combine(storage.FullName, "bridge.db"));
            await host.PrepareAsync(cancellationToken);
            await host.StartAsync(cancellationToken);
            try
            {
                if (transport == QQTransport.Webhook)
                {
                    simulator.Webhook.Url = await host.Services.GetRequiredService<QQWebhookReceiver>().Listening.WaitAsync(WaitLimit, cancellationToken);
                }

                await using var client = new OneBotTestClient();
                var address = host.Services.GetRequiredService<OneBotTransports>().ForwardWsAddresses[0];
                await client.ConnectAsync(new Uri($"ws://{address.Authority}/"), cancellationToken);
                await UntilReadyAsync(host.Services.GetRequiredService<BotState>(), clock, cancellationToken);

                var play = new Conversation(fixture, simulator, host.Services, clock, client, requests.Reader);
                var mismatch = await play.RunAsync(cancellationToken);
                return mismatch is null
                    ? new FixtureResult(fixture, FixtureOutcome.Passed)
                    : new FixtureResult(fixture, FixtureOutcome.Failed, mismatch);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new FixtureResult(fixture, FixtureOutcome.Failed, $"the run broke: {exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            try
            {
                storage.Delete(recursive: true);
            }
            catch (IOException)
            {
                // SQLite may hold the file a moment longer; the temp directory is cleaned by the OS.
            }
        }
    }


    private static IHost BuildHost(Fixture fixture, QQTransport transport, QQSimulator simulator, ManualClock clock, string databasePath)
    {
        var config = JObject.FromObject(new
        {
            qq = new
            {
                app_id = simulator.Options.AppId,
                client_secret = simulator.Options.ClientSecret,
                api_base = simulator.ApiBase,
                token_url = simulator.TokenUrl,
                reconnect = new { initial_delay = "10ms", max_delay = "100ms" },
                transport = transport == QQTransport.Webhook ? "webhook" : "websocket",
                webhook = new { listen = "127.0.0.1:0" },
            },
            onebot = new { heartbeat_interval = "0", forward_ws = new[] { new { listen = "127.0.0.1:0" } } },
            storage = new { path = databasePath },
        });
        config.Merge(fixture.Config, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace });

        // JSON is YAML: the merged document goes through the same loader and validation as bridge.yaml.
        var loaded = new BridgeConfigurationLoader(_ => null).Load(config.ToString(Formatting.None));
        if (loaded.Problems.Count > 0)
        {
            throw new FixtureFormatException($"{fixture.File}: config: {string.Join("; ", loaded.Problems.Select(p => $"{p.Key}: {p.Message}"))}");
        }

        var builder = BridgeHostBuilder.Create(loaded.Configuration);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddBridgeRuntime();
        return builder.Build();
    }

    /// <summary>
    /// Waits for the upstream session. A first connect attempt that failed waits for its reconnect delay
    /// on the manual clock, so after a while the clock is nudged past the (10–100 ms) backoff.
    /// </summary>
    private static async Task UntilReadyAsync(BotState bot, ManualClock clock, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        while (!bot.Good)
        {
            var waited = DateTime.UtcNow - started;
            if (waited > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("the bridge did not connect to the simulated platform in time");
            }

            if (waited > TimeSpan.FromSeconds(1))
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>One fixture's steps against its running world.</summary>
    private sealed class Conversation(
        Fixture fixture, QQSimulator simulator, IServiceProvider services, ManualClock clock, OneBotTestClient client, ChannelReader<RecordedRequest> requests)
    {
        private readonly FixturePlaceholders _placeholders = new(services.GetRequiredService<IdMap>(), services.GetRequiredService<MessageStore>());
        private readonly InboundCounters _inbound = services.GetRequiredService<InboundCounters>();
        private readonly WebhookCounters? _webhook = services.GetRequiredService<QQOptions>().Transport == QQTransport.Webhook
            ? services.GetRequiredService<QQWebhookReceiver>().Counters
            : null;
        private long _dispatched;

        public async Task<string?> RunAsync(CancellationToken cancellationToken)
        {
            RegisterResponds(0);
            for (var index = 0; index < fixture.Steps.Count; index++)
            {
                var step = fixture.Steps[index];
                if (step.IsTrigger)
                {
                    RegisterResponds(index + 1);
                }

                try
                {
                    await PlayAsync(step, cancellationToken);
                }
                catch (FixtureMismatchException mismatch)
                {
                    return $"{step.Label}: {mismatch.Message}";
                }
            }

            return null;
        }

        /// <summary>Canned answers of the expectations up to the next trigger, so they are in place before it fires.</summary>
        private void RegisterResponds(int from)
        {
            for (var index = from; index < fixture.Steps.Count && !fixture.Steps[index].IsTrigger; index++)
            {
                if (fixture.Steps[index] is { Respond: { } respond } step)
                {
                    var body = respond["body"] switch
                    {
                        null => "",
                        JValue { Type: JTokenType.String } text => (string)text!,
                        var json => json.ToString(Formatting.None),
                    };
                    simulator.RespondNext((string)step.Value["method"]!, (string)step.Value["path"]!, (int)respond["status"]!, body);
                }
            }
        }

        private async Task PlayAsync(FixtureStep step, CancellationToken cancellationToken)
        {
            switch (step.Kind)
            {
                case FixtureStep.QQDispatch:
                    _dispatched++;
                    await simulator.PushDispatchAsync((string)step.Value["t"]!, step.Value["d"]!, (string?)step.Value["id"], cancellationToken: cancellationToken);
                    break;
                case FixtureStep.Action:
                    await client.SendAsync(await _placeholders.ResolveAsync(step.Value, cancellationToken), cancellationToken);
                    break;
                case FixtureStep.AdvanceTime:
                    clock.Advance(step.Duration);
                    break;
                case FixtureStep.ExpectEvent:
                    await ExpectAsync(client.Events, "event", step.Value, cancellationToken);
                    break;
                case FixtureStep.ExpectResponse:
                    await ExpectAsync(client.Responses, "response", step.Value, cancellationToken);
                    break;
                case FixtureStep.ExpectQQRequest:
                    var request = await NextAsync(requests, "QQ request", cancellationToken);
                    await MatchAsync(step.Value, Describe(request), cancellationToken);
                    break;
                case FixtureStep.ExpectNoEvent:
                    await QuietAsync(client.Events, "event", cancellationToken);
                    break;
                case FixtureStep.ExpectNoQQRequest:
                    await QuietAsync(requests, "QQ request", cancellationToken, Describe);
                    break;
            }
        }

        private async Task ExpectAsync(ChannelReader<JObject> reader, string what, JToken expected, CancellationToken cancellationToken) =>
            await MatchAsync(expected, await NextAsync(reader, what, cancellationToken), cancellationToken);

        private async Task MatchAsync(JToken expected, JToken actual, CancellationToken cancellationToken)
        {
            var ids = await _placeholders.AssignedAsync(expected, cancellationToken);
            if (JsonMatcher.FirstMismatch(expected, actual, ids) is { } mismatch)
            {
                throw new FixtureMismatchException(mismatch);
            }
        }

        private static async Task<T> NextAsync<T>(ChannelReader<T> reader, string what, CancellationToken cancellationToken)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(WaitLimit);
            try
            {
                return await reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new FixtureMismatchException($"expected a {what} got nothing within {WaitLimit.TotalSeconds:0} s");
            }
            catch (ChannelClosedException)
            {
                throw new FixtureMismatchException($"expected a {what} got a closed connection");
            }
        }

        private async Task QuietAsync<T>(ChannelReader<T> reader, string what, CancellationToken cancellationToken, Func<T, JToken>? describe = null)
        {
            // Every dispatch pushed so far has been through the event pump (or, by webhook, was a redelivery the
            // receiver skipped) before the quiet window starts.
            var deadline = DateTime.UtcNow + WaitLimit;
            while (Processed() < _dispatched && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10, cancellationToken);
            }

            await Task.Delay(QuietWindow, cancellationToken);
            if (reader.TryRead(out var unexpected))
            {
                var shown = describe is null ? unexpected as JToken : describe(unexpected);
                throw new FixtureMismatchException($"expected no {what} got {JsonMatcher.Show(shown)}");
            }
        }

        private long Processed() => _inbound.Published + _inbound.Duplicates + _inbound.Failed + (_webhook?.DuplicatesSkipped ?? 0);

        private static JObject Describe(RecordedRequest request)
        {
            JToken body;
            try
            {
                body = request.Body.Length == 0
                    ? JValue.CreateNull()
                    : JsonConvert.DeserializeObject<JToken>(request.Body, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;
            }
            catch (JsonException)
            {
                body = request.Body;
            }

            return new JObject { ["method"] = request.Method, ["path"] = request.Path, ["body"] = body, ["status"] = request.ResponseStatus };
        }
    }
}
