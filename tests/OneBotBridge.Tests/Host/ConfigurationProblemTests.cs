using OneBotBridge.Configuration;
using OneBotBridge.QQ.Configuration;

namespace OneBotBridge.Tests.Host;

public sealed class ConfigurationProblemTests
{
    [Test]
    public void An_empty_file_means_every_default()
    {
        var result = ConfigFiles.Load("# nothing here\n");

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Configuration.OneBot.HeartbeatInterval, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void An_unknown_key_close_to_a_known_one_gets_a_suggestion() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  self_id: 1\n  heartbeat_intervl: 5s\n", "onebot.heartbeat_intervl", 3, "did you mean 'heartbeat_interval'?");

    [Test]
    public void An_unknown_key_far_from_any_lists_the_allowed_keys() =>
        ConfigFiles.AssertSingleProblem("qq:\n  colour: blue\n", "qq.colour", 2, "allowed here: app_id, client_secret, sandbox, api_base");

    [Test]
    public void An_unknown_top_level_section_is_an_error() =>
        ConfigFiles.AssertSingleProblem("qq: {}\nstorag: {}\n", "storag", 2, "unknown key");

    [Test]
    public void An_unknown_key_inside_a_list_entry_names_the_index() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  reverse_ws:\n    - url: ws://127.0.0.1:1/\n      reconect_interval: 3s\n",
            "onebot.reverse_ws[0].reconect_interval", 4, "did you mean 'reconnect_interval'?");

    [Test]
    public void A_section_that_is_not_a_mapping_is_a_wrong_type() =>
        ConfigFiles.AssertSingleProblem("qq: [1, 2]\n", "qq", 1, "expected a mapping");

    [Test]
    public void A_list_where_a_value_belongs_is_a_wrong_type() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  access_token: [a, b]\n", "onebot.access_token", 2, "expected a text value, got a list");

    [Test]
    public void A_value_where_a_list_belongs_is_a_wrong_type() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  forward_ws: 127.0.0.1:6700\n", "onebot.forward_ws", 2, "expected a list");

    [Test]
    public void A_bad_boolean_is_reported() =>
        ConfigFiles.AssertSingleProblem("qq:\n  sandbox: yes please\n", "qq.sandbox", 2, "expected true or false, got 'yes please'");

    [Test]
    public void A_bad_integer_is_reported() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  self_id: -5\n", "onebot.self_id", 2, "expected a whole number from 0");

    [Test]
    public void A_bad_duration_is_reported_with_the_syntax() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  heartbeat_interval: 5x\n", "onebot.heartbeat_interval", 2, "'5x' is not a duration (use 500ms, 5s, 2m)");

