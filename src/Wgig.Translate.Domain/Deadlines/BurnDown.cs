using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Deadlines;

/// <summary>The words of a document × language still to approve at one moment.</summary>
public sealed record BurnDownPoint(DateTimeOffset At, int RemainingWords);

/// <summary>A document × language's burn-down: words still to approve over time against the straight line to its deadline.</summary>
/// <param name="Start">Where the chart begins: when the deadline was set (or, without one, when the document came).</param>
/// <param name="Actual">Words not approved at evenly spaced moments from the start to now (the last one is now).</param>
/// <param name="Ideal">From the words left at the start to none at the deadline; empty without a deadline.</param>
public sealed record BurnDownChart(Guid DocumentId, string Path, string Language, int TotalWords, DateTimeOffset Start, DateTimeOffset Now, DateTimeOffset? DueAt,
    ForecastStatus? Status, IReadOnlyList<BurnDownPoint> Actual, IReadOnlyList<BurnDownPoint> Ideal);

/// <summary>
/// Burn-down charts from the history already stored: each target's events say when it became approved and when it stopped
/// being so (a source change sends it back), so the words left at any moment are the current segments' words less those
/// approved then. No cache: one read of the document × language's events.
/// </summary>
public static class BurnDown
{
    public const int MaxPoints = 60;

    /// <summary>A segment became approved, or stopped being approved, at a moment.</summary>
    public sealed record Change(DateTimeOffset At, Guid SegmentId, bool Approved, int Words);

    /// <summary>The words left at evenly spaced moments from <paramref name="start"/> to <paramref name="now"/> (about one a day, at most <see cref="MaxPoints"/>).</summary>
    public static IReadOnlyList<BurnDownPoint> Actual(int totalWords, IEnumerable<Change> changes, DateTimeOffset start, DateTimeOffset now)
    {
        if (now <= start)
        {
            return [new BurnDownPoint(now, Remaining(totalWords, changes, now))];
        }
        var days = (now - start).TotalDays;
        var steps = Math.Clamp((int)Math.Ceiling(days), 1, MaxPoints - 1);
        var ordered = changes.OrderBy(c => c.At).ToList();
        var approved = new Dictionary<Guid, int>();
        var next = 0;
        var points = new List<BurnDownPoint>(steps + 1);
        for (var i = 0; i <= steps; i++)
        {
            var at = i == steps ? now : start + (now - start) * i / steps;
            for (; next < ordered.Count && ordered[next].At <= at; next++)
            {
                var change = ordered[next];
                if (change.Approved)
                {
                    approved[change.SegmentId] = change.Words;
                }
                else
                {
                    approved.Remove(change.SegmentId);
                }
            }
            points.Add(new BurnDownPoint(at, Math.Max(0, totalWords - approved.Values.Sum())));
        }
        return points;
    }

    /// <summary>The straight line from the words left at the start to none at the deadline.</summary>
    public static IReadOnlyList<BurnDownPoint> Ideal(int remainingAtStart, DateTimeOffset start, DateTimeOffset? due) =>
        due is { } end && end > start ? [new BurnDownPoint(start, remainingAtStart), new BurnDownPoint(end, 0)] : [];

    /// <summary>Where the ideal line stands at a moment (for the table beside the chart).</summary>
    public static int? IdealAt(IReadOnlyList<BurnDownPoint> ideal, DateTimeOffset at)
    {
        if (ideal.Count < 2)
        {
            return null;
        }
        var (from, to) = (ideal[0], ideal[^1]);
        if (at >= to.At)
        {
            return 0;
        }
        var share = Math.Max(0, (at - from.At) / (to.At - from.At));
        return (int)Math.Round(from.RemainingWords * (1 - share));
    }

    private static int Remaining(int totalWords, IEnumerable<Change> changes, DateTimeOffset at) =>
        Math.Max(0, totalWords - changes.Where(c => c.At <= at).GroupBy(c => c.SegmentId)
            .Select(g => g.OrderBy(c => c.At).Last()).Where(c => c.Approved).Sum(c => c.Words));

    /// <summary>The chart of one document × language, read from its targets' history.</summary>
    public static async Task<BurnDownChart> ReadAsync(TranslationDb db, DocumentLanguage place, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var documentId = place.Document.Id;
        var language = place.Language;
        var segments = db.Segments.Where(s => s.DocumentId == documentId && s.RetiredInVersion == null);
        var total = await segments.SumAsync(s => s.WordCount, cancellationToken);
        var events = await db.TargetEvents.AsNoTracking()
            .Join(db.Targets.Where(t => t.Language == language), e => e.TargetId, t => t.Id, (e, t) => new { e.At, e.Sequence, e.StateAfter, t.SegmentId })
            .Join(segments, x => x.SegmentId, s => s.Id, (x, s) => new { x.At, x.Sequence, x.StateAfter, x.SegmentId, s.WordCount })
            .OrderBy(x => x.At).ThenBy(x => x.Sequence)
            .ToListAsync(cancellationToken);
        // Only the moments a segment's approval changed count; the events in between (claims, drafts set aside) do not.
        var changes = new List<Change>();
        var wasApproved = new Dictionary<Guid, bool>();
        foreach (var e in events)
        {
            var approved = e.StateAfter == TargetState.Approved;
            if (wasApproved.GetValueOrDefault(e.SegmentId) != approved)
            {
                changes.Add(new Change(e.At, e.SegmentId, approved, e.WordCount));
                wasApproved[e.SegmentId] = approved;
            }
        }
        var deadline = await db.Deadlines.AsNoTracking().SingleOrDefaultAsync(d => d.DocumentId == documentId && d.Language == language, cancellationToken);
        var start = deadline?.SetAt ?? place.Document.CreatedAt;
        start = start < now ? start : now;
        var actual = Actual(total, changes, start, now);
        return new BurnDownChart(documentId, place.Document.Path, language, total, start, now, deadline?.DueAt, deadline?.Status, actual,
            Ideal(actual[0].RemainingWords, start, deadline?.DueAt));
    }
}
