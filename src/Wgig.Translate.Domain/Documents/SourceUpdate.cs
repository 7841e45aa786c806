using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Documents;

public enum SegmentMatch
{
    Unchanged,
    Changed,
    Added,
}

/// <summary>How a new version's sentences relate to the segments a document already has.</summary>
public sealed record SourceUpdatePlan(
    IReadOnlyList<(SegmentDraft Draft, SegmentMatch Match, Segment? Existing)> Incoming,
    IReadOnlyList<Segment> Retired);

/// <summary>
/// Matches a new version against the old one. Identical sentences (text and codes) keep their segment
/// wherever they moved. Among what is left, a new sentence takes the place of the most similar old one
/// between the same unchanged neighbours, if they share at least half their words: it is that segment
/// with an edited source. Everything else is new, or retired.
/// </summary>
public static class SourceUpdate
{
    public const double ChangedThreshold = 0.5;

    public static SourceUpdatePlan Plan(IReadOnlyList<Segment> existing, IReadOnlyList<SegmentDraft> incoming)
    {
        var active = existing.Where(s => !s.IsRetired).OrderBy(s => s.Ordinal).ToList();
        var retired = existing.Where(s => s.IsRetired).ToList();
        var matched = new Segment?[incoming.Count];
        var kinds = new SegmentMatch[incoming.Count];
        var taken = new HashSet<Segment>(ReferenceEqualityComparer.Instance);

        // Exact: the active segments first (in order, so repeated sentences pair up in order), then the
        // retired ones, which a sentence restored in a later version brings back with their history.
        var bySignature = active.Concat(retired)
            .GroupBy(s => s.Content.Signature())
            .ToDictionary(g => g.Key, g => new Queue<Segment>(g));
        for (var i = 0; i < incoming.Count; i++)
        {
            if (bySignature.TryGetValue(incoming[i].Signature, out var queue) && queue.TryDequeue(out var same))
            {
                matched[i] = same;
                kinds[i] = SegmentMatch.Unchanged;
                taken.Add(same);
            }
        }

        var position = new Dictionary<Segment, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < active.Count; i++)
        {
            position[active[i]] = i;
        }
        for (var i = 0; i < incoming.Count; i++)
        {
            if (matched[i] is not null)
            {
                continue;
            }
            var (low, high) = Neighbours(matched, position, i, active.Count);
            var best = active.Skip(low).Take(high - low)
                .Where(s => !taken.Contains(s))
                .Select(s => (Segment: s, Similarity: Similarity(s.Content.PlainText, incoming[i].Content.PlainText)))
                .Where(c => c.Similarity >= ChangedThreshold)
                .OrderByDescending(c => c.Similarity)
                .FirstOrDefault();
            if (best.Segment is not null)
            {
                matched[i] = best.Segment;
                kinds[i] = SegmentMatch.Changed;
                taken.Add(best.Segment);
            }
            else
            {
                kinds[i] = SegmentMatch.Added;
            }
        }

        return new SourceUpdatePlan(
            [.. incoming.Select((draft, i) => (draft, kinds[i], matched[i]))],
            [.. active.Where(s => !taken.Contains(s))]);
    }

    // The old positions between which sentence i may have been edited: after the last active segment
    // matched before it and before the next one matched after it.
    private static (int Low, int High) Neighbours(Segment?[] matched, Dictionary<Segment, int> position, int i, int count)
    {
        var low = 0;
        for (var j = i - 1; j >= 0; j--)
        {
            if (matched[j] is { } before && position.TryGetValue(before, out var at))
            {
                low = at + 1;
                break;
            }
        }
        var high = count;
        for (var j = i + 1; j < matched.Length; j++)
        {
            if (matched[j] is { } after && position.TryGetValue(after, out var at))
            {
                high = at;
                break;
            }
        }
        return low <= high ? (low, high) : (0, count);
    }

    /// <summary>Dice coefficient of the two texts' words, ignoring case: 1 for the same words, 0 for none shared.</summary>
    public static double Similarity(string a, string b)
    {
        var wordsA = Words(a);
        var wordsB = Words(b);
        if (wordsA.Count + wordsB.Count == 0)
        {
            return 1;
        }
        var shared = 0;
        var remaining = wordsB.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        foreach (var word in wordsA)
        {
            if (remaining.TryGetValue(word, out var left) && left > 0)
            {
                remaining[word] = left - 1;
                shared++;
            }
        }
        return 2.0 * shared / (wordsA.Count + wordsB.Count);
    }

    private static List<string> Words(string text) =>
        [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', ';', ':', '(', ')', '“', '”', '"').ToLowerInvariant())];
}
