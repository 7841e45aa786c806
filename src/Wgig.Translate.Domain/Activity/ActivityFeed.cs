using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Activity;

/// <summary>The kinds of things the feed tells, each also a filter.</summary>
public enum ActivityKind
{
    Claim,
    Submission,
    Review,
    Comment,
    Import,
    Publication,
}

/// <summary>
/// One line of a project's feed. A volunteer's work on consecutive segments (a batch submitted, reviewed) is one
/// entry with its count, not one per segment.
/// </summary>
/// <param name="What">The kind in detail: "Claimed", "Submitted", "Approved", "Rejected", "EditedAndApproved", "ReviewClaimed",
/// "ClaimTakenBack", "ReviewTakenBack" (a coordinator took work back), "Commented", "Imported", "Publication{Status}".</param>
/// <param name="Segments">How many segments the entry covers (1 for a comment); for claims, how many batches; for an import, the version's
/// segments; for a publication, its files.</param>
/// <param name="Text">A comment's text, from whom work was taken back, or a publication's error; null otherwise.</param>
public sealed record ActivityEntry(DateTimeOffset At, ActivityKind Kind, string What, Guid? PersonId, string? PersonName, Guid? DocumentId, string? Path,
    string? Language, int Segments, string? Text, string? Link);

/// <param name="Kinds">None: every kind.</param>
/// <param name="Before">Entries strictly before this moment (the next page of an endless feed).</param>
public sealed record ActivityQuery(IReadOnlySet<ActivityKind>? Kinds = null, string? Language = null, Guid? PersonId = null, DateTimeOffset? Before = null,
    int Limit = 50)
{
    public const int MaxLimit = 200;

    public bool Wants(ActivityKind kind) => Kinds is null || Kinds.Count == 0 || Kinds.Contains(kind);

    /// <summary>A query from what someone sent: every bad value named, with what is allowed.</summary>
    public static Result<ActivityQuery> Parse(IEnumerable<string?>? kinds, string? language, Guid? personId, DateTimeOffset? before, int? limit)
    {
        var errors = new ValidationErrors();
        var chosen = new HashSet<ActivityKind>();
        foreach (var kind in (kinds ?? []).Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            if (Enum.TryParse<ActivityKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                chosen.Add(parsed);
            }
            else
            {
                errors.Add("kind", $"'{kind}' is not a kind of activity; the kinds are {string.Join(", ", Enum.GetNames<ActivityKind>())}.");
            }
        }
        string? tag = null;
        if (!string.IsNullOrWhiteSpace(language) && !Languages.LanguageTag.TryNormalize(language, out tag, out var problem))
        {
            errors.Add("language", problem);
        }
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"limit is between 1 and {MaxLimit}; got {limit}.");
        }
        return errors.Any ? errors.ToError("The activity query is not valid.") : new ActivityQuery(chosen, tag, personId, before, limit ?? 50);
    }
}

/// <summary>
/// A project's activity, newest first: claims, submissions and reviews from the targets' history, comments, imports
/// and publications, with people by name. Each source is read newest first up to the page's size, then merged.
/// Serves the dashboard's feed and GET /api/projects/{id}/activity.
/// </summary>
public sealed class ActivityFeed(TranslationDb db)
{
    // History events are per segment: enough of them to fill a page after grouping a batch into one entry.
    private const int EventsPerEntry = 40;

    public async Task<Result<IReadOnlyList<ActivityEntry>>> ReadAsync(Guid projectId, ActivityQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return new ProjectNotFound(projectId);
        }
        var before = query.Before ?? DateTimeOffset.MaxValue;
        var documents = await db.Documents.AsNoTracking().Where(d => d.ProjectId == projectId).Select(d => new { d.Id, d.Path })
            .ToDictionaryAsync(d => d.Id, d => d.Path, cancellationToken);
        var documentIds = documents.Keys.ToList();
        var entries = new List<ActivityEntry>();

