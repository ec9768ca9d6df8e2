using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Transports;

namespace OneBotBridge.Tests.OneBot.Transports;

/// <summary>
/// A real Koishi 4.18 with koishi-plugin-adapter-onebot 6.x, from npm, against the bridge's OneBot
/// transports over loopback: it connects, comes online (get_login_info answered), receives a
/// message event and has its reply accepted. Needs node and npm; installs the packages on first run.
/// </summary>
[TestFixture]
[Category("Koishi")]
[NonParallelizable]
[CancelAfter(60_000)]
public sealed class KoishiEndToEndTests
{
    private const string SelfId = "10001";

    private RealProtocol _protocol = null!;
    private OneBotTransports? _transports;
    private KoishiProcess? _koishi;

    [OneTimeSetUp]
    public void InstallKoishi() => KoishiProcess.EnsureInstalled();

    [SetUp]
    public void SetUp()
    {
        _protocol = new RealProtocol(TransportTestKit.Bot());
    }

    [TearDown]
    public async Task TearDown()
    {
        _koishi?.Dispose();
        if (_transports is not null)
        {
            await _transports.StopAsync(CancellationToken.None);
            await _transports.DisposeAsync();
        }

        _protocol.Dispose();
    }

    [Test]
    public async Task KoishiOverForwardWebSocket()
    {
        var transports = await StartTransportsAsync(new OneBotOptions
        {
            AccessToken = "s3cret",
            ForwardWs = [new ForwardWsOptions { Listen = "127.0.0.1:0" }],
        });
        var endpoint = new UriBuilder(transports.ForwardWsAddresses[0]) { Scheme = "ws" }.Uri;

        _koishi = KoishiProcess.Start("ws", endpoint.ToString(), SelfId, "s3cret");

        await AssertKoishiRoundTripAsync();
    }

    [Test]
    public async Task KoishiOverReverseWebSocket()
    {
        _koishi = KoishiProcess.Start("ws-reverse", TransportTestKit.FreePort().ToString(), SelfId);
        var port = await _koishi.WaitForAsync("LISTENING");

        await StartTransportsAsync(new OneBotOptions
        {
            ReverseWs = [new ReverseWsOptions { Url = $"ws://127.0.0.1:{port}/onebot", ReconnectInterval = TimeSpan.FromMilliseconds(200) }],
        });

        await AssertKoishiRoundTripAsync();
    }

    private async Task AssertKoishiRoundTripAsync()
    {
        Assert.That(await _koishi!.WaitForAsync("ONLINE"), Is.EqualTo(SelfId), "Koishi came online: get_login_info was answered");

        _protocol.PublishPrivateMessage(1, 12345678, "hello koishi");

        Assert.That(await _koishi.WaitForAsync("MESSAGE"), Is.EqualTo("hello koishi"));
        Assert.That(await _koishi.WaitForAsync("SENT"), Is.EqualTo("1001"), "Koishi got the message_id back");
        var send = _protocol.Sends.Calls.Single();
        Assert.That(send.Action, Is.EqualTo("send_private_msg"));
        Assert.That(send.Params.GetInt64("user_id"), Is.EqualTo(12345678));
        Assert.That(send.Params.GetToken("message")?.ToString(Newtonsoft.Json.Formatting.None), Does.Contain("echo: hello koishi"));
    }

    private async Task<OneBotTransports> StartTransportsAsync(OneBotOptions options)
    {
        options.HeartbeatInterval = TimeSpan.FromSeconds(1);
        _transports = new OneBotTransports(
            options, _protocol.Dispatcher, _protocol.Events, _protocol.Bot, TimeProvider.System, TransportTestKit.Logging);
        await _transports.StartAsync(CancellationToken.None);
        return _transports;
    }
}
