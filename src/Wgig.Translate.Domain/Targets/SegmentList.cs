using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Targets;

/// <summary>Which segments of a document × language a translator wants to see.</summary>
public enum SegmentFilter
{
    All,

    /// <summary>Under the viewer's live claim.</summary>
    Mine,
    Untranslated,
    NeedsUpdate,
    Rejected,

    /// <summary>Handed in, waiting for review.</summary>
    Translated,
    Approved,
}

/// <param name="Search">Text to find in the source or the translation, case-insensitively.</param>
/// <param name="State">Only segments whose target is stored in this state (Claimed included; Untranslated: none yet), beside the filter.</param>
/// <param name="Involved">Only segments the viewer has claimed, translated, or holds in a review batch.</param>
public sealed record SegmentListQuery(SegmentFilter Filter = SegmentFilter.All, string? Search = null, int Page = 1, int PageSize = SegmentListQuery.DefaultPageSize,
    TargetState? State = null, bool Involved = false)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxSearchLength = 200;

    public InvalidInputError? Validate()
    {
        var errors = new ValidationErrors();
        if (!Enum.IsDefined(Filter))
        {
            errors.Add("filter", $"The filter is one of {string.Join(", ", Enum.GetNames<SegmentFilter>())}.");
        }
        if (Page < 1)
        {
            errors.Add("page", "Pages are numbered from 1.");
        }
        if (PageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"A page holds 1 to {MaxPageSize} segments.");
        }
        if (State is { } state && !Enum.IsDefined(state))
        {
            errors.Add("state", $"state must be one of {string.Join(", ", Enum.GetNames<TargetState>())}.");
        }
        if (Search?.Length > MaxSearchLength)
        {
            errors.Add("q", $"Search for at most {MaxSearchLength} characters.");
        }
        return errors.Any ? errors.ToError("The segment list request is not valid.") : null;
    }
}

/// <summary>A current segment with its target in the language (none: nobody touched it yet).</summary>
public sealed record ListedSegment(Segment Segment, Target? Target)
{
    /// <summary>The workflow state a filter sees: a claimed segment counts as what it was before the claim.</summary>
    public TargetState State => EffectiveState(Target);

    public static TargetState EffectiveState(Target? target) => target is null ? TargetState.Untranslated
        : target.State == TargetState.Claimed ? target.StateBeforeClaim ?? TargetState.Untranslated
        : target.State;
}

/// <summary>How many current segments each filter holds (the whole document, whatever the search).</summary>
public sealed record SegmentCounts(int All, int Mine, int Untranslated, int NeedsUpdate, int Rejected, int Translated, int Approved)
{
    public int this[SegmentFilter filter] => filter switch
    {
        SegmentFilter.Mine => Mine,
        SegmentFilter.Untranslated => Untranslated,
        SegmentFilter.NeedsUpdate => NeedsUpdate,
        SegmentFilter.Rejected => Rejected,
        SegmentFilter.Translated => Translated,
        SegmentFilter.Approved => Approved,
        _ => All,
    };
}

public sealed record SegmentPage(IReadOnlyList<ListedSegment> Items, int Page, int PageSize, int Total, SegmentCounts Counts)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The current segments of a document in one language, in document order, with their targets: filtered
/// by state or by the viewer's claim, searched in source and translation, a page at a time. The editor
/// and the JSON segment list read it.
/// </summary>
public static class SegmentList
{
    public static async Task<SegmentPage> ReadAsync(TranslationDb db, DocumentLanguage place, Guid viewer, SegmentListQuery query, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var counts = await CountAsync(Rows(db, place), viewer, now, cancellationToken);
        var filtered = Selected(db, place, viewer, query, now);
        // Without a search (or a state or involvement beside the filter) the counts already say how many the filter holds.
        var total = query is { Search: null, State: null, Involved: false } ? counts[query.Filter] : await filtered.CountAsync(cancellationToken);
        var page = await filtered.OrderBy(r => r.Segment.Ordinal)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new SegmentPage([.. page.Select(r => new ListedSegment(r.Segment, r.Target))], query.Page, query.PageSize, total, counts);
    }

    /// <summary>The page a segment is on in a list (1 when the filter leaves it out).</summary>
    public static async Task<int> PageOfAsync(TranslationDb db, DocumentLanguage place, Guid viewer, SegmentListQuery query, Guid segmentId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var rows = Selected(db, place, viewer, query, now);
        // One statement: how many rows of the list come before the segment, or nothing when the list leaves it out.
        var before = await rows.Where(r => r.Segment.Id == segmentId)
            .Select(r => (int?)rows.Count(other => other.Segment.Ordinal < r.Segment.Ordinal))
            .SingleOrDefaultAsync(cancellationToken);
        return (before ?? 0) / query.PageSize + 1;
    }

