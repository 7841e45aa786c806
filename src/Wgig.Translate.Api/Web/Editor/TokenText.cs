using System.Globalization;
using System.Text;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Api.Web.Editor;

/// <summary>Why a target's text cannot be taken as it is, and where.</summary>
public enum TokenProblem
{
    /// <summary>A ⟦ without its ⟧, or something inside that is no code.</summary>
    Broken,

    /// <summary>A code the source does not have.</summary>
    Unknown,

    /// <summary>The same code twice.</summary>
    Repeated,

    /// <summary>A span's end before its start, or two spans crossing.</summary>
    Misnested,
}

public sealed record TokenError(TokenProblem Problem, string Token);

/// <summary>
/// The text a translator edits, with each inline code as a token: <c>⟦1⟧</c> opens span 1 (a link, bold…),
/// <c>⟦/1⟧</c> closes it, <c>⟦2/⟧</c> is a placeholder. This is what the target field holds when no script
/// runs (the script shows the same tokens as atomic pills); it turns into coded text whose codes are the
/// source's, and nothing else: a token the source lacks, a broken or repeated one, or spans that cross are
/// refused. Codes left out are allowed only when the translator says so.
/// </summary>
public static class TokenText
{
    public const char Start = '⟦';
    public const char End = '⟧';

    public static string Format(SegmentContent content)
    {
        var text = new StringBuilder(content.CodedText.Length + content.Codes.Count * 4);
        foreach (var c in content.CodedText)
        {
            text.Append(SegmentContent.IsMarker(c) ? Token(content.CodeAt(c)) : c.ToString());
        }
        return text.ToString();
    }

    public static string Token(InlineCode code) => code.Kind switch
    {
        CodeKind.Open => $"{Start}{code.Id}{End}",
        CodeKind.Close => $"{Start}/{code.Id}{End}",
        _ => $"{Start}{code.Id}/{End}",
    };

    /// <summary>The typed text as coded text on the source's codes, or the first problem found.</summary>
    public static (SegmentContent? Content, TokenError? Error) Parse(string? typed, SegmentContent source)
    {
        var text = (typed ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        var coded = new StringBuilder(text.Length);
        var used = new HashSet<int>();
        var open = new Stack<int>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == End)
            {
                return (null, new TokenError(TokenProblem.Broken, End.ToString()));
            }
            if (c != Start)
            {
                // Private-use characters are how codes are stored: typed ones are dropped, never taken as codes.
                if (!SegmentContent.IsMarker(c))
                {
                    coded.Append(c);
                }
                i++;
                continue;
            }
            var close = text.IndexOf(End, i + 1);
            var inner = close < 0 ? null : text[(i + 1)..close];
            if (inner is null || Read(inner) is not { } token)
            {
                return (null, new TokenError(TokenProblem.Broken, close < 0 ? text[i..Math.Min(text.Length, i + 6)] : text[i..(close + 1)]));
            }
            var spelled = text[i..(close + 1)];
            var index = source.Codes.ToList().FindIndex(code => code.Id == token.Id && code.Kind == token.Kind);
            if (index < 0)
            {
                return (null, new TokenError(TokenProblem.Unknown, spelled));
            }
            if (!used.Add(index))
            {
                return (null, new TokenError(TokenProblem.Repeated, spelled));
            }
            if (token.Kind == CodeKind.Open)
            {
                open.Push(token.Id);
            }
            else if (token.Kind == CodeKind.Close && source.Codes.Any(code => code.Id == token.Id && code.Kind == CodeKind.Open))
            {
                // A span ends where it was opened last: before its start, or across another span, the markup would break.
                if (open.Count == 0 || open.Peek() != token.Id)
                {
                    return (null, new TokenError(TokenProblem.Misnested, spelled));
                }
                open.Pop();
            }
            coded.Append(SegmentContent.MarkerFor(index));
            i = close + 1;
        }
        // A span opened and not closed crosses the end of the segment: its close is missing, which Missing reports.
        return (new SegmentContent(coded.ToString(), source.Codes), null);
    }

    /// <summary>The source's codes the translation leaves out.</summary>
    public static IReadOnlyList<InlineCode> Missing(SegmentContent translation, SegmentContent source)
    {
        var present = translation.CodedText.Where(SegmentContent.IsMarker).Select(m => m - SegmentContent.FirstMarker).ToHashSet();
        return [.. source.Codes.Where((_, index) => !present.Contains(index))];
    }

    private static (int Id, CodeKind Kind)? Read(string inner)
    {
        var kind = inner.StartsWith('/') ? CodeKind.Close : inner.EndsWith('/') ? CodeKind.Standalone : CodeKind.Open;
        var digits = inner.Trim('/');
        return digits.Length is > 0 and <= 6 && digits.All(char.IsAsciiDigit) && inner.Count(ch => ch == '/') <= 1
            ? (int.Parse(digits, CultureInfo.InvariantCulture), kind)
            : null;
    }
}