        if (query.Wants(ActivityKind.Claim))
        {
            var claims = await db.Claims.AsNoTracking().Where(c => documentIds.Contains(c.DocumentId) && c.CreatedAt < before
                    && (query.Language == null || c.Language == query.Language) && (query.PersonId == null || c.VolunteerId == query.PersonId))
                .OrderByDescending(c => c.CreatedAt).Take(query.Limit).ToListAsync(cancellationToken);
            foreach (var c in claims)
            {
                var what = c.Kind == ClaimKind.Review ? "ReviewClaimed" : "Claimed";
                // Batches one person took together (the balancing proposal applied, claims in a row) are one entry.
                if (entries.Count > 0 && entries[^1] is { Kind: ActivityKind.Claim } last && last.What == what && last.PersonId == c.VolunteerId
                    && last.DocumentId == c.DocumentId && last.Language == c.Language && last.At - c.CreatedAt < TimeSpan.FromHours(1))
                {
                    entries[^1] = last with { Segments = last.Segments + 1 };
                    continue;
                }
                entries.Add(new ActivityEntry(c.CreatedAt, ActivityKind.Claim, what, c.VolunteerId, null, c.DocumentId, documents[c.DocumentId], c.Language, 1,
                    null, null));
            }
        }
        var historyKinds = new List<TargetEventKind>();
        if (query.Wants(ActivityKind.Submission))
        {
            historyKinds.Add(TargetEventKind.Submitted);
        }
        if (query.Wants(ActivityKind.Review))
        {
            historyKinds.AddRange([TargetEventKind.Approved, TargetEventKind.Rejected, TargetEventKind.EditedAndApproved]);
        }
        if (query.Wants(ActivityKind.Claim))
        {
            // Work a coordinator took back: the coordinator is the person, the comment says from whom.
            historyKinds.AddRange([TargetEventKind.ClaimTakenBack, TargetEventKind.ReviewTakenBack]);
        }
        if (historyKinds.Count > 0)
        {
            var events = await db.TargetEvents.AsNoTracking().Where(e => historyKinds.Contains(e.Kind) && e.At < before && e.ActorId != null
                    && (query.PersonId == null || e.ActorId == query.PersonId))
                .Join(db.Targets, e => e.TargetId, t => t.Id, (e, t) => new { e.At, e.Kind, e.ActorId, e.Comment, t.Language, t.SegmentId })
                .Where(x => query.Language == null || x.Language == query.Language)
                .Join(db.Segments.Where(s => documentIds.Contains(s.DocumentId)), x => x.SegmentId, s => s.Id,
                    (x, s) => new { x.At, x.Kind, x.ActorId, x.Comment, x.Language, s.DocumentId })
                .OrderByDescending(x => x.At).Take(query.Limit * EventsPerEntry).ToListAsync(cancellationToken);
            // Consecutive events of one person, kind, document and language are one entry (a batch handed in).
            foreach (var e in events)
            {
                var takenBack = e.Kind is TargetEventKind.ClaimTakenBack or TargetEventKind.ReviewTakenBack;
                var kind = e.Kind == TargetEventKind.Submitted ? ActivityKind.Submission : takenBack ? ActivityKind.Claim : ActivityKind.Review;
                if (entries.Count > 0 && entries[^1] is { } last && last.Kind == kind && last.What == e.Kind.ToString() && last.PersonId == e.ActorId
                    && last.DocumentId == e.DocumentId && last.Language == e.Language && last.At - e.At < TimeSpan.FromHours(1))
                {
                    entries[^1] = last with { Segments = last.Segments + 1 };
                    continue;
                }
                entries.Add(new ActivityEntry(e.At, kind, e.Kind.ToString(), e.ActorId, null, e.DocumentId, documents[e.DocumentId], e.Language, 1,
                    takenBack ? e.Comment : null, null));
            }
        }
        if (query.Wants(ActivityKind.Comment))
        {
            var comments = await db.Comments.AsNoTracking().Where(c => c.CreatedAt < before && (query.Language == null || c.Language == query.Language)
                    && (query.PersonId == null || c.AuthorId == query.PersonId))
                .Join(db.Segments.Where(s => documentIds.Contains(s.DocumentId)), c => c.SegmentId, s => s.Id, (c, s) => new { Comment = c, s.DocumentId })
                .OrderByDescending(x => x.Comment.CreatedAt).Take(query.Limit).ToListAsync(cancellationToken);
            entries.AddRange(comments.Select(x => new ActivityEntry(x.Comment.CreatedAt, ActivityKind.Comment, "Commented", x.Comment.AuthorId, null, x.DocumentId,
                documents[x.DocumentId], x.Comment.Language, 1, x.Comment.Text, null)));
        }
        if (query.Wants(ActivityKind.Import) && query.PersonId is null && query.Language is null)
        {
            var versions = await db.DocumentVersions.AsNoTracking().Where(v => documentIds.Contains(v.DocumentId) && v.ImportedAt < before)
                .OrderByDescending(v => v.ImportedAt).Take(query.Limit).ToListAsync(cancellationToken);
            // A version that sent approved translations back to "needs update" says so: people should know before going on.
            entries.AddRange(versions.Select(v => new ActivityEntry(v.ImportedAt, ActivityKind.Import, v.Number == 1 ? "Imported" : "NewVersion", v.ImportedBy, null,
                v.DocumentId, documents[v.DocumentId], null, v.SegmentCount,
                v.ApprovedNeedingUpdate > 0 ? $"{v.ApprovedNeedingUpdate} approved translation(s) went back to \"needs update\": their source changed." : v.CommitSha,
                null)));
        }
        if (query.Wants(ActivityKind.Publication) && query.Language is null)
        {
            var publications = await db.Publications.AsNoTracking().Where(p => p.ProjectId == projectId && p.RequestedAt < before
                    && (query.PersonId == null || p.RequestedBy == query.PersonId))
                .OrderByDescending(p => p.RequestedAt).Take(query.Limit).ToListAsync(cancellationToken);
            entries.AddRange(publications.Select(p => new ActivityEntry(p.CompletedAt ?? p.RequestedAt, ActivityKind.Publication, $"Publication{p.Status}",
                p.RequestedBy, null, null, null, string.Join(", ", p.Languages), p.Files.Count, p.LastError, p.PullRequestUrl)));
        }

        var page = entries.OrderByDescending(e => e.At).Take(query.Limit).ToList();
        var names = await AccountNames.ReadAsync(db, page.Select(e => e.PersonId), cancellationToken);
        return page.Select(e => e.PersonId is { } id ? e with { PersonName = names.GetValueOrDefault(id) } : e).ToList();
    }
}
