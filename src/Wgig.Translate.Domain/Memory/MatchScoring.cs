using Wgig.Translate.Domain.Glossary;

namespace Wgig.Translate.Domain.Memory;

public enum DiffKind
{
    /// <summary>In both texts.</summary>
    Equal,

    /// <summary>In the current source, not in the match's source.</summary>
    Inserted,

    /// <summary>In the match's source, not in the current one.</summary>
    Deleted,
}

/// <summary>A run of a diff, with the spacing of the text it comes from.</summary>
public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>
/// Word-level edit distance between two sentences (words and punctuation marks are the units; case is
/// ignored for the distance and costs one point of score), as a percentage score and as a diff, for the
/// re-ranking of fuzzy memory matches after the trigram search has found the candidates.
/// </summary>
public static class MatchScoring
{
    private readonly record struct Unit(string Key, string Text);

    /// <summary>Score 0–100 of <paramref name="match"/> against <paramref name="current"/>: 100 only when the texts are the same.</summary>
    public static (int Score, IReadOnlyList<DiffPart> Diff) Compare(string current, string match)
    {
        var a = Units(match);
        var b = Units(current);
        int n = a.Count, m = b.Count;
        var d = new int[n + 1, m + 1];
        for (var i = 0; i <= n; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= m; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= n; i++)
        {
            for (var j = 1; j <= m; j++)
            {
                var same = string.Equals(a[i - 1].Key, b[j - 1].Key, StringComparison.Ordinal);
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (same ? 0 : 1));
            }
        }
        var diff = Backtrace(a, b, d);
        var longest = Math.Max(Math.Max(n, m), 1);
        var score = (int)Math.Floor(100.0 * (longest - d[n, m]) / longest);
        if (score == 100 && !string.Equals(MemoryText.Normalize(current), MemoryText.Normalize(match), StringComparison.Ordinal))
        {
            score = 99; // the same words, differing in case or spacing
        }
        return (score, diff);
    }

    private static List<DiffPart> Backtrace(List<Unit> a, List<Unit> b, int[,] d)
    {
        var parts = new List<DiffPart>();
        int i = a.Count, j = b.Count;
        void Add(DiffKind kind, string text)
        {
            if (parts.Count > 0 && parts[^1].Kind == kind)
            {
                parts[^1] = parts[^1] with { Text = text + parts[^1].Text };
            }
            else
            {
                parts.Add(new DiffPart(kind, text));
            }
        }
        while (i > 0 || j > 0)
        {
            if (i > 0 && j > 0 && string.Equals(a[i - 1].Key, b[j - 1].Key, StringComparison.Ordinal) && d[i, j] == d[i - 1, j - 1])
            {
                Add(DiffKind.Equal, b[j - 1].Text);
                i--;
                j--;
            }
            else if (j > 0 && (i == 0 || d[i, j] == d[i, j - 1] + 1))
            {
                Add(DiffKind.Inserted, b[j - 1].Text);
                j--;
            }
            else if (i > 0 && j > 0 && d[i, j] == d[i - 1, j - 1] + 1)
            {
                // A substitution shows as the current word inserted and the match's deleted.
                Add(DiffKind.Inserted, b[j - 1].Text);
                Add(DiffKind.Deleted, a[i - 1].Text);
                i--;
                j--;
            }
            else
            {
                Add(DiffKind.Deleted, a[i - 1].Text);
                i--;
            }
        }
        parts.Reverse();
        return Grouped(parts);
    }

    // A run of changes reads as what went, then what came: "Geneva" deleted, "Tunis" inserted, not word by word in turns.
    private static List<DiffPart> Grouped(List<DiffPart> parts)
    {
        var grouped = new List<DiffPart>(parts.Count);
        var i = 0;
        while (i < parts.Count)
        {
            if (parts[i].Kind == DiffKind.Equal)
            {
                grouped.Add(parts[i++]);
                continue;
            }
            var deleted = new System.Text.StringBuilder();
            var inserted = new System.Text.StringBuilder();
            for (; i < parts.Count && parts[i].Kind != DiffKind.Equal; i++)
            {
                (parts[i].Kind == DiffKind.Deleted ? deleted : inserted).Append(parts[i].Text);
            }
            if (deleted.Length > 0)
            {
                grouped.Add(new DiffPart(DiffKind.Deleted, deleted.ToString()));
            }
            if (inserted.Length > 0)
            {
                grouped.Add(new DiffPart(DiffKind.Inserted, inserted.ToString()));
            }
        }
        return grouped;
    }

    /// <summary>
    /// How many units (words and punctuation marks) the score compares in a text, and the keys of its words: what
    /// the memory's word index holds (<see cref="MemoryEntry.SourceWords"/>) and a fuzzy search anchors on.
    /// </summary>
    public static (int Units, List<string> Words) WordsOf(string text)
    {
        var units = Units(text);
        return (units.Count, [.. units.Where(u => IsWord(u.Key)).Select(u => u.Key)]);
    }

    private static bool IsWord(string key) => key.Length > 0 && char.IsLetterOrDigit(key[0]);

    // Words and single punctuation marks, each carrying the white space that follows it in the text.
    private static List<Unit> Units(string text)
    {
        var units = new List<Unit>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                if (units.Count > 0)
                {
                    units[^1] = units[^1] with { Text = units[^1].Text + text[start..i] };
                }
                continue;
            }
            if (char.IsLetterOrDigit(text[i]))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.IsSurrogate(text[i]) || text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
                {
                    i++;
                    // Han and kana are one unit each, as they are one word each.
                    if (Checks.TextScan.IsCjk(text[i - 1]))
                    {
                        break;
                    }
                }
            }
            else
            {
                i++;
            }
            units.Add(new Unit(WordForms.Fold(text[start..i]), text[start..i]));
        }
        return units;
    }
}
