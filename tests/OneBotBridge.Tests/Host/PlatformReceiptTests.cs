using OneBotBridge.Simulation;
using OneBotBridge.Simulator;

namespace OneBotBridge.Tests.Host;

public sealed class PlatformReceiptTests
{
    private static RecordedRequest Request(string method, string path, string body, int status = 200, string response = "{}") =>
        new(method, path, "", new Dictionary<string, string>(), body, status, response, DateTimeOffset.UnixEpoch);

    [Test]
    public void A_passive_group_reply_reads_as_such()
    {
        var line = PlatformReceipt.Format(Request("POST", "/v2/groups/D4DE01234567890ABCDEF01234562B91/messages",
            """{"msg_type":0,"content":"hi","msg_id":"ROBOT1.0_x!","msg_seq":2}"""));

        Assert.That(line, Is.EqualTo("group D4DE0123…: passive reply to ROBOT1.0_x! seq 2: hi"));
    }

    [Test]
    public void A_refusal_carries_the_platform_code_and_message()
    {
        var line = PlatformReceipt.Format(Request("POST", "/v2/users/7D29A0B1C2D3E4F5A6B7C8D9E0F1ABC7/messages",
            """{"msg_type":0,"content":"hi","msg_id":"ROBOT1.0_x!","msg_seq":1}""", 400,
            """{"message":"duplicate msg_seq","code":40054005}"""));

        Assert.That(line, Is.EqualTo("user 7D29A0B1…: refused 40054005 duplicate msg_seq"));
    }

    [Test]
    public void Media_event_replies_uploads_and_recalls_are_described()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PlatformReceipt.Format(Request("POST", "/v2/groups/G1/messages",
                    """{"msg_type":7,"content":" ","media":{"file_info":"x"},"event_id":"GROUP_ADD_ROBOT:1","msg_seq":1}""")),
                Is.EqualTo("group G1: reply to event GROUP_ADD_ROBOT:1 seq 1: [media]"));
            Assert.That(PlatformReceipt.Format(Request("POST", "/v2/groups/G1/files", """{"file_type":1,"url":"https://x/y.png"}""")),
                Is.EqualTo("group G1: media uploaded (file_type 1)"));
            Assert.That(PlatformReceipt.Format(Request("DELETE", "/channels/100010/messages/0812", "")),
                Is.EqualTo("channel 100010: recalled 0812"));
            Assert.That(PlatformReceipt.Format(Request("POST", "/dms/187000/messages", """{"content":"yo","msg_id":"08ab"}""")),
                Is.EqualTo("direct messages in guild 187000: passive reply to 08ab seq 1: yo"));
        });
    }

    [Test]
    public void Token_and_gateway_requests_have_no_line()
    {
        Assert.That(PlatformReceipt.Format(Request("POST", "/app/getAppAccessToken", "{}")), Is.Null);
        Assert.That(PlatformReceipt.Format(Request("GET", "/gateway/bot", "")), Is.Null);
    }

    [Test]
    public void Odd_values_and_bodies_that_are_not_json_are_printed_not_thrown()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PlatformReceipt.Format(Request("POST", "/v2/groups/G1/messages",
                    """{"msg_type":0,"content":"2025-02-15T16:35:23+08:00","msg_id":{"odd":true},"event_id":"E1","msg_seq":"3"}""")),
                Is.EqualTo("group G1: reply to event E1 seq 3: 2025-02-15T16:35:23+08:00"));
            Assert.That(PlatformReceipt.Format(Request("POST", "/channels/100010/messages", "--boundary\r\ncontent")),
                Is.EqualTo("channel 100010: unprompted message: "));
            Assert.That(PlatformReceipt.Format(Request("POST", "/v2/users/U1/messages", "{}", 500, "upstream exploded")),
                Is.EqualTo("user U1: refused 500 (no message)"));
        });
    }
}
