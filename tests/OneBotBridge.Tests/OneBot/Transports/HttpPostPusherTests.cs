using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Configuration;
using OneBotBridge.OneBot.Transports.HttpPost;

namespace OneBotBridge.Tests.OneBot.Transports;

[TestFixture]
[CancelAfter(30_000)]
public sealed class HttpPostPusherTests
{
    private FakeDispatcher _dispatcher = null!;
    private TestEventSource _events = null!;
    private FakeEventReceiver _receiver = null!;
    private HttpPostPusher? _pusher;

    [SetUp]
    public async Task SetUp()
    {
        _dispatcher = new FakeDispatcher();
        _events = new TestEventSource();
        _receiver = await FakeEventReceiver.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        if (_pusher is not null)
        {
            await _pusher.DisposeAsync();
        }

        await _receiver.DisposeAsync();
    }

    [Test]
    public async Task EachEventIsSignedOverTheExactBytesSent()
    {
        await StartAsync(new HttpPostOptions { Secret = "s3cret" });
        var enable = await _receiver.NextAsync();
        _events.PublishMessage(1, "你好 😀 & [x]");

        var message = await _receiver.NextAsync();

        foreach (var post in new[] { enable, message })
        {
            var expected = "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes("s3cret"), post.Body));
            Assert.That(post.Headers["X-Signature"], Is.EqualTo(expected));
            Assert.That(post.Headers["Content-Type"], Is.EqualTo("application/json"));
            Assert.That(post.Headers["X-Self-ID"], Is.EqualTo(FakeDispatcher.SelfId.ToString()));
        }

        Assert.That(Encoding.UTF8.GetString(message.Body), Does.Contain("你好 😀 & [x]"), "non-ASCII is written unescaped, as JSON.stringify does");
    }

    [Test]
    public async Task EnableComesFirstAndDisableLast()
    {
        await StartAsync(new HttpPostOptions());
        var enablePost = await _receiver.NextAsync();
        _events.PublishMessage(9);
        var message = Json(await _receiver.NextAsync());

        await _pusher!.StopAsync(CancellationToken.None);
        var disable = Json(await _receiver.NextAsync());
        var enable = Json(enablePost);

        Assert.That((string?)enable["meta_event_type"], Is.EqualTo("lifecycle"));
        Assert.That((string?)enable["sub_type"], Is.EqualTo("enable"));
        Assert.That((int?)message["message_id"], Is.EqualTo(9));
        Assert.That((string?)disable["sub_type"], Is.EqualTo("disable"));
        Assert.That(enablePost.Headers.ContainsKey("X-Signature"), Is.False, "no secret, no signature");
    }

    [Test]
    public async Task A5xxIsRetriedUntilItIsAccepted()
    {
        _receiver.Reply(204); // enable
        _receiver.Reply(500);
        _receiver.Reply(503);
        await StartAsync(new HttpPostOptions());
        await _receiver.NextAsync();

        _events.PublishMessage(4);
        var attempts = new[] { await _receiver.NextAsync(), await _receiver.NextAsync(), await _receiver.NextAsync() };

        Assert.That(attempts.Select(post => (int?)Json(post)["message_id"]), Is.All.EqualTo(4));
        Assert.That(attempts.Select(post => post.Body), Is.All.EqualTo(attempts[0].Body));
    }

    [Test]
    public async Task AJsonAnswerIsAQuickOperation()
    {
        _receiver.Reply(204); // enable
        _receiver.Reply(200, """{"reply":"pong","at_sender":false}""");
        await StartAsync(new HttpPostOptions());
        await _receiver.NextAsync();

        _events.PublishMessage(5, "ping");
        var sent = Json(await _receiver.NextAsync());

        Assert.That(await TransportTestKit.EventuallyAsync(() => _dispatcher.Calls.Any(call => call.Action == ".handle_quick_operation")), Is.True);
        var call = _dispatcher.Calls.Single(call => call.Action == ".handle_quick_operation");
        Assert.That(call.Params["context"], Is.EqualTo(sent).Using<JToken>(JToken.DeepEquals));
        Assert.That(call.Params["operation"], Is.EqualTo(new JObject { ["reply"] = "pong", ["at_sender"] = false }).Using<JToken>(JToken.DeepEquals));
    }

    [Test]
    public async Task NoContentMeansNothingToDo()
    {
        await StartAsync(new HttpPostOptions());
        await _receiver.NextAsync();
        _events.PublishMessage(6);
        await _receiver.NextAsync();
        _events.PublishMessage(7);
        await _receiver.NextAsync();

        Assert.That(_dispatcher.Calls, Is.Empty);
    }

    private async Task StartAsync(HttpPostOptions entry)
    {
        entry.Url = _receiver.Url;
        var options = new OneBotOptions { HttpPost = [entry] };
        _pusher = new HttpPostPusher(
            entry, options, _dispatcher, _events, TransportTestKit.Bot(), TimeProvider.System, TransportTestKit.Logging, TransportTestKit.Retry);
        await _pusher.StartAsync(CancellationToken.None);
    }

    private static JObject Json(ReceivedPost post) => (JObject)OneBotJson.Parse(post.Body);
}
