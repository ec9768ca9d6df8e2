using OneBotBridge.Configuration;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Tests.Host;

public sealed class ShippedConfigurationTests
{
    [Test]
    public void The_shipped_bridge_yaml_loads_without_problems()
    {
        var result = new BridgeConfigurationLoader(ConfigFiles.NoEnvironment).LoadFile(ConfigFiles.ShippedPath());

        Assert.That(result.Problems, Is.Empty, () => string.Join(Environment.NewLine, result.Problems.Select(p => p.Format("bridge.yaml"))));
    }

    [Test]
    public void The_shipped_bridge_yaml_serves_only_a_forward_websocket_on_loopback()
    {
        var configuration = new BridgeConfigurationLoader(ConfigFiles.NoEnvironment).LoadFile(ConfigFiles.ShippedPath()).Configuration;

        Assert.Multiple(() =>
        {
            Assert.That(configuration.OneBot.ForwardWs.Select(entry => entry.Listen), Is.EqualTo(new[] { "127.0.0.1:6700" }));
            Assert.That(configuration.OneBot.ReverseWs, Is.Empty);
            Assert.That(configuration.OneBot.HttpApi, Is.Empty);
            Assert.That(configuration.OneBot.HttpPost, Is.Empty);
            Assert.That(configuration.OneBot.HeartbeatInterval, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(configuration.OneBot.MessageFormat, Is.EqualTo(MessageFormat.Array));
        });
    }

    [Test]
    public void The_shipped_bridge_yaml_matches_the_documented_qq_defaults()
    {
        var qq = new BridgeConfigurationLoader(ConfigFiles.NoEnvironment).LoadFile(ConfigFiles.ShippedPath()).Configuration.Qq;

        Assert.Multiple(() =>
        {
            Assert.That(qq.AppId, Is.Empty);
            Assert.That(qq.ClientSecret, Is.Empty);
            Assert.That(qq.ApiBase, Is.EqualTo(QQOptions.DefaultApiBase));
            Assert.That(qq.TokenUrl, Is.EqualTo(QQOptions.DefaultTokenUrl));
            Assert.That(qq.Transport, Is.EqualTo(QQTransport.WebSocket));
            Assert.That(qq.Intents, Is.EqualTo(new QQOptions().Intents));
            Assert.That(qq.Shards, Is.Null);
            Assert.That(qq.Reconnect.InitialDelay, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(qq.Reconnect.MaxDelay, Is.EqualTo(TimeSpan.FromSeconds(60)));
        });
    }
}
