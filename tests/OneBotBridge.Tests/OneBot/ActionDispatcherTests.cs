using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using OneBotBridge.OneBot.Abstractions;
using OneBotBridge.OneBot.Actions;
using OneBotBridge.OneBot.Messages;

namespace OneBotBridge.Tests.OneBot;

public sealed class ActionDispatcherTests
{
    private readonly ActionDispatcher _dispatcher = new(
        ActionRegistry.FromHandlers([new EchoParamsHandler(), new SpecialHandler(), new SpecialAsyncHandler(), new UpstreamFailureHandler(), new CrashingHandler(), new MessageHandler(), new WaitingHandler()]),
        NullLogger<ActionDispatcher>.Instance);

    [Test]
    public async Task A_string_echo_comes_back_a_string()
    {
        var response = await Frame("""{"action":"special","params":{},"echo":"123"}""");

        Assert.That(response, Is.EqualTo("""{"status":"ok","retcode":0,"data":"special","echo":"123"}"""));
    }

    [TestCase("123", "123")]
    [TestCase("-1.5", "-1.5")]
    [TestCase("""{"seq":1,"id":"a","nested":[1,{"x":null}]}""", """{"seq":1,"id":"a","nested":[1,{"x":null}]}""")]
    [TestCase("null", "null")]
    [TestCase("true", "true")]
    [TestCase("""["a",2]""", """["a",2]""")]
    public async Task Echo_keeps_its_json_type(string echo, string expected)
    {
        var response = await Frame($$"""{"action":"special","echo":{{echo}}}""");

        Assert.That(response, Does.EndWith($",\"echo\":{expected}}}"));
    }

    [Test]
    public async Task Without_echo_the_response_has_no_echo_key()
    {
        var response = await Frame("""{"action":"special"}""");

        Assert.That(response, Is.EqualTo("""{"status":"ok","retcode":0,"data":"special"}"""));
    }

    [Test]
    public async Task An_unknown_action_is_1404_with_the_message_three_times()
    {
        var response = await Frame("""{"action":"nope","params":{},"echo":"7"}""");

        Assert.That(response, Is.EqualTo(
            """{"status":"failed","retcode":1404,"data":null,"msg":"unknown action \"nope\"","wording":"unknown action \"nope\"","message":"unknown action \"nope\"","echo":"7"}"""));
    }

    [TestCase("not json", "the frame is not valid JSON: ")]
    [TestCase("", "the frame is not valid JSON: ")]
    [TestCase("""{"action":"special"} trailing""", "the frame is not valid JSON: ")]
    [TestCase("""[1,2]""", "the frame must be a JSON object, got [1,2]")]
    [TestCase("\"special\"", "the frame must be a JSON object, got \"special\"")]
    [TestCase("""{"params":{}}""", "the frame has no \"action\"")]
    [TestCase("""{"action":null}""", "the frame has no \"action\"")]
    [TestCase("""{"action":42}""", "\"action\" must be a string, got 42")]
    [TestCase("""{"action":""}""", "\"action\" is empty")]
    [TestCase("""{"action":"special","params":[1]}""", "\"params\" must be an object, got [1]")]
    [TestCase("""{"action":"special","params":"x=1"}""", "\"params\" must be an object, got \"x=1\"")]
    public async Task A_malformed_frame_is_1400_saying_what_is_wrong(string frame, string problem)
    {
        var response = JObject.Parse(await Frame(frame));

        Assert.That((string?)response["status"], Is.EqualTo("failed"));
        Assert.That((int)response["retcode"]!, Is.EqualTo(Retcode.BadRequest));
        Assert.That((string?)response["msg"], Does.StartWith(problem));
        Assert.That((string?)response["wording"], Is.EqualTo((string?)response["msg"]));
        Assert.That((string?)response["message"], Is.EqualTo((string?)response["msg"]));
        Assert.That(response["data"]!.Type, Is.EqualTo(JTokenType.Null));
    }

