namespace OneBotBridge.OneBot.Messages;

/// <summary>
/// <c>node</c>: one entry of a merged forward, either a reference to an existing message
/// (<c>node{id}</c>) or custom content (<c>node{user_id, nickname, content}</c>; <c>uin</c> and
/// <c>name</c> are accepted for the go-cqhttp spellings). In a CQ string the content is a nested,
/// escaped CQ string.
/// </summary>
public sealed record NodeSegment : Segment
{
    public override string Type => "node";

    /// <summary>The message id of a referenced message.</summary>
    public string? Id { get; init; }

    public string? UserId { get; init; }

    public string? Nickname { get; init; }

    public Message? Content { get; init; }

    public static NodeSegment Reference(string id) => new() { Id = id };

    public static NodeSegment Custom(string userId, string nickname, Message content) =>
        new() { UserId = userId, Nickname = nickname, Content = content };

    internal static NodeSegment Read(SegmentDataReader data)
    {
        var node = new NodeSegment
        {
            Id = data.Optional("id"),
            UserId = data.Optional("user_id", alias: "uin"),
            Nickname = data.Optional("nickname", alias: "name"),
            Content = data.OptionalMessage("content"),
            ExtraData = data.Rest(),
        };
        return node.Id is not null || node.Content is not null
            ? node
            : throw data.Invalid("data.id or data.content is required");
    }

    private protected override void WriteFields(SegmentDataWriter data)
    {
        data.Write("id", Id);
        data.Write("user_id", UserId);
        data.Write("nickname", Nickname);
        data.Write("content", Content);
    }
}