    [Test]
    public void A_duration_without_a_unit_is_reported() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  reverse_ws:\n    - url: ws://127.0.0.1:8080/ws\n      reconnect_interval: 3000\n",
            "onebot.reverse_ws[0].reconnect_interval", 4, "no unit");

    [Test]
    public void A_negative_duration_is_reported() =>
        ConfigFiles.AssertSingleProblem("qq:\n  reconnect: { initial_delay: -1s }\n", "qq.reconnect.initial_delay", 2, "negative");

    [Test]
    public void A_zero_duration_is_refused_where_it_makes_no_sense() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  http_post:\n    - { url: http://127.0.0.1:1/, timeout: 0 }\n", "onebot.http_post[0].timeout", 3, "longer than 0");

    [Test]
    public void A_zero_heartbeat_interval_disables_heartbeats()
    {
        var result = ConfigFiles.Load("onebot:\n  heartbeat_interval: 0\n");

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Configuration.OneBot.HeartbeatInterval, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void A_max_delay_below_the_initial_delay_is_reported_at_max_delay() =>
        ConfigFiles.AssertSingleProblem("qq:\n  reconnect:\n    initial_delay: 10s\n    max_delay: 2s\n", "qq.reconnect.max_delay", 4, "shorter than initial_delay 10s");

    [Test]
    public void A_bad_enum_value_lists_the_choices() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  message_format: xml\n", "onebot.message_format", 2, "'xml' is not one of: array, string");

    [Test]
    public void A_bad_enum_value_in_an_entry_names_the_entry() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  forward_ws:\n    - { listen: \"127.0.0.1:6700\", message_format: cq }\n",
            "onebot.forward_ws[0].message_format", 3, "not one of: array, string");

    [Test]
    public void A_reverse_websocket_needs_a_ws_url() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  reverse_ws:\n    - url: http://127.0.0.1:8080/onebot/v11/ws\n", "onebot.reverse_ws[0].url", 3, "use ws:// or wss://");

    [Test]
    public void An_http_post_target_needs_an_http_url() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  http_post:\n    - url: ws://127.0.0.1:8080/\n", "onebot.http_post[0].url", 3, "use http:// or https://");

    [Test]
    public void The_api_base_must_be_an_http_url() =>
        ConfigFiles.AssertSingleProblem("qq:\n  api_base: api.sgroup.qq.com\n", "qq.api_base", 2, "not an absolute http:// or https:// URL");

    [Test]
    public void The_token_url_must_be_an_http_url() =>
        ConfigFiles.AssertSingleProblem("qq:\n  token_url: wss://bots.qq.com/x\n", "qq.token_url", 2, "use http:// or https://");

    [Test]
    public void A_url_problem_never_echoes_the_url_which_may_hold_a_token()
    {
        var problem = ConfigFiles.SingleProblem("onebot:\n  reverse_ws:\n    - url: \"http://127.0.0.1/ws?access_token=hunter2-token\"\n");

        Assert.That(problem.Message, Does.Not.Contain("hunter2-token"));
    }

    [Test]
    public void A_reverse_websocket_without_url_is_reported_at_the_entry() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  reverse_ws:\n    - { role: universal }\n", "onebot.reverse_ws[0].url", 3, "required");

    [Test]
    public void A_split_reverse_websocket_may_give_both_urls_instead()
    {
        var result = ConfigFiles.Load("onebot:\n  reverse_ws:\n    - { role: split, api_url: \"ws://127.0.0.1:1/api\", event_url: \"ws://127.0.0.1:1/event\" }\n");

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Configuration.OneBot.ReverseWs[0].EventUrl, Is.EqualTo("ws://127.0.0.1:1/event"));
    }

    [Test]
    public void Split_urls_on_a_universal_socket_are_reported() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  reverse_ws:\n    - url: ws://127.0.0.1:1/\n      api_url: ws://127.0.0.1:1/api\n",
            "onebot.reverse_ws[0].api_url", 4, "only used with role: split");

    [TestCase("nohost", "not host:port")]
    [TestCase("example.com:80", "IP address")]
    [TestCase("127.0.0.1:70000", "port must be a number from 0 to 65535")]
    [TestCase("127.0.0.1:", "port")]
    [TestCase("::1:80", "IP address")]
    public void A_bad_listen_address_is_reported(string listen, string messagePart) =>
        ConfigFiles.AssertSingleProblem($"onebot:\n  http_api:\n    - listen: \"{listen}\"\n", "onebot.http_api[0].listen", 3, messagePart);

    [TestCase("0.0.0.0:6700")]
    [TestCase("localhost:6700")]
    [TestCase("[::1]:6700")]
    [TestCase("127.0.0.1:0")]
    public void A_good_listen_address_is_accepted(string listen) =>
        Assert.That(ConfigFiles.Load($"onebot:\n  forward_ws:\n    - listen: \"{listen}\"\n").Problems, Is.Empty);

    [Test]
    public void Two_servers_on_one_address_are_reported_at_the_second() =>
        ConfigFiles.AssertSingleProblem("onebot:\n  forward_ws:\n    - listen: \"127.0.0.1:6700\"\n  http_api:\n    - listen: \"127.0.0.1:6700\"\n",
            "onebot.http_api[0].listen", 5, "already used by onebot.forward_ws[0].listen");

    [Test]
    public void Shards_accept_auto_and_a_pair()
    {
        Assert.That(ConfigFiles.Load("qq:\n  shards: auto\n").Configuration.Qq.Shards, Is.Null);
        Assert.That(ConfigFiles.Load("qq:\n  shards: [1, 4]\n").Configuration.Qq.Shards, Is.EqualTo(new ShardSelection(1, 4)));
    }

    [TestCase("shards: all", "expected auto or [id, count]")]
    [TestCase("shards: [1]", "two numbers")]
    [TestCase("shards: [2, 2]", "must be less than the shard count 2")]
    [TestCase("shards: [0, 0]", "from 1")]
    [TestCase("shards: {id: 0}", "expected auto or [id, count]")]
    public void Bad_shards_are_reported(string line, string messagePart)
    {
        var problem = ConfigFiles.SingleProblem($"qq:\n  {line}\n");

        Assert.That(problem.Key, Does.StartWith("qq.shards"));
        Assert.That(problem.Line, Is.EqualTo(2));
        Assert.That(problem.Message, Does.Contain(messagePart));
    }

    [Test]
    public void An_unknown_intent_is_reported_at_its_item_with_a_suggestion() =>
        ConfigFiles.AssertSingleProblem("qq:\n  intents:\n    - guilds\n    - group_and_c2c_events\n", "qq.intents[1]", 4, "did you mean 'group_and_c2c_event'?");

    [Test]
    public void A_repeated_intent_is_reported() =>
        ConfigFiles.AssertSingleProblem("qq:\n  intents: [guilds, guilds]\n", "qq.intents[1]", 2, "listed twice");

    [Test]
    public void An_empty_intent_list_is_reported() =>
        ConfigFiles.AssertSingleProblem("qq:\n  intents: []\n", "qq.intents", 2, "at least one intent");

    [Test]
    public void Every_documented_intent_name_is_accepted()
    {
        const string all = "guilds, guild_members, guild_messages, guild_message_reactions, direct_message, group_and_c2c_event, " +
                           "interaction, message_audit, forums_event, audio_action, public_guild_messages";
        var result = ConfigFiles.Load($"qq:\n  intents: [{all}]\n");

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Configuration.Qq.Intents, Has.Count.EqualTo(11));
    }

    [Test]
    public void A_yaml_syntax_error_is_reported_with_its_line()
    {
        var problem = ConfigFiles.SingleProblem("qq:\n  app_id: 1\n  sandbox: true\n onebot: x: y\n");

        Assert.That(problem.Line, Is.EqualTo(4));
        Assert.That(problem.Message, Does.StartWith("YAML syntax error"));
    }

    [Test]
    public void An_unclosed_bracket_is_a_syntax_error_not_a_crash()
    {
        var problem = ConfigFiles.SingleProblem("qq:\n  intents: [guilds, interaction\nonebot: {}\n");

        Assert.That(problem.Message, Does.StartWith("YAML syntax error"));
        Assert.That(problem.Line, Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void A_duplicate_key_is_reported_with_its_line() =>
        ConfigFiles.AssertSingleProblem("qq:\n  sandbox: true\n  sandbox: false\n", "", 3, "Duplicate key");

    [Test]
    public void A_missing_file_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.yaml");

        var problems = new BridgeConfigurationLoader(ConfigFiles.NoEnvironment).LoadFile(path).Problems;

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Message, Does.Contain("configuration file not found").And.Contain(path));
    }

    [Test]
    public void Every_problem_in_a_file_is_reported_in_line_order()
    {
        const string yaml = """
            qq:
              sandbox: maybe
              intents: [guilds, nonsense]
              shards: [5, 2]
            onebot:
              heartbeat_interval: 5x
              message_format: xml
              forward_ws:
                - listen: nowhere
              reverse_ws:
                - { url: "http://x/", reconnect_interval: 3 }
              http_post:
                - { timeout: 1s }
            extra: 1
            """;

        var problems = ConfigFiles.Load(yaml).Problems;

        Assert.That(problems.Select(problem => (problem.Key, problem.Line)), Is.EqualTo(new (string, int?)[]
        {
            ("qq.sandbox", 2),
            ("qq.intents[1]", 3),
            ("qq.shards", 4),
            ("onebot.heartbeat_interval", 6),
            ("onebot.message_format", 7),
            ("onebot.forward_ws[0].listen", 9),
            ("onebot.reverse_ws[0].url", 11),
            ("onebot.reverse_ws[0].reconnect_interval", 11),
            ("onebot.http_post[0].url", 13),
            ("extra", 14),
        }));
    }

    [Test]
    public void An_unknown_outbox_overflow_policy_names_the_choices()
    {
        ConfigFiles.AssertSingleProblem("onebot:\n  reverse_ws:\n    - url: ws://127.0.0.1:1/\n      outbox_overflow: wait\n",
            "onebot.reverse_ws[0].outbox_overflow", 4, "close");
    }

    [Test]
    public void Core_sections_bind_storage_ids_replies_and_held_sends()
    {
        const string yaml = """
            qq:
              hold_unreplyable: { enabled: true, max_age: 2m, max_count: 3 }
              acknowledge_interactions: false
            storage: { path: /var/lib/bridge/b.db, message_retention: 72h, message_cache: 50 }
            ids: { range: [100000, 999999] }
            replies: { group_window: 4m, c2c_window: 50m, max_per_msg_id: 4, margin: 0 }
            """;

        var result = ConfigFiles.Load(yaml);
        var configuration = result.Configuration;

        Assert.That(result.Problems, Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(configuration.HoldUnreplyable.Enabled, Is.True);
            Assert.That(configuration.HoldUnreplyable.MaxAge, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(configuration.HoldUnreplyable.MaxCount, Is.EqualTo(3));
            Assert.That(configuration.Inbound.AcknowledgeInteractions, Is.False);
            Assert.That(configuration.Storage.Path, Is.EqualTo("/var/lib/bridge/b.db"));
            Assert.That(configuration.Storage.MessageRetention, Is.EqualTo(TimeSpan.FromDays(3)));
            Assert.That(configuration.Storage.MessageCacheSize, Is.EqualTo(50));
            Assert.That(configuration.Ids.Range, Is.EqualTo(new OneBotBridge.Core.Ids.NumberRange(100000, 999999)));
            Assert.That(configuration.Replies.GroupWindow, Is.EqualTo(TimeSpan.FromMinutes(4)));
            Assert.That(configuration.Replies.C2CWindow, Is.EqualTo(TimeSpan.FromMinutes(50)));
            Assert.That(configuration.Replies.MaxPerMsgId, Is.EqualTo(4));
            Assert.That(configuration.Replies.Margin, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void A_reversed_or_tiny_id_range_is_refused()
    {
        ConfigFiles.AssertSingleProblem("ids:\n  range: [5000, 10]\n", "ids.range", 2, "max 10 is below min 5000");
        ConfigFiles.AssertSingleProblem("ids:\n  range: [5000, 5998]\n", "ids.range", 2, "too small");
    }

    [Test]
    public void A_reply_limit_beyond_what_the_platform_allows_is_refused()
    {
        ConfigFiles.AssertSingleProblem("replies:\n  max_per_msg_id: 500\n", "replies.max_per_msg_id", 2, "100");
    }

    [Test]
    public void Valid_values_bind_to_the_option_members()
    {
        const string yaml = """
            qq:
              app_id: "102030"
              sandbox: true
              reconnect: { initial_delay: 500ms, max_delay: 2m }
            onebot:
              self_id: 10001
              access_token: top
              message_format: string
              heartbeat_interval: 1m30s
              forward_ws: [ { listen: "127.0.0.1:6701", access_token: own, outbox_capacity: 16, outbox_overflow: drop_newest } ]
              reverse_ws: [ { url: "wss://example.org/onebot", reconnect_interval: 3s, message_format: array, queue_capacity: 5 } ]
              http_api: [ { listen: "[::1]:5700" } ]
              http_post: [ { url: "https://example.org/post", secret: s, timeout: 10s } ]
            logging: { level: debug }
            """;

        var result = ConfigFiles.Load(yaml);
        var configuration = result.Configuration;

        Assert.That(result.Problems, Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(configuration.Qq.AppId, Is.EqualTo("102030"));
            Assert.That(configuration.Qq.EffectiveApiBase, Is.EqualTo(QQOptions.SandboxApiBase));
            Assert.That(configuration.Qq.Reconnect.InitialDelay, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
            Assert.That(configuration.Qq.Reconnect.MaxDelay, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(configuration.OneBot.SelfId, Is.EqualTo(10001));
            Assert.That(configuration.OneBot.AccessToken, Is.EqualTo("top"));
            Assert.That(configuration.OneBot.MessageFormat, Is.EqualTo(global::OneBotBridge.OneBot.Abstractions.MessageFormat.String));
            Assert.That(configuration.OneBot.HeartbeatInterval, Is.EqualTo(TimeSpan.FromSeconds(90)));
            Assert.That(configuration.OneBot.ForwardWs[0].AccessToken, Is.EqualTo("own"));
            Assert.That(configuration.OneBot.ForwardWs[0].MessageFormat, Is.Null);
            Assert.That(configuration.OneBot.ForwardWs[0].OutboxCapacity, Is.EqualTo(16));
            Assert.That(configuration.OneBot.ForwardWs[0].OutboxOverflow, Is.EqualTo(global::OneBotBridge.OneBot.Configuration.OutboxOverflowPolicy.DropNewest));
            Assert.That(configuration.OneBot.ReverseWs[0].OutboxOverflow, Is.EqualTo(global::OneBotBridge.OneBot.Configuration.OutboxOverflowPolicy.Close));
            Assert.That(configuration.OneBot.ReverseWs[0].MessageFormat, Is.EqualTo(global::OneBotBridge.OneBot.Abstractions.MessageFormat.Array));
            Assert.That(configuration.OneBot.ReverseWs[0].AccessToken, Is.Null);
            Assert.That(configuration.OneBot.ReverseWs[0].QueueCapacity, Is.EqualTo(5));
            Assert.That(configuration.OneBot.HttpApi[0].Listen, Is.EqualTo("[::1]:5700"));
            Assert.That(configuration.OneBot.HttpPost[0].Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(configuration.Logging.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Debug));
        });
    }
}