    [Test]
    public async Task A_malformed_frame_still_returns_a_readable_echo()
    {
        var response = JObject.Parse(await Frame("""{"action":5,"echo":{"id":9}}"""));

        Assert.That((int)response["retcode"]!, Is.EqualTo(Retcode.BadRequest));
        Assert.That(response["echo"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"id":9}"""));
    }

    [Test]
    public async Task Missing_or_null_params_are_empty()
    {
        var response = JObject.Parse(await Frame("""{"action":"echo_params","params":null}"""));

        Assert.That(response["data"]!["params"]!.ToString(), Is.EqualTo("{}"));
    }

    [TestCase("echo_params_async")]
    [TestCase("echo_params_rate_limited")]
    public async Task Async_and_rate_limited_variants_run_the_base_action_and_answer_0(string action)
    {
        var response = await _dispatcher.DispatchAsync(new ActionRequest(action, new JObject { ["a"] = 1 }, "e"), CancellationToken.None);

        Assert.That(response.Retcode, Is.EqualTo(Retcode.Ok));
        Assert.That(response.Status, Is.EqualTo("ok"));
        Assert.That((string?)response.Data!["action"], Is.EqualTo("echo_params"));
        Assert.That((int)response.Data!["params"]!["a"]!, Is.EqualTo(1));
        Assert.That((string?)response.Echo, Is.EqualTo("e"));
    }

    [Test]
    public async Task An_exactly_registered_name_wins_over_the_async_variant()
    {
        var response = await _dispatcher.DispatchAsync(new ActionRequest("special_async", []), CancellationToken.None);

        Assert.That((string?)response.Data, Is.EqualTo("special_async itself"));
    }

    [Test]
    public async Task The_async_variant_of_an_unknown_action_is_1404()
    {
        var response = await _dispatcher.DispatchAsync(new ActionRequest("nope_async", []), CancellationToken.None);

        Assert.That(response.Retcode, Is.EqualTo(Retcode.UnknownAction));
    }

    [Test]
    public async Task A_handler_failure_answers_its_retcode_and_message()
    {
        var response = await _dispatcher.DispatchAsync(new ActionRequest("fail_upstream", [], 3), CancellationToken.None);

        Assert.That(response, Is.EqualTo(ActionResponse.Failed(Retcode.UpstreamFailed, "QQ OpenAPI error 11255: invalid request", 3)));
    }

    [Test]
    public async Task An_unexpected_exception_is_1500_naming_the_action_and_the_error()
    {
        var response = await _dispatcher.DispatchAsync(new ActionRequest("crash", []), CancellationToken.None);

        Assert.That(response.Retcode, Is.EqualTo(Retcode.InternalError));
        Assert.That(response.Message, Is.EqualTo("crash failed unexpectedly: boom"));
    }

    [Test]
    public async Task Bad_params_are_1400_naming_the_param()
    {
        var missing = await _dispatcher.DispatchAsync(new ActionRequest("send", []), CancellationToken.None);
        var invalid = await _dispatcher.DispatchAsync(new ActionRequest("send", new JObject { ["message"] = "[CQ:reply,id=abc]" }), CancellationToken.None);

        Assert.That(missing, Is.EqualTo(ActionResponse.Failed(Retcode.BadRequest, "param \"message\" is required")));
        Assert.That(invalid, Is.EqualTo(ActionResponse.Failed(Retcode.BadRequest, "param \"message\" is invalid: segment 0 (reply): data.id must be a 32-bit integer, got \"abc\"")));
    }

    [Test]
    public async Task Auto_escape_is_honoured_in_any_spelling()
    {
        var escaped = await _dispatcher.DispatchAsync(
            new ActionRequest("send", new JObject { ["message"] = "[CQ:face,id=1]", ["auto_escape"] = "true" }), CancellationToken.None);
        var parsed = await _dispatcher.DispatchAsync(
            new ActionRequest("send", new JObject { ["message"] = "[CQ:face,id=1]", ["auto_escape"] = 0 }), CancellationToken.None);

        Assert.That((string?)escaped.Data, Is.EqualTo("text"));
        Assert.That((string?)parsed.Data, Is.EqualTo("face"));
    }

    [Test]
    public void Cancellation_by_the_caller_propagates()
    {
        using var cancellation = new CancellationTokenSource();
        var call = _dispatcher.DispatchAsync(new ActionRequest("wait", []), cancellation.Token);

        cancellation.Cancel();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
    }

    private async Task<string> Frame(string frame) =>
        Encoding.UTF8.GetString(await _dispatcher.DispatchFrameAsync(Encoding.UTF8.GetBytes(frame), CancellationToken.None));

    [OneBotAction("echo_params")]
    private sealed class EchoParamsHandler : IOneBotActionHandler
    {
        public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) =>
            Task.FromResult<JToken?>(new JObject { ["action"] = context.Action, ["params"] = context.Params.Raw });
    }

    [OneBotAction("special")]
    private sealed class SpecialHandler : IOneBotActionHandler
    {
        public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) =>
            Task.FromResult<JToken?>(context.Action);
    }

    [OneBotAction("special_async")]
    private sealed class SpecialAsyncHandler : IOneBotActionHandler
    {
        public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) =>
            Task.FromResult<JToken?>("special_async itself");
    }

    [OneBotAction("fail_upstream")]
    private sealed class UpstreamFailureHandler : IOneBotActionHandler
    {
        public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) =>
            throw new ActionFailedException(Retcode.UpstreamFailed, "QQ OpenAPI error 11255: invalid request");
    }

    [OneBotAction("crash")]
    private sealed class CrashingHandler : IOneBotActionHandler
    {
        public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }

    [OneBotAction("send")]
    private sealed class MessageHandler : IOneBotActionHandler
    {
        public Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken) =>
            Task.FromResult<JToken?>(context.Params.GetMessage().Single().Type);
    }

    [OneBotAction("wait")]
    private sealed class WaitingHandler : IOneBotActionHandler
    {
        public async Task<JToken?> HandleAsync(ActionContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }
}
