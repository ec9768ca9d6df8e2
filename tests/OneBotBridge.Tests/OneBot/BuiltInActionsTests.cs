using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot;
using OneBotBridge.OneBot.Abstractions;

namespace OneBotBridge.Tests.OneBot;

public sealed class BuiltInActionsTests
{
    private ServiceProvider _provider = null!;
    private BotState _state = null!;
    private IActionDispatcher _dispatcher = null!;

    [SetUp]
    public void SetUp()
    {
        _provider = new ServiceCollection().AddLogging().AddOneBotProtocol().BuildServiceProvider();
        _state = _provider.GetRequiredService<BotState>();
        _dispatcher = _provider.GetRequiredService<IActionDispatcher>();
    }

    [TearDown]
    public void TearDown() => _provider.Dispose();

    [Test]
    public async Task Get_login_info_reads_the_bot_state()
    {
        _state.SelfId = 10001000;
        _state.Nickname = "测试机器人";

        var data = await Call("get_login_info");

        Assert.That(data.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"user_id":10001000,"nickname":"测试机器人"}"""));
    }

    [TestCase(true, true)]
    [TestCase(true, false)]
    [TestCase(false, false)]
    public async Task Get_status_reads_the_bot_state(bool online, bool good)
    {
        _state.Online = online;
        _state.Good = good;

        var data = await Call("get_status");

        Assert.That((bool)data["online"]!, Is.EqualTo(online));
        Assert.That((bool)data["good"]!, Is.EqualTo(good));
        Assert.That(data["stat"], Is.TypeOf<JObject>());
    }

    [Test]
    public async Task Get_version_info_names_the_bridge_and_protocol_v11()
    {
        var data = await Call("get_version_info");

        Assert.That((string?)data["app_name"], Is.EqualTo("OneBotBridge"));
        Assert.That((string?)data["protocol_version"], Is.EqualTo("v11"));
        Assert.That((string?)data["app_version"], Is.Not.Empty.And.Not.Contains("+"));
    }

    [TestCase("can_send_image")]
    [TestCase("can_send_record")]
    [TestCase("can_send_image_async")]
    public async Task Can_send_media_says_yes(string action)
    {
        var data = await Call(action);

        Assert.That(data.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"yes":true}"""));
    }

    private async Task<JToken> Call(string action)
    {
        var response = await _dispatcher.DispatchAsync(new ActionRequest(action, []), CancellationToken.None);
        Assert.That(response.Retcode, Is.EqualTo(Retcode.Ok), response.Message);
        return response.Data!;
    }
}
