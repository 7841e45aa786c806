using System.Globalization;
using System.Text;

namespace Wgig.Translate.Domain.Segmentation;

public enum DiffOperation
{
    Same,
    Removed,
    Added,
}

/// <summary>A run of text that stayed, went or came.</summary>
public sealed record DiffPiece(DiffOperation Operation, string Text);

/// <summary>
/// A word-level comparison of two texts, for reviewers: what a translation changed since its previous
/// version, what an edited source changed. Words, runs of white space, punctuation marks and inline code
/// markers are the units; in scripts written without spaces (Chinese, Japanese) each character is one,
/// so a changed character is shown as such rather than the whole sentence.
/// </summary>
public static class WordDiff
{
    // Beyond this many token pairs the longest common subsequence costs more than it tells: show a replacement.
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffPiece> Compare(string before, string after)
    {
        var a = Tokens(before);
        var b = Tokens(after);
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        var pieces = new List<DiffPiece>();
        Add(pieces, DiffOperation.Same, a.Take(prefix));
        var middleA = a.Skip(prefix).Take(a.Count - prefix - suffix).ToList();
        var middleB = b.Skip(prefix).Take(b.Count - prefix - suffix).ToList();
        if ((long)middleA.Count * middleB.Count > MaxCells)
        {
            Add(pieces, DiffOperation.Removed, middleA);
            Add(pieces, DiffOperation.Added, middleB);
        }
        else
        {
            foreach (var (operation, token) in Align(middleA, middleB))
            {
                Add(pieces, operation, [token]);
            }
        }
        Add(pieces, DiffOperation.Same, a.Skip(a.Count - suffix));
        return Tidy(pieces);
    }

    // A space kept between two changes reads as noise ("[-va][+est] [+transmis]"): it joins the change on both
    // sides, and each run of changes shows what went, then what came.
    private static List<DiffPiece> Tidy(List<DiffPiece> pieces)
    {
        var tidy = new List<DiffPiece>(pieces.Count);
        for (var i = 0; i < pieces.Count;)
        {
            if (pieces[i].Operation == DiffOperation.Same)
            {
                tidy.Add(pieces[i++]);
                continue;
            }
            var removed = new StringBuilder();
            var added = new StringBuilder();
            for (; i < pieces.Count; i++)
            {
                var piece = pieces[i];
                if (piece.Operation == DiffOperation.Removed)
                {
                    removed.Append(piece.Text);
                }
                else if (piece.Operation == DiffOperation.Added)
                {
                    added.Append(piece.Text);
                }
                else if (string.IsNullOrWhiteSpace(piece.Text) && i + 1 < pieces.Count && pieces[i + 1].Operation != DiffOperation.Same)
                {
                    removed.Append(piece.Text);
                    added.Append(piece.Text);
                }
                else
                {
                    break;
                }
            }
            if (removed.Length > 0)
            {
                tidy.Add(new DiffPiece(DiffOperation.Removed, removed.ToString()));
            }
            if (added.Length > 0)
            {
                tidy.Add(new DiffPiece(DiffOperation.Added, added.ToString()));
            }
        }
        return tidy;
    }

    /// <summary>Whether anything but white space changed.</summary>
    public static bool Changed(IReadOnlyList<DiffPiece> pieces) =>
        pieces.Any(p => p.Operation != DiffOperation.Same && !string.IsNullOrWhiteSpace(p.Text));

    internal static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var kind = KindAt(text, i);
            i += char.IsSurrogatePair(text, i) ? 2 : 1;
            if (kind is TokenKind.Word or TokenKind.Space)
            {
                while (i < text.Length && KindAt(text, i) == kind)
                {
                    i += char.IsSurrogatePair(text, i) ? 2 : 1;
                }
            }
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    private enum TokenKind
    {
        Word,
        Space,
        Single,
    }

    private static TokenKind KindAt(string text, int index)
    {
        var c = text[index];
        if (SegmentContent.IsMarker(c))
        {
            return TokenKind.Single;
        }
        if (char.IsWhiteSpace(c))
        {
            return TokenKind.Space;
        }
        var rune = Rune.GetRuneAt(text, index);
        if (IsUnspacedScript(rune.Value))
        {
            return TokenKind.Single;
        }
        var category = Rune.GetUnicodeCategory(rune);
        return char.IsLetterOrDigit(text, index) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            || c is '\'' or '’' or '-' && index > 0 && char.IsLetter(text[index - 1])
            ? TokenKind.Word
            : TokenKind.Single;
    }

    // Han, kana, Thai and the like are written without spaces between words: one character, one unit.
    private static bool IsUnspacedScript(int codePoint) =>
        codePoint is >= 0x2E80 and <= 0x9FFF or >= 0xAC00 and <= 0xD7AF or >= 0xF900 and <= 0xFAFF or >= 0x0E00 and <= 0x0EFF
            or >= 0x20000 and <= 0x3FFFF or >= 0xFF00 and <= 0xFFEF;

    // The longest common subsequence of the two token lists, as a script of steps.
    private static List<(DiffOperation, string)> Align(List<string> a, List<string> b)
    {
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }
        var steps = new List<(DiffOperation, string)>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                steps.Add((DiffOperation.Same, a[x]));
                x++;
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                steps.Add((DiffOperation.Removed, a[x++]));
            }
            else
            {
                steps.Add((DiffOperation.Added, b[y++]));
            }
        }
        steps.AddRange(a.Skip(x).Select(t => (DiffOperation.Removed, t)));
        steps.AddRange(b.Skip(y).Select(t => (DiffOperation.Added, t)));
        return steps;
    }

    private static void Add(List<DiffPiece> pieces, DiffOperation operation, IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
        {
            if (pieces.Count > 0 && pieces[^1].Operation == operation)
            {
                pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + token };
            }
            else
            {
                pieces.Add(new DiffPiece(operation, token));
            }
        }
    }
}
