using Newtonsoft.Json.Linq;

namespace OneBotBridge.Simulation;

/// <summary>
/// What a demo user says: the content as the platform writes it (faces as <c>&lt;faceType=…&gt;</c> or
/// <c>&lt;emoji:…&gt;</c>, guild mentions as <c>&lt;@!id&gt;</c>), image attachments by file name, and in guild
/// channels the users mentioned besides the bot.
/// </summary>
internal sealed record DemoMessage(DemoUser From, string Content)
{
    /// <summary>A QQ face (277, the dog) as group and C2C content carries it; ext is base64 JSON <c>{"text":"汪汪"}</c>.</summary>
    public const string Face = "<faceType=1,faceId=\"277\",ext=\"eyJ0ZXh0Ijoi5rGq5rGqIn0=\">";

    /// <summary>The same face as guild content carries it.</summary>
    public const string GuildFace = "<emoji:277>";

    public IReadOnlyList<string> Images { get; init; } = [];

    public IReadOnlyList<DemoUser> Mentions { get; init; } = [];

    /// <summary>Group and C2C attachments: full https URLs on the platform's media host.</summary>
    public JArray Attachments() => [.. Images.Select(name => Attachment($"https://multimedia.nt.qq.com.cn/download?appid=1406&fileid={name}", name))];

    /// <summary>Guild attachments: the platform sends these URLs without a scheme.</summary>
    public JArray GuildAttachments() => [.. Images.Select(name => Attachment($"gchat.qpic.cn/qmeetpic/0/0-0-{name}/0", name))];

    /// <summary><paramref name="content"/> as delivered, and the attachments, as one line for the terminal.</summary>
    public string Describe(string content) =>
        string.Join(" ", Images.Select(name => $"[image {name}]").Prepend(content.Trim()).Where(part => part.Length > 0));

    private static JObject Attachment(string url, string fileName) => new()
    {
        ["url"] = url,
        ["filename"] = fileName,
        ["width"] = 520,
        ["height"] = 524,
        ["size"] = 53851,
        ["content_type"] = "image/jpeg",
        ["content"] = "",
    };
}
