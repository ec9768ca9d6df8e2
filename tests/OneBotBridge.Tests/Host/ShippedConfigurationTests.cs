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

    [Test]
    public void The_shipped_bridge_yaml_states_the_defaults_of_the_bridge_state()
    {
        var configuration = new BridgeConfigurationLoader(ConfigFiles.NoEnvironment).LoadFile(ConfigFiles.ShippedPath()).Configuration;
        var storage = new global::OneBotBridge.Core.Storage.StorageOptions();
        var replies = new global::OneBotBridge.Core.Replies.ReplyOptions();
        var hold = new global::OneBotBridge.Core.Replies.HoldUnreplyableOptions();

        Assert.Multiple(() =>
        {
            Assert.That(configuration.Storage.Path, Is.EqualTo(storage.Path));
            Assert.That(configuration.Storage.BatchSize, Is.EqualTo(storage.BatchSize));
            Assert.That(configuration.Storage.QueueCapacity, Is.EqualTo(storage.QueueCapacity));
            Assert.That(configuration.Storage.MessageRetention, Is.EqualTo(storage.MessageRetention));
            Assert.That(configuration.Storage.MessageCacheSize, Is.EqualTo(storage.MessageCacheSize));
            Assert.That(configuration.Ids.Range, Is.EqualTo(global::OneBotBridge.Core.Ids.IdOptions.DefaultRange));
            Assert.That(
                (configuration.Replies.GroupWindow, configuration.Replies.C2CWindow, configuration.Replies.GuildWindow,
                 configuration.Replies.DirectWindow, configuration.Replies.EventWindow, configuration.Replies.MaxPerMsgId, configuration.Replies.Margin),
                Is.EqualTo((replies.GroupWindow, replies.C2CWindow, replies.GuildWindow, replies.DirectWindow, replies.EventWindow, replies.MaxPerMsgId, replies.Margin)));
            Assert.That((configuration.HoldUnreplyable.Enabled, configuration.HoldUnreplyable.MaxAge, configuration.HoldUnreplyable.MaxCount),
                Is.EqualTo((hold.Enabled, hold.MaxAge, hold.MaxCount)));
            Assert.That(configuration.Inbound.AcknowledgeInteractions, Is.True);
        });
    }
}
