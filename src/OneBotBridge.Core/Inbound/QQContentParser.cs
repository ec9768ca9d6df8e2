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
    private const int ReusedTextCapacity = 4096;

    // Every message is parsed once on the event path: the text builder is reused rather than grown anew.
    [ThreadStatic]
    private static StringBuilder? t_text;

    /// <summary>
    /// Parses <paramref name="content"/>. The space (or U+00A0) the platform leaves where it removed
    /// the @bot is trimmed from the start, as is a leading mention of <paramref name="leadingMentionToDrop"/>
    /// (the @bot that guild content still carries).
    /// </summary>
    public static IReadOnlyList<ContentPiece> Parse(string content, string? leadingMentionToDrop = null)
    {
        var pieces = new List<ContentPiece>();
        var text = t_text ?? new StringBuilder();
        t_text = null;
        var position = 0;
        foreach (var token in Token().EnumerateMatches(content))
        {
            text.Append(content, position, token.Index - position);
            position = token.Index + token.Length;
            var piece = PieceOf(content.AsSpan(token.Index, token.Length));
            if (piece is null)
            {
                text.Append(content, token.Index, token.Length);
                continue;
            }

            Flush(text, pieces);
            pieces.Add(piece);
        }

        text.Append(content, position, content.Length - position);
        Flush(text, pieces);
        if (text.Capacity <= ReusedTextCapacity)
        {
            t_text = text;
        }

        return TrimStart(pieces, leadingMentionToDrop);
    }

    /// <summary>
    /// The piece a token of <see cref="Token"/> stands for, told apart by how it starts (the expression has
    /// checked the rest); null for a face without an id, which stays text.
    /// </summary>
    private static ContentPiece? PieceOf(ReadOnlySpan<char> token)
    {
        if (token.StartsWith("<@"))
        {
            return new ContentPiece.Mention(token[(token[2] == '!' ? 3 : 2)..^1].ToString());
        }

        if (token.StartsWith("<qqbot-at-user"))
        {
            var id = token[(token.IndexOf("id=\"") + "id=\"".Length)..];
            return new ContentPiece.Mention(WebUtility.HtmlDecode(id[..id.IndexOf('"')].ToString()));
        }

        if (token.StartsWith("<emoji:"))
        {
            return new ContentPiece.Face(token["<emoji:".Length..^1].ToString());
        }

        if (token.StartsWith("<faceType="))
        {
            return FaceIdOf(token) is { } id ? new ContentPiece.Face(id) : null;
        }

        return new ContentPiece.MentionEveryone();
    }

    /// <summary>The digits after the first <c>faceId=</c> (quoted or not) that has any.</summary>
    private static string? FaceIdOf(ReadOnlySpan<char> face)
    {
        const string Key = "faceId=";
        while (face.IndexOf(Key) is var at and >= 0)
        {
            face = face[(at + Key.Length)..];
            var value = face.StartsWith('"') ? face[1..] : face;
            var end = value.IndexOfAnyExceptInRange('0', '9');
            var digits = end < 0 ? value : value[..end];
            if (!digits.IsEmpty)
            {
                return digits.ToString();
            }
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

    [GeneratedRegex("""<@!?[0-9A-Za-z_-]+>|<qqbot-at-user\s+id="[^"]*"\s*/>|@everyone|<qqbot-at-everyone\s*/>|<emoji:\d+>|<faceType=[^>]*>""")]
    private static partial Regex Token();
}
