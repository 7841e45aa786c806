namespace Wgig.Translate.Domain.Memory;

/// <summary>
/// The words a fuzzy search looks its candidates up by (pigeonhole filtering, as set-similarity joins do): a match scoring
/// s % or more shares, in order, at least s % of the longer text's units (<see cref="MatchScoring"/>: the score is the
/// share of units left after the edit distance), hence at least ⌈s·m/100⌉ of the segment's own m units, and misses at
/// most u = m − ⌈s·m/100⌉ of them. Split the segment's words into u + 1 groups: a match misses a unit of at most u of
/// them, so it holds every word of one group. Each group gets one of the u + 1 rarest words and the commoner ones go
/// where they narrow most, so each group is found through short index entries and few entries hold a whole one.
/// </summary>
public static class FuzzyAnchors
{
    /// <summary>
    /// How many entries the groups may be estimated to hold together: the rarest groups are kept up to it, the commoner left
    /// out. In a segment made mostly of common words, marks and placeholders ("%s: %s"), thousands of entries share such a
    /// group, and reading them all would hold up the editor. Matches that hold only a group left out are not offered.
    /// </summary>
    public const double MaxEntries = 3_000;

    /// <summary>
    /// Sets of words (keys as <see cref="MemoryEntry.SourceWords"/> holds them) such that every match of
    /// <paramref name="minimumScore"/> or more holds all the words of one set (but for the sets left out as too common, and
    /// matches sharing only marks with a segment of more marks than words); null when the segment has no words or every set
    /// is too common, where only a search of every entry's trigrams will do.
    /// </summary>
    public static List<string[]>? For(string plain, int minimumScore, WordFrequencies frequencies)
    {
        var (units, words) = MatchScoring.WordsOf(plain);
        var rarest = words.OrderBy(frequencies.ShareOf).ThenByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).ToList();
        // A segment of more marks than words ("[<path>...]") has fewer words than groups: each word is a group of its own, and
        // a match holding none of them (sharing only marks) is not offered.
        var count = Math.Min(units - ((minimumScore * units) + 99) / 100 + 1, rarest.Distinct(StringComparer.Ordinal).Count());
        var groups = rarest.Distinct(StringComparer.Ordinal).Take(count).Select(w => (Words: new List<string> { w }, Share: (double)frequencies.ShareOf(w))).ToList();
        // Each commoner word joins the group most entries would hold, if it is not in it yet (a group's share is estimated as
        // the product of its words' shares).
        foreach (var word in rarest.Distinct(StringComparer.Ordinal).Skip(count))
        {
            var widest = Enumerable.Range(0, groups.Count).Where(i => !groups[i].Words.Contains(word))
                .OrderByDescending(i => groups[i].Share).ThenBy(i => groups[i].Words.Count).ThenByDescending(i => i).FirstOrDefault(-1);
            if (widest >= 0)
            {
                groups[widest] = (groups[widest].Words.Append(word).ToList(), groups[widest].Share * frequencies.ShareOf(word));
            }
        }
        var kept = new List<string[]>();
        var entries = 0.0;
        foreach (var (group, share) in groups.OrderBy(g => g.Share))
        {
            entries += share * frequencies.Entries;
            if (entries > MaxEntries)
            {
                break;
            }
            kept.Add([.. group]);
        }
        return kept.Count > 0 ? kept : null;
    }
}
