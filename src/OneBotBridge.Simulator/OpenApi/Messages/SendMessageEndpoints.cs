using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;
using OneBotBridge.Simulator.Http;
using OneBotBridge.Simulator.OpenApi.Replies;

namespace OneBotBridge.Simulator.OpenApi.Messages;

/// <summary>
/// The four send paths: validate the body, let the <see cref="ReplyLedger"/> allow the reply,
/// remember the message, answer like the platform.
/// </summary>
internal sealed class SendMessageEndpoints(
    OutgoingMessageReader reader,
    ReplyLedger ledger,
    SentMessageLog sent,
    GuildDirectory guilds,
    QQSimulatorOptions options)
{
    private static readonly HashSet<string> JsonFormFields = ["embed", "ark", "markdown", "keyboard", "message_reference"];

    private long _lastGuildSeq;

    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var route in SceneRoute.All)
        {
            routes.MapPost(route.Prefix + "/messages", context => SendAsync(context, route));
        }
    }

    private async Task SendAsync(HttpContext context, SceneRoute route)
    {
        var targetId = route.TargetOf(context);
        var body = await ReadBodyAsync(context, route.Scene);
        if (!reader.TryRead(route.Scene, body, out var message, out var invalid))
        {
            await OpenApiResponses.WriteErrorAsync(context, invalid);
            return;
        }

        if (ledger.TryReply(new ReplyRequest(route.Scene, targetId, message.MsgId, message.EventId, message.MsgSeq)) is { } refused)
        {
            await OpenApiResponses.WriteErrorAsync(context, refused);
            return;
        }

        var now = options.TimeProvider.GetUtcNow();
        var id = route.Scene is MessageScene.Group or MessageScene.C2C ? Ids.RobotMessageId() : Ids.GuildMessageId();
        sent.Add(new SentMessage(route.Scene, targetId, id, now));
        await OpenApiResponses.WriteOkAsync(context, route.Scene switch
        {
            MessageScene.Group or MessageScene.C2C => new JObject { ["id"] = id, ["timestamp"] = SimulatorJson.Timestamp(now) },
            _ => GuildMessageObject(route.Scene, targetId, id, now, message.Body),
        });
    }

    private JObject GuildMessageObject(MessageScene scene, string targetId, string id, DateTimeOffset now, JObject body)
    {
        var (channelId, guildId) = scene == MessageScene.Direct
            ? (guilds.ChannelOfDirectGuild(targetId), targetId)
            : (targetId, guilds.GuildOfChannel(targetId));
        var seq = Interlocked.Increment(ref _lastGuildSeq);
        var message = new JObject
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["guild_id"] = guildId,
            ["content"] = SimulatorJson.StringOf(body["content"]) ?? "",
            ["timestamp"] = SimulatorJson.Timestamp(now),
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["author"] = new JObject
            {
                ["id"] = options.BotUserId,
                ["username"] = options.BotUsername,
                ["avatar"] = "",
                ["bot"] = true,
            },
            ["pinned"] = false,
            ["type"] = 0,
            ["flags"] = 0,
            ["seq"] = seq,
            ["seq_in_channel"] = seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var name in new[] { "embed", "ark", "message_reference" })
        {
            if (body[name] is JObject value)
            {
                message[name] = value.DeepClone();
            }
        }

        if (scene == MessageScene.Direct)
        {
            message["direct_message"] = true;
        }

        return message;
    }

    /// <summary>JSON for every scene; guild scenes also take multipart/form-data (a local image as <c>file_image</c>).</summary>
    private static async Task<JToken?> ReadBodyAsync(HttpContext context, MessageScene scene)
    {
        if (scene is MessageScene.Channel or MessageScene.Direct && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var fields = new JObject();
            foreach (var (name, value) in form)
            {
                var text = value.ToString();
                fields[name] = JsonFormFields.Contains(name) && SimulatorJson.TryParse(text) is JObject parsed ? parsed : text;
            }

            foreach (var file in form.Files)
            {
                fields[file.Name] = new JObject { ["filename"] = file.FileName, ["size"] = file.Length };
            }

            return fields;
        }

        return SimulatorJson.TryParse(await HttpBodies.ReadTextAsync(context.Request, context.RequestAborted));
    }
}
