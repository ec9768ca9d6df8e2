using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OneBotBridge.Core.Inbound;

/// <summary>
/// Splits QQ message content into text, mentions and faces. Group/C2C and guild content share the
/// syntax the platform documents: <c>&lt;@!id&gt;</c>, <c>&lt;@id&gt;</c>, <c>&lt;qqbot-at-user id="" /&gt;</c>,
/// <c>@everyone</c>, <c>&lt;qqbot-at-everyone /&gt;</c>, <c>&lt;faceType=1,faceId="277",ext=".."&gt;</c>,
/// <c>&lt;emoji:id&gt;</c>; text is entity-decoded (<c>&amp;amp; &amp;lt; &amp;gt;</c>).
/// </summary>
internal static partial class QQContentParser
{
    /// <summary>
    /// Parses <paramref name="content"/>. The space (or U+00A0) the platform leaves where it removed
    /// the @bot is trimmed from the start, as is a leading mention of <paramref name="leadingMentionToDrop"/>
    /// (the @bot that guild content still carries).
    /// </summary>
    public static IReadOnlyList<ContentPiece> Parse(string content, string? leadingMentionToDrop = null)
    {
        var pieces = new List<ContentPiece>();
        var text = new StringBuilder();
        var position = 0;
        foreach (Match token in Token().Matches(content))
        {
            text.Append(content, position, token.Index - position);
            position = token.Index + token.Length;
            var piece = PieceOf(token);
            if (piece is null)
            {
                text.Append(token.Value);
                continue;
            }

            Flush(text, pieces);
            pieces.Add(piece);
        }

        text.Append(content, position, content.Length - position);
        Flush(text, pieces);
        return TrimStart(pieces, leadingMentionToDrop);
    }

    private static ContentPiece? PieceOf(Match token)
    {
        if (token.Groups["mention"].Success)
        {
            return new ContentPiece.Mention(token.Groups["mention"].Value);
        }

        if (token.Groups["atUser"].Success)
        {
            return new ContentPiece.Mention(WebUtility.HtmlDecode(token.Groups["atUser"].Value));
        }

        if (token.Groups["everyone"].Success)
        {
            return new ContentPiece.MentionEveryone();
        }

        if (token.Groups["emoji"].Success)
        {
            return new ContentPiece.Face(token.Groups["emoji"].Value);
        }

        if (token.Groups["face"].Success)
        {
            return FaceId().Match(token.Groups["face"].Value) is { Success: true } id ? new ContentPiece.Face(id.Groups[1].Value) : null;
        }

        return null;
    }

    private static void Flush(StringBuilder text, List<ContentPiece> pieces)
    {
        if (text.Length > 0)
        {
            pieces.Add(new ContentPiece.Text(DecodeEntities(text.ToString())));
            text.Clear();
        }
    }

    private static IReadOnlyList<ContentPiece> TrimStart(List<ContentPiece> pieces, string? leadingMentionToDrop)
    {
        if (leadingMentionToDrop is not null && pieces.FirstOrDefault() is ContentPiece.Mention mention && mention.UserId == leadingMentionToDrop)
        {
            pieces.RemoveAt(0);
        }

        if (pieces.FirstOrDefault() is ContentPiece.Text first)
        {
            var trimmed = first.Value.TrimStart(' ', '\u00A0');
            if (trimmed.Length == 0)
            {
                pieces.RemoveAt(0);
            }
            else
            {
                pieces[0] = new ContentPiece.Text(trimmed);
            }
        }

        return pieces;
    }

    private static string DecodeEntities(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex("""<@!?(?<mention>[0-9A-Za-z_-]+)>|<qqbot-at-user\s+id="(?<atUser>[^"]*)"\s*/>|(?<everyone>@everyone|<qqbot-at-everyone\s*/>)|<emoji:(?<emoji>\d+)>|<(?<face>faceType=[^>]*)>""")]
    private static partial Regex Token();

    [GeneratedRegex("""faceId="?(\d+)"?""")]
    private static partial Regex FaceId();
}