    /// <summary>The next segment after one (in document order) that the volunteer holds under a live claim, if any.</summary>
    public static Task<Guid?> NextMineAsync(TranslationDb db, DocumentLanguage place, Guid viewer, int afterOrdinal, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        Filter(Rows(db, place), SegmentFilter.Mine, viewer, now).Where(r => r.Segment.Ordinal > afterOrdinal)
            .OrderBy(r => r.Segment.Ordinal).Select(r => (Guid?)r.Segment.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The segments just before and after one, for context: the paragraph around a sentence.</summary>
    public static async Task<(Segment? Before, Segment? After)> NeighboursAsync(TranslationDb db, Segment segment, CancellationToken cancellationToken)
    {
        var around = await db.Segments.AsNoTracking()
            .Where(s => s.DocumentId == segment.DocumentId && s.RetiredInVersion == null && (s.Ordinal == segment.Ordinal - 1 || s.Ordinal == segment.Ordinal + 1))
            .ToListAsync(cancellationToken);
        return (around.SingleOrDefault(s => s.Ordinal < segment.Ordinal), around.SingleOrDefault(s => s.Ordinal > segment.Ordinal));
    }

    // The rows a query selects: its filter, and its search in source and translation.
    private static IQueryable<Row> Selected(TranslationDb db, DocumentLanguage place, Guid viewer, SegmentListQuery query, DateTimeOffset now)
    {
        var rows = Filter(Rows(db, place), query.Filter, viewer, now);
        if (query.State is { } state)
        {
            rows = state == TargetState.Untranslated
                ? rows.Where(r => r.Target == null || r.Target.State == TargetState.Untranslated)
                : rows.Where(r => r.Target != null && r.Target.State == state);
        }
        if (query.Involved)
        {
            rows = rows.Where(r => r.Target != null && (r.Target.ClaimedBy == viewer || r.Target.TranslatorId == viewer || r.Target.ReviewClaimedBy == viewer));
        }
        if (string.IsNullOrWhiteSpace(query.Search))
        {
            return rows;
        }
        var pattern = "%" + Escape(query.Search.Trim()) + "%";
        return rows.Where(r => EF.Functions.ILike(r.Segment.Source, pattern, "\\")
            || r.Target != null && r.Target.Text != null && EF.Functions.ILike(r.Target.Text, pattern, "\\"));
    }

    private sealed class Row
    {
        public required Segment Segment { get; init; }

        public Target? Target { get; init; }
    }

    private static IQueryable<Row> Rows(TranslationDb db, DocumentLanguage place)
    {
        var language = place.Language;
        return from s in db.Segments.AsNoTracking()
               where s.DocumentId == place.Document.Id && s.RetiredInVersion == null
               join t in db.Targets.AsNoTracking().Where(t => t.Language == language) on s.Id equals t.SegmentId into targets
               from t in targets.DefaultIfEmpty()
               select new Row { Segment = s, Target = t };
    }

    private static IQueryable<Row> Filter(IQueryable<Row> rows, SegmentFilter filter, Guid viewer, DateTimeOffset now) => filter switch
    {
        SegmentFilter.Mine => rows.Where(r => r.Target != null && r.Target.State == TargetState.Claimed && r.Target.ClaimedBy == viewer && r.Target.Lease!.ExpiresAt > now),
        SegmentFilter.Untranslated => InState(rows, TargetState.Untranslated),
        SegmentFilter.NeedsUpdate => InState(rows, TargetState.NeedsUpdate),
        SegmentFilter.Rejected => InState(rows, TargetState.Rejected),
        SegmentFilter.Translated => InState(rows, TargetState.Translated),
        SegmentFilter.Approved => InState(rows, TargetState.Approved),
        _ => rows,
    };

    // The same reading as ListedSegment.EffectiveState, for the database.
    private static IQueryable<Row> InState(IQueryable<Row> rows, TargetState state) => rows.Where(r =>
        (r.Target == null ? TargetState.Untranslated
            : r.Target.State == TargetState.Claimed ? r.Target.StateBeforeClaim ?? TargetState.Untranslated
            : r.Target.State) == state);

    // One statement for every filter's count: per state, and of those, the viewer's under a live claim.
    private static async Task<SegmentCounts> CountAsync(IQueryable<Row> rows, Guid viewer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byState = await rows
            .GroupBy(r => r.Target == null ? TargetState.Untranslated
                : r.Target.State == TargetState.Claimed ? r.Target.StateBeforeClaim ?? TargetState.Untranslated
                : r.Target.State)
            .Select(g => new
            {
                State = g.Key,
                Count = g.Count(),
                Mine = g.Count(r => r.Target != null && r.Target.State == TargetState.Claimed && r.Target.ClaimedBy == viewer && r.Target.Lease!.ExpiresAt > now),
            })
            .ToListAsync(cancellationToken);
        int Of(TargetState state) => byState.Where(g => g.State == state).Sum(g => g.Count);
        return new SegmentCounts(byState.Sum(g => g.Count), byState.Sum(g => g.Mine), Of(TargetState.Untranslated), Of(TargetState.NeedsUpdate),
            Of(TargetState.Rejected), Of(TargetState.Translated), Of(TargetState.Approved));
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
