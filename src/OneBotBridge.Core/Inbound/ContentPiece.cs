namespace OneBotBridge.Core.Inbound;

/// <summary>One piece of QQ message content, before platform ids are turned into numbers.</summary>
internal abstract record ContentPiece
{
    public sealed record Text(string Value) : ContentPiece;

    /// <summary>A mention of one user by platform id (a guild user id, or a group member openid).</summary>
    public sealed record Mention(string UserId) : ContentPiece;

    public sealed record MentionEveryone : ContentPiece;

    /// <summary>A QQ face: <c>faceId</c> of <c>&lt;faceType=..&gt;</c>, or the id of <c>&lt;emoji:id&gt;</c>.</summary>
    public sealed record Face(string Id) : ContentPiece;
}
