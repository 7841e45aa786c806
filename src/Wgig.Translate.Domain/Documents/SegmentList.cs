using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Documents;

/// <summary>Which segments of a document to list.</summary>
/// <param name="Language">The target language the other filters look at, and whose translation each segment is listed with.</param>
/// <param name="State">Only segments whose translation into <paramref name="Language"/> is in this state (Untranslated: none yet).</param>
/// <param name="Mine">Only segments the caller has claimed, translated, or holds in a review batch, in <paramref name="Language"/>.</param>
/// <param name="Text">Only segments whose source, or translation into <paramref name="Language"/>, contains this text (case ignored).</param>
public sealed record SegmentFilter(bool IncludeRetired = false, string? Language = null, TargetState? State = null, bool Mine = false, string? Text = null);

/// <summary>A segment as listed, with its translation into the filter's language when one was named.</summary>
public sealed record ListedSegment(Segment Segment, Target? Target);

/// <param name="Language">The filter's language, normalized; null when none was named.</param>
public sealed record SegmentPage(IReadOnlyList<ListedSegment> Items, int Total, string? Language);

/// <summary>A document's segments in order (retired ones after the current), filtered: the editor's list and the API's alike.</summary>
public static class SegmentList
{
    public const int MaxTextLength = 200;

    public static async Task<Result<SegmentPage>> ReadAsync(TranslationDb db, Guid documentId,
        SegmentFilter filter, Guid caller, int skip, int take, CancellationToken cancellationToken)
    {
        var checkedFilter = await CheckAsync(db, documentId, filter, cancellationToken);
        if (!checkedFilter.Succeeded)
        {
            return checkedFilter.Error;
        }
        var (language, text) = checkedFilter.Value;
        var rows = from s in db.Segments.AsNoTracking()
                   where s.DocumentId == documentId && (filter.IncludeRetired || s.RetiredInVersion == null)
                   join t in db.Targets.AsNoTracking().Where(t => t.Language == language) on s.Id equals t.SegmentId into ts
                   from t in ts.DefaultIfEmpty()
                   select new { Segment = s, Target = t };
        if (filter.State is { } state)
        {
            rows = state == TargetState.Untranslated
                ? rows.Where(r => r.Target == null || r.Target.State == TargetState.Untranslated)
                : rows.Where(r => r.Target != null && r.Target.State == state);
        }
        if (filter.Mine)
        {
            rows = rows.Where(r => r.Target != null && (r.Target.ClaimedBy == caller || r.Target.TranslatorId == caller || r.Target.ReviewClaimedBy == caller));
        }
        if (text is not null)
        {
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            rows = rows.Where(r => EF.Functions.ILike(r.Segment.Source, pattern, "\\")
                || (r.Target != null && r.Target.Text != null && EF.Functions.ILike(r.Target.Text, pattern, "\\")));
        }
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderBy(r => r.Segment.RetiredInVersion != null).ThenBy(r => r.Segment.Ordinal).ThenBy(r => r.Segment.Id)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new SegmentPage([.. page.Select(r => new ListedSegment(r.Segment, language is null ? null : r.Target))], total, language);
    }

    private static async Task<Result<(string? Language, string? Text)>> CheckAsync(TranslationDb db, Guid documentId, SegmentFilter filter,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        string? language = null;
        if (filter.Language is not null)
        {
            var targets = await db.Documents.Where(d => d.Id == documentId)
                .Join(db.Projects, d => d.ProjectId, p => p.Id, (d, p) => p.TargetLanguages).SingleAsync(cancellationToken);
            if (!LanguageTag.TryNormalize(filter.Language, out var tag, out _) || !targets.Contains(tag))
            {
                errors.Add("language", $"'{filter.Language}' is not one of the project's target languages ({string.Join(", ", targets)}).");
            }
            language = tag;
        }
        else if (filter.State is not null || filter.Mine)
        {
            errors.Add("language", "Filtering by state or by your own work needs a language, e.g. language=fr.");
        }
        if (filter.State is { } state && !Enum.IsDefined(state))
        {
            errors.Add("state", $"state must be one of {string.Join(", ", Enum.GetNames<TargetState>())}.");
        }
        var text = string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text.Trim();
        if (text?.Length > MaxTextLength)
        {
            errors.Add("q", $"A search is at most {MaxTextLength} characters.");
        }
        return errors.Any ? errors.ToError("Invalid segment filter") : (language, text);
    }
}
