using OneBotBridge.Configuration;
using OneBotBridge.Core.Ids;
using OneBotBridge.OneBot.Configuration;

namespace OneBotBridge.Tests.Host;

/// <summary>The keys of the bridge's own state and behaviour: storage, ids, replies, qq.hold_unreplyable, qq.acknowledge_interactions, outbox_overflow.</summary>
public sealed class StateConfigurationTests
{
    [Test]
    public void Absent_sections_keep_the_documented_defaults()
    {
        var configuration = ConfigFiles.Load("qq: {}\n").Configuration;

        Assert.Multiple(() =>
        {
            Assert.That(configuration.Storage.Path, Is.EqualTo("data/bridge.db"));
            Assert.That(configuration.Storage.MessageRetention, Is.EqualTo(TimeSpan.FromDays(7)));
            Assert.That(configuration.Ids.Range, Is.EqualTo(new NumberRange(10_000, int.MaxValue)));
            Assert.That(configuration.Replies.GroupWindow, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(configuration.Replies.C2CWindow, Is.EqualTo(TimeSpan.FromMinutes(60)));
            Assert.That(configuration.Replies.MaxPerMsgId, Is.EqualTo(5));
            Assert.That(configuration.HoldUnreplyable.Enabled, Is.False);
            Assert.That(configuration.Inbound.AcknowledgeInteractions, Is.True);
        });
    }

    [Test]
    public void Valid_values_bind_to_the_core_options()
    {
        const string yaml = """
            qq:
              acknowledge_interactions: false
              hold_unreplyable: { enabled: true, max_age: 2m, max_count: 3 }
            storage:
              path: /var/lib/onebot-bridge/bridge.db
              batch_size: 64
              queue_capacity: 512
              message_retention: 48h
              message_cache: 100
            ids:
              range: [100000, 99999999]
            replies:
              group_window: 4m
              c2c_window: 30m
              guild_window: 3m
              direct_window: 2m
              event_window: 1m
              max_per_msg_id: 4
              margin: 0
            """;

        var result = ConfigFiles.Load(yaml);
        var configuration = result.Configuration;

        Assert.That(result.Problems, Is.Empty, () => string.Join("\n", result.Problems.Select(p => p.Format("test.yaml"))));
        Assert.Multiple(() =>
        {
            Assert.That(configuration.Inbound.AcknowledgeInteractions, Is.False);
            Assert.That(configuration.HoldUnreplyable.Enabled, Is.True);
            Assert.That(configuration.HoldUnreplyable.MaxAge, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(configuration.HoldUnreplyable.MaxCount, Is.EqualTo(3));
            Assert.That(configuration.Storage.Path, Is.EqualTo("/var/lib/onebot-bridge/bridge.db"));
            Assert.That(configuration.Storage.BatchSize, Is.EqualTo(64));
            Assert.That(configuration.Storage.QueueCapacity, Is.EqualTo(512));
            Assert.That(configuration.Storage.MessageRetention, Is.EqualTo(TimeSpan.FromHours(48)));
            Assert.That(configuration.Storage.MessageCacheSize, Is.EqualTo(100));
            Assert.That(configuration.Ids.Range, Is.EqualTo(new NumberRange(100_000, 99_999_999)));
            Assert.That(configuration.Replies.GroupWindow, Is.EqualTo(TimeSpan.FromMinutes(4)));
            Assert.That(configuration.Replies.C2CWindow, Is.EqualTo(TimeSpan.FromMinutes(30)));
            Assert.That(configuration.Replies.GuildWindow, Is.EqualTo(TimeSpan.FromMinutes(3)));
            Assert.That(configuration.Replies.DirectWindow, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(configuration.Replies.EventWindow, Is.EqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(configuration.Replies.MaxPerMsgId, Is.EqualTo(4));
            Assert.That(configuration.Replies.Margin, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [TestCase("storage:\n  batch_size: 0\n", "storage.batch_size", 2, "from 1")]
    [TestCase("storage:\n  queue_capacity: many\n", "storage.queue_capacity", 2, "expected a whole number")]
    [TestCase("storage:\n  message_retention: 7\n", "storage.message_retention", 2, "no unit")]
    [TestCase("storage:\n  message_retention: 0\n", "storage.message_retention", 2, "longer than 0")]
    [TestCase("storage:\n  message_cache: -1\n", "storage.message_cache", 2, "from 1")]
    [TestCase("storage:\n  path: \"  \"\n", "storage.path", 2, "must name a file")]
    [TestCase("storage:\n  path: [a, b]\n", "storage.path", 2, "expected a text value")]
    [TestCase("storage:\n  retention: 1d\n", "storage.retention", 2, "unknown key")]
    public void Bad_storage_values_are_reported(string yaml, string key, int line, string messagePart) =>
        ConfigFiles.AssertSingleProblem(yaml, key, line, messagePart);

    [TestCase("ids:\n  range: 5\n", "ids.range", 2, "expected [min, max]")]
    [TestCase("ids:\n  range: [1]\n", "ids.range", 2, "two numbers, got 1")]
    [TestCase("ids:\n  range: [0, 100000]\n", "ids.range[0]", 2, "from 1")]
    [TestCase("ids:\n  range: [1, 999]\n", "ids.range", 2, "use at least 1000 numbers")]
    [TestCase("ids:\n  range: [1, 9007199254740992]\n", "ids.range[1]", 2, "to 9007199254740991")]
    [TestCase("ids:\n  range:\n    - 500\n    - 100\n", "ids.range", 3, "max 100 is below min 500")]
    public void A_bad_id_range_is_reported(string yaml, string key, int line, string messagePart) =>
        ConfigFiles.AssertSingleProblem(yaml, key, line, messagePart);

    [TestCase("replies:\n  group_window: 0\n", "replies.group_window", 2, "longer than 0")]
    [TestCase("replies:\n  c2c_window: an hour\n", "replies.c2c_window", 2, "not a duration")]
    [TestCase("replies:\n  max_per_msg_id: 0\n", "replies.max_per_msg_id", 2, "from 1 to 100")]
    [TestCase("replies:\n  margin: -1s\n", "replies.margin", 2, "negative")]
    [TestCase("replies:\n  event_windw: 5m\n", "replies.event_windw", 2, "did you mean 'event_window'?")]
    public void Bad_reply_values_are_reported(string yaml, string key, int line, string messagePart) =>
        ConfigFiles.AssertSingleProblem(yaml, key, line, messagePart);

    [Test]
    public void A_window_no_longer_than_the_margin_is_reported_at_the_window() =>
        ConfigFiles.AssertSingleProblem("replies:\n  margin: 30s\n  guild_window: 20s\n", "replies.guild_window", 3, "longer than replies.margin");

    [Test]
    public void A_margin_longer_than_a_default_window_is_reported_at_that_window_key_in_the_section()
    {
        var problems = ConfigFiles.Load("qq: {}\nreplies:\n  margin: 10m\n").Problems;

        // Every window but c2c (60m) is 5m by default; unset keys are placed at the section.
        Assert.That(problems.Select(problem => (problem.Key, problem.Line)), Is.EqualTo(new (string, int?)[]
        {
            ("replies.group_window", 3),
            ("replies.guild_window", 3),
            ("replies.direct_window", 3),
            ("replies.event_window", 3),
        }));
    }

    [TestCase("qq:\n  hold_unreplyable: { enabled: sure }\n", "qq.hold_unreplyable.enabled", 2, "expected true or false")]
    [TestCase("qq:\n  hold_unreplyable:\n    max_age: 0\n", "qq.hold_unreplyable.max_age", 3, "longer than 0")]
    [TestCase("qq:\n  hold_unreplyable:\n    max_count: 0\n", "qq.hold_unreplyable.max_count", 3, "from 1 to 10000")]
    [TestCase("qq:\n  hold_unreplyable: true\n", "qq.hold_unreplyable", 2, "expected a mapping")]
    [TestCase("qq:\n  acknowledge_interactions: 1\n", "qq.acknowledge_interactions", 2, "expected true or false")]
    public void Bad_upstream_behaviour_values_are_reported(string yaml, string key, int line, string messagePart) =>
        ConfigFiles.AssertSingleProblem(yaml, key, line, messagePart);

    [Test]
    public void Outbox_overflow_binds_on_both_websocket_kinds()
    {
        var result = ConfigFiles.Load(
            "onebot:\n  forward_ws: [ { listen: \"127.0.0.1:0\", outbox_overflow: drop_newest } ]\n" +
            "  reverse_ws: [ { url: \"ws://127.0.0.1:1/\", outbox_overflow: DROP_NEWEST } ]\n");

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Configuration.OneBot.ForwardWs[0].OutboxOverflow, Is.EqualTo(OutboxOverflowPolicy.DropNewest));
        Assert.That(result.Configuration.OneBot.ReverseWs[0].OutboxOverflow, Is.EqualTo(OutboxOverflowPolicy.DropNewest));
    }

    [Test]
    public void A_bad_outbox_overflow_on_a_forward_websocket_lists_the_choices() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  forward_ws:\n    - listen: \"127.0.0.1:0\"\n      outbox_overflow: block\n",
            "onebot.forward_ws[0].outbox_overflow", 4, "'block' is not one of: close, drop_newest");
}
