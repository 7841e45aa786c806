using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Credits;

/// <summary>What one person did for a document in one language, from the history of its translations.</summary>
/// <param name="Translated">Segments they handed in a translation for.</param>
/// <param name="TranslatedWords">The source words of those segments.</param>
/// <param name="Reviewed">Segments they approved, rejected or corrected.</param>
/// <param name="Edited">Of those, the ones they corrected while approving.</param>
public sealed record Contributor(Guid AccountId, string DisplayName, int Translated, int TranslatedWords, int Reviewed, int Edited,
    DateTimeOffset FirstContribution, DateTimeOffset LastContribution);

public sealed record DocumentCredits(Guid DocumentId, string Language, IReadOnlyList<Contributor> Translators, IReadOnlyList<Contributor> Reviewers);

/// <summary>
/// The contributor credits of a document × language: everyone who translated or reviewed any of its
/// segments, counted from the audit trail (so a translation later replaced still credits its author).
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
            where s.DocumentId == documentId && t.Language == target && e.ActorId != null
                && (e.Kind == TargetEventKind.Submitted || Reviews.Contains(e.Kind))
            select new { Actor = e.ActorId!.Value, e.Kind, e.TargetId, s.WordCount, e.At })
            .AsNoTracking().ToListAsync(cancellationToken);
        var actors = events.Select(e => e.Actor).Distinct().ToList();
        var names = await db.Users.Where(a => actors.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);

        var contributors = events.GroupBy(e => e.Actor).Select(g =>
        {
            var translated = g.Where(e => e.Kind == TargetEventKind.Submitted).DistinctBy(e => e.TargetId).ToList();
            var reviewed = g.Where(e => Reviews.Contains(e.Kind)).DistinctBy(e => e.TargetId).ToList();
            return new Contributor(g.Key, names.GetValueOrDefault(g.Key, ""), translated.Count, translated.Sum(e => e.WordCount), reviewed.Count,
                g.Where(e => e.Kind == TargetEventKind.EditedAndApproved).Select(e => e.TargetId).Distinct().Count(), g.Min(e => e.At), g.Max(e => e.At));
        }).ToList();
        return new DocumentCredits(documentId, target,
            [.. contributors.Where(c => c.Translated > 0).OrderByDescending(c => c.TranslatedWords).ThenBy(c => c.DisplayName, StringComparer.Ordinal)],
            [.. contributors.Where(c => c.Reviewed > 0).OrderByDescending(c => c.Reviewed).ThenBy(c => c.DisplayName, StringComparer.Ordinal)]);
    }
}
