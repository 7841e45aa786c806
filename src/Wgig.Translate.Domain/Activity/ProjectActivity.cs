using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Activity;

public enum ActivityKind
{
    /// <summary>A document came in, or a new version of one (upload or repository sync).</summary>
    Imported,
    Claimed,
    Submitted,
    Approved,
    Rejected,
    EditedAndApproved,

    /// <summary>A publication was requested; the entry says how it ended.</summary>
    Published,
}

/// <summary>One line of a project's feed: what happened, who did it, to which document and language, in words.</summary>
/// <param name="Count">How many segments it covered (workflow steps are grouped per person, document, language and hour).</param>
/// <param name="Warning">Set when people should know more: approved translations sent back to "needs update" by a new version.</param>
public sealed record ActivityEntry(DateTimeOffset At, ActivityKind Kind, Guid? ActorId, string? Actor, Guid? DocumentId, string? Path, string? Language,
    int Count, string Text, string? Warning = null);

/// <summary>
/// A project's activity feed, newest first, built from what is stored anyway: document versions (imports, with what they
/// did to translations), the history of targets (claims, submissions, reviews, grouped per person, document, language
/// and hour) and publications.
/// </summary>
public static class ProjectActivity
{
    private static readonly TargetEventKind[] Steps =
        [TargetEventKind.Claimed, TargetEventKind.Submitted, TargetEventKind.Approved, TargetEventKind.Rejected, TargetEventKind.EditedAndApproved];

    public static async Task<(IReadOnlyList<ActivityEntry> Items, int Total)> ReadAsync(TranslationDb db, Guid projectId, Guid? documentId, DateTimeOffset since,
        int skip, int take, CancellationToken cancellationToken)
    {
        var newest = skip + take;
        var imports = db.DocumentVersions.Join(db.Documents, v => v.DocumentId, d => d.Id, (v, d) => new { v, d })
            .Where(x => x.d.ProjectId == projectId && (documentId == null || x.d.Id == documentId) && x.v.ImportedAt >= since);
        var importCount = await imports.CountAsync(cancellationToken);
        var importRows = await imports.OrderByDescending(x => x.v.ImportedAt).Take(newest)
            .Select(x => new
            {
                x.v.ImportedAt, x.v.ImportedBy, Actor = db.Users.Where(a => a.Id == x.v.ImportedBy).Select(a => a.DisplayName).FirstOrDefault(),
                DocumentId = x.d.Id, x.d.Path, x.v.Number, x.v.Origin, x.v.CommitSha, x.v.SegmentCount, x.v.ChangedSegments, x.v.AddedSegments,
                x.v.RetiredSegments, x.v.ApprovedNeedingUpdate,
            })
            .ToListAsync(cancellationToken);

        string[] kinds = [.. Steps.Select(s => s.ToString())];
        FormattableString workflow = $"""
            SELECT date_trunc('hour', e.at) AS at, e.kind AS kind, e.actor_id AS actor_id, d.id AS document_id, d.path AS path, t.language AS language,
                   count(DISTINCT t.id)::int AS count
            FROM translate.target_events e
            JOIN translate.targets t ON t.id = e.target_id
            JOIN translate.segments s ON s.id = t.segment_id
            JOIN translate.documents d ON d.id = s.document_id
            WHERE d.project_id = {projectId} AND e.at >= {since} AND e.kind = ANY ({kinds}) AND e.actor_id IS NOT NULL
              AND ({documentId}::uuid IS NULL OR d.id = {documentId})
            GROUP BY 1, 2, 3, 4, 5, 6
            """;
        var steps = db.Database.SqlQuery<Step>(workflow);
        var workflowCount = await steps.CountAsync(cancellationToken);
        var workflowRows = await steps.OrderByDescending(w => w.At).Take(newest).ToListAsync(cancellationToken);
        var actors = workflowRows.Select(w => w.ActorId).Distinct().ToList();
        var names = await db.Users.Where(a => actors.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);

        var publications = db.Publications.Where(p => p.ProjectId == projectId && p.RequestedAt >= since
            && (documentId == null || p.DocumentIds.Count == 0 || p.DocumentIds.Contains(documentId.Value)));
        var publicationCount = await publications.CountAsync(cancellationToken);
        var publicationRows = await publications.OrderByDescending(p => p.RequestedAt).Take(newest)
            .Select(p => new
            {
                p.RequestedAt, p.RequestedBy, Actor = db.Users.Where(a => a.Id == p.RequestedBy).Select(a => a.DisplayName).FirstOrDefault(),
                p.Number, p.Languages, p.Status, p.CommitSha, p.LastError, Files = p.Files.Count,
            })
            .ToListAsync(cancellationToken);

        var entries = new List<ActivityEntry>(importRows.Count + workflowRows.Count + publicationRows.Count);
        foreach (var i in importRows)
        {
            var how = i.Origin == VersionOrigin.Repository ? $"from the repository{(i.CommitSha is null ? "" : $" at {i.CommitSha[..Math.Min(12, i.CommitSha.Length)]}")}"
                : $"uploaded by {i.Actor ?? "someone"}";
            var text = i.Number == 1
                ? $"{i.Path} came in {how}: {i.SegmentCount} segment(s)."
                : $"{i.Path} version {i.Number} came in {how}: {i.ChangedSegments} changed, {i.AddedSegments} added, {i.RetiredSegments} retired segment(s).";
            entries.Add(new ActivityEntry(i.ImportedAt, ActivityKind.Imported, i.ImportedBy, i.Actor, i.DocumentId, i.Path, null, i.SegmentCount, text,
                i.ApprovedNeedingUpdate > 0 ? $"{i.ApprovedNeedingUpdate} approved translation(s) went back to \"needs update\": their source changed." : null));
        }
        foreach (var w in workflowRows)
        {
            var kind = Enum.Parse<ActivityKind>(w.Kind);
            var who = names.GetValueOrDefault(w.ActorId, "someone");
            var verb = kind switch
            {
                ActivityKind.Claimed => "claimed",
                ActivityKind.Submitted => "handed in translations of",
                ActivityKind.Approved => "approved translations of",
                ActivityKind.Rejected => "rejected translations of",
                _ => "corrected and approved translations of",
            };
            entries.Add(new ActivityEntry(w.At, kind, w.ActorId, who, w.DocumentId, w.Path, w.Language, w.Count,
                $"{who} {verb} {w.Count} segment(s) of {w.Path} ({w.Language})."));
        }
        foreach (var p in publicationRows)
        {
            var outcome = p.Status switch
            {
                Publishing.PublicationStatus.Published => $"published {p.Files} file(s){(p.CommitSha is null ? "" : $" in commit {p.CommitSha[..Math.Min(12, p.CommitSha.Length)]}")}",
                Publishing.PublicationStatus.Unchanged => "found the repository up to date",
                Publishing.PublicationStatus.Failed => $"failed: {p.LastError}",
                _ => "is under way",
            };
            entries.Add(new ActivityEntry(p.RequestedAt, ActivityKind.Published, p.RequestedBy, p.Actor, documentId, null, string.Join(", ", p.Languages),
                p.Files, $"Publication {p.Number} ({string.Join(", ", p.Languages)}), requested by {p.Actor ?? "someone"}, {outcome}."));
        }
        return ([.. entries.OrderByDescending(e => e.At).ThenBy(e => e.Kind).Skip(skip).Take(take)], importCount + workflowCount + publicationCount);
    }

    private sealed record Step(DateTimeOffset At, string Kind, Guid ActorId, Guid DocumentId, string Path, string Language, int Count);
}
