using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Credits;

/// <summary>What one person did for a document in one language, from the history of its translations.</summary>
/// <param name="Translated">Distinct segments of the current version they handed in a translation for.</param>
/// <param name="TranslatedWords">The source words of those segments, each counted once.</param>
/// <param name="Revisions">Further hand-ins of segments they had already handed in (after a rejection or a source change).</param>
/// <param name="Reviewed">Distinct segments they approved, rejected or corrected.</param>
/// <param name="ReviewedWords">The source words of those segments, each counted once.</param>
/// <param name="Edited">Of those, the segments they corrected while approving.</param>
/// <param name="ReviewRevisions">Further decisions on segments they had already reviewed.</param>
public sealed record Contributor(Guid AccountId, string DisplayName, int Translated, int TranslatedWords, int Revisions, int Reviewed, int ReviewedWords,
    int Edited, int ReviewRevisions, DateTimeOffset FirstContribution, DateTimeOffset LastContribution);

public sealed record DocumentCredits(Guid DocumentId, string Language, IReadOnlyList<Contributor> Translators, IReadOnlyList<Contributor> Reviewers);

/// <summary>
/// The contributor credits of a document × language: everyone who translated or reviewed any segment of its current
/// version, counted from the audit trail (so a translation later replaced still credits its author). Segments and words
/// are distinct per person and role, so nobody translates more segments than the paper has; doing a segment again is a revision.
/// </summary>
public static class ContributorCredits
{
    private static readonly TargetEventKind[] Reviews = [TargetEventKind.Approved, TargetEventKind.Rejected, TargetEventKind.EditedAndApproved];

    public static async Task<Result<DocumentCredits>> ForAsync(TranslationDb db, Guid projectId, Guid documentId, string? language,
        CancellationToken cancellationToken)
    {
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }
        var target = found.Value.Language;
        var events = await (
            from e in db.TargetEvents
            join t in db.Targets on e.TargetId equals t.Id
            join s in db.Segments on t.SegmentId equals s.Id
            where s.DocumentId == documentId && s.RetiredInVersion == null && t.Language == target && e.ActorId != null
                && (e.Kind == TargetEventKind.Submitted || Reviews.Contains(e.Kind))
            select new { Actor = e.ActorId!.Value, e.Kind, s.Id, s.WordCount, e.At })
            .AsNoTracking().ToListAsync(cancellationToken);
        var actors = events.Select(e => e.Actor).Distinct().ToList();
        var names = await db.Users.Where(a => actors.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);

        var contributors = events.GroupBy(e => e.Actor).Select(g =>
        {
            var handedIn = g.Where(e => e.Kind == TargetEventKind.Submitted).ToList();
            var translated = handedIn.DistinctBy(e => e.Id).ToList();
            var decisions = g.Where(e => Reviews.Contains(e.Kind)).ToList();
            var reviewed = decisions.DistinctBy(e => e.Id).ToList();
            return new Contributor(g.Key, names.GetValueOrDefault(g.Key, ""),
                translated.Count, translated.Sum(e => e.WordCount), handedIn.Count - translated.Count,
                reviewed.Count, reviewed.Sum(e => e.WordCount), decisions.Where(e => e.Kind == TargetEventKind.EditedAndApproved).DistinctBy(e => e.Id).Count(),
                decisions.Count - reviewed.Count, g.Min(e => e.At), g.Max(e => e.At));
        }).ToList();
        return new DocumentCredits(documentId, target,
            [.. contributors.Where(c => c.Translated > 0).OrderByDescending(c => c.TranslatedWords).ThenBy(c => c.DisplayName, StringComparer.Ordinal)],
            [.. contributors.Where(c => c.Reviewed > 0).OrderByDescending(c => c.ReviewedWords).ThenBy(c => c.DisplayName, StringComparer.Ordinal)]);
    }
}
