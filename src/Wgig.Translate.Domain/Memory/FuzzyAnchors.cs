namespace Wgig.Translate.Domain.Memory;

/// <summary>
/// The words a fuzzy search looks its candidates up by (prefix filtering, as set-similarity joins do): a match scoring
/// s % or more shares, in order, at least s % of the longer text's units (<see cref="MatchScoring"/>: the score is the
/// share of units left after the edit distance), hence at least ⌈s·m/100⌉ of the segment's own m units. So any
/// m − ⌈s·m/100⌉ + 1 of the segment's units include one that every such match holds: taking the rarest words for
/// them finds every match through short index entries, and no match is lost.
/// </summary>
public static class FuzzyAnchors
{
    /// <summary>
    /// The words (keys as <see cref="MemoryEntry.SourceWords"/> holds them) every match of <paramref name="minimumScore"/> or
    /// more holds one of, rarest first by <paramref name="frequencies"/> (unlisted words are the rarest, longer ones first);
    /// null when the segment has too few words for it (mostly punctuation), where only a search of every entry will do.
    /// </summary>
    public static string[]? For(string plain, int minimumScore, IReadOnlyDictionary<string, float> frequencies)
    {
        var (units, words) = MatchScoring.WordsOf(plain);
        var needed = units - ((minimumScore * units) + 99) / 100 + 1;
        if (units == 0 || needed > words.Count)
        {
            return null;
        }
        return [.. words.OrderBy(w => frequencies.GetValueOrDefault(w)).ThenByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)
            .Take(needed).Distinct(StringComparer.Ordinal)];
    }
}
