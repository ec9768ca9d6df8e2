using System.Text;
using Newtonsoft.Json.Linq;
using OneBotBridge.QQ.Gateway;

namespace OneBotBridge.Tests.QQ;

public sealed class GatewayPayloadTests
{
    private static GatewayPayload Parse(string json) => GatewayPayload.Parse(Encoding.UTF8.GetBytes(json));

    [Test]
    public void A_dispatch_keeps_its_data_raw_and_its_dates_as_strings()
    {
        var payload = Parse("""{"op":0,"s":7,"t":"GROUP_AT_MESSAGE_CREATE","id":"GROUP_AT_MESSAGE_CREATE:abc","d":{"id":"ROBOT1.0_x","timestamp":"2025-02-15T16:35:23+08:00"}}""");

        var dispatch = payload.ToDispatch(shardId: 2);

        Assert.That(dispatch.Type, Is.EqualTo("GROUP_AT_MESSAGE_CREATE"));
        Assert.That(dispatch.Seq, Is.EqualTo(7));
        Assert.That(dispatch.EventId, Is.EqualTo("GROUP_AT_MESSAGE_CREATE:abc"));
        Assert.That(dispatch.ShardId, Is.EqualTo(2));
        Assert.That(dispatch.Data["timestamp"]!.Type, Is.EqualTo(JTokenType.String));
        Assert.That((string?)dispatch.Data["timestamp"], Is.EqualTo("2025-02-15T16:35:23+08:00"));
    }

    [TestCase("""{"op":0,"s":9,"t":"RESUMED","d":""}""", JTokenType.String)]
    [TestCase("""{"op":11,"d":1}""", JTokenType.Integer)]
    [TestCase("""{"op":9,"d":false}""", JTokenType.Boolean)]
    [TestCase("""{"op":11,"d":null}""", JTokenType.Null)]
    [TestCase("""{"op":11}""", JTokenType.Null)]
    public void Data_may_be_any_json_value(string json, JTokenType expected) =>
        Assert.That(Parse(json).Data.Type, Is.EqualTo(expected));

    [Test]
    public void Hello_gives_its_interval()
    {
        var payload = Parse("""{"op":10,"d":{"heartbeat_interval":45000}}""");

        Assert.That(payload.Op, Is.EqualTo(GatewayOpcode.Hello));
        Assert.That((int?)payload.Data["heartbeat_interval"], Is.EqualTo(45000));
        Assert.That(payload.Seq, Is.Null);
    }

    [Test]
    public void The_data_is_copied_out_of_the_frame_and_escaped_keys_are_read()
    {
        var frame = Encoding.UTF8.GetBytes("""{"\u006fp":0,"s":3,"t":"C2C_MESSAGE_CREATE","d":{"id":"m1","content":"hi"},"extra":[1,{"d":2}]}""");

        var payload = GatewayPayload.Parse(frame);
        Array.Fill(frame, (byte)' ');

        Assert.That(payload.Op, Is.EqualTo(GatewayOpcode.Dispatch));
        Assert.That(payload.Seq, Is.EqualTo(3));
        Assert.That(Encoding.UTF8.GetString(payload.Utf8Data.Span), Is.EqualTo("""{"id":"m1","content":"hi"}"""));
    }

    [TestCase("not json", "not JSON")]
    [TestCase("[1,2]", "not an object")]
    [TestCase("""{"op":0,"d":{"unclosed":1}""", "not JSON")]
    [TestCase("""{"d":{}}""", "no integer 'op'")]
    [TestCase("""{"op":"0"}""", "no integer 'op'")]
    public void A_frame_that_is_no_envelope_is_a_format_error(string json, string problem)
    {
        var error = Assert.Throws<FormatException>(() => Parse(json));

        Assert.That(error!.Message, Does.Contain(problem));
    }

    [Test]
    public void Outgoing_frames_have_the_reference_shape()
    {
        Assert.That(GatewayFrames.Heartbeat(null).ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"op":1,"d":null}"""));
        Assert.That(GatewayFrames.Heartbeat(42).ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"op":1,"d":42}"""));
        Assert.That(
            GatewayFrames.Identify("TOKEN", 513, 0, 1).ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo("""{"op":2,"d":{"token":"QQBot TOKEN","intents":513,"shard":[0,1],"properties":{}}}"""));
        Assert.That(
            GatewayFrames.Resume("TOKEN", "sess", 1337).ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo("""{"op":6,"d":{"token":"QQBot TOKEN","session_id":"sess","seq":1337}}"""));
    }
}
