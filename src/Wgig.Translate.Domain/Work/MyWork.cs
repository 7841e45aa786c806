using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Deadlines;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Work;

/// <summary>A claim or review batch of the volunteer's, live or lately run out.</summary>
/// <param name="Remaining">Segments still to translate (or to review) under it.</param>
/// <param name="RanOut">It ended by itself with work unfinished (not released): the editor offers to claim again.</param>
public sealed record HeldClaim(Guid ClaimId, ClaimKind Kind, Guid ProjectId, string ProjectName, Guid DocumentId, string Path, string Language,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? DueAt, int Words, int Remaining, bool RanOut);

/// <summary>A translation of the volunteer's that came back: rejected with the reviewer's comment, or needing an update after a source change.</summary>
public sealed record ReturnedTranslation(Guid ProjectId, string ProjectName, Guid DocumentId, string Path, string Language, Guid SegmentId, int Ordinal,
    string? Number, TargetState State, string? Comment, Guid? ReviewerId, string? ReviewerName, DateTimeOffset At, bool ClaimedByMe);

/// <summary>A deadline of a document × language the volunteer works in.</summary>
public sealed record WorkDeadline(Guid ProjectId, string ProjectName, Guid DocumentId, string Path, string Language, DateTimeOffset DueAt,
    ForecastStatus Forecast);

/// <summary>What a volunteer could take next in one project × language: documents with open work, translate or review.</summary>
public sealed record ClaimableWork(Guid ProjectId, string ProjectName, string Language, bool Review, IReadOnlyList<OpenWork> Documents)
{
    public int Segments => Documents.Sum(d => d.Segments);

    public int Words => Documents.Sum(d => d.Words);
}

/// <param name="BatchWords">The words a batch claimed without a budget holds, from the volunteer's capacity.</param>
public sealed record MyWorkView(
    IReadOnlyList<HeldClaim> Claims, IReadOnlyList<ReturnedTranslation> Returned, IReadOnlyList<WorkDeadline> Deadlines,
    IReadOnlyList<ClaimableWork> Claimable, int BatchWords, int ReviewBatchWords, bool Paused, string? PausedReason);

/// <summary>
/// The volunteer's home: their claims and review batches with the time left, the translations sent back
/// to them, the deadlines of the work they hold rights in, and what they could claim next.
/// </summary>
public sealed class MyWork(TranslationDb db, ClaimNext claims, ReviewNext reviews, TimeProvider clock)
{
    private static readonly TimeSpan RanOutShownFor = TimeSpan.FromDays(3);
    private const int MaxReturned = 200;

    public async Task<MyWorkView> ReadAsync(Guid me, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var profile = await VolunteerProfiles.StoredAsync(db, me, cancellationToken);
        var projects = await db.Projects.AsNoTracking().Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return new MyWorkView(
            await ClaimsAsync(me, now, cancellationToken),
            await ReturnedAsync(me, cancellationToken),
            await DeadlinesAsync(me, projects, cancellationToken),
            Claimable(await claims.OpenWorkAsync(me, cancellationToken), await reviews.ReviewableAsync(me, cancellationToken), projects),
            claims.BatchWordsFor(profile), reviews.BatchWordsFor(profile), profile?.Paused == true, profile?.PausedReason);
    }

    /// <summary>The volunteer's claims (of one kind) on one document × language, live or lately run out, the soonest to end first.</summary>
    public async Task<IReadOnlyList<HeldClaim>> ClaimsOnAsync(Guid me, Guid documentId, string language, ClaimKind kind, CancellationToken cancellationToken) =>
        [.. (await ClaimsAsync(me, clock.GetUtcNow(), cancellationToken, documentId)).Where(c => c.Language == language && c.Kind == kind)];

    /// <summary>
    /// The volunteer's live claims and review batches with something left in them (not those run out or finished), soonest ending first, each with the segments left in it:
    /// a claim's not handed in yet, a review batch's not decided on yet.
    /// </summary>
    public async Task<IReadOnlyList<LiveClaim>> LiveClaimsAsync(Guid me, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var live = (await ClaimsAsync(me, now, cancellationToken)).Where(c => !c.RanOut && c.ExpiresAt > now).ToList();
        var ids = live.Select(c => c.ClaimId).ToList();
        var left = await db.Targets.AsNoTracking()
            .Where(t => (t.ClaimId != null && ids.Contains(t.ClaimId.Value) && t.State == TargetState.Claimed && t.ClaimedBy == me)
                || (t.ReviewClaimId != null && ids.Contains(t.ReviewClaimId.Value) && t.State == TargetState.Translated && t.ReviewClaimedBy == me))
            .Select(t => new { ClaimId = t.State == TargetState.Claimed ? t.ClaimId!.Value : t.ReviewClaimId!.Value, t.SegmentId, t.Ordinal, t.WordCount })
            .ToListAsync(cancellationToken);
        var byClaim = left.GroupBy(l => l.ClaimId).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Ordinal).ToList());
        return [.. live.Select(c =>
        {
            var rest = byClaim.GetValueOrDefault(c.ClaimId) ?? [];
            return new LiveClaim(c.ClaimId, c.Kind, c.ProjectId, c.DocumentId, c.Path, c.Language, c.CreatedAt, c.ExpiresAt, c.DueAt, c.Words,
                rest.Sum(r => r.WordCount), [.. rest.Select(r => r.SegmentId)]);
        })];
    }

    private async Task<List<HeldClaim>> ClaimsAsync(Guid me, DateTimeOffset now, CancellationToken cancellationToken, Guid? documentId = null)
    {
        var since = now - RanOutShownFor;
        var translating = TargetState.Claimed;
        var reviewing = TargetState.Translated;
        var rows = await (
            from c in db.Claims.AsNoTracking()
            where c.VolunteerId == me && c.ReleasedAt == null && c.ExpiresAt > since && (documentId == null || c.DocumentId == documentId)
            join d in db.Documents on c.DocumentId equals d.Id
            join p in db.Projects on d.ProjectId equals p.Id
            select new
            {
                Claim = c,
                d.ProjectId,
                ProjectName = p.Name,
                d.Path,
                Remaining = c.Kind == ClaimKind.Review
                    ? db.Targets.Count(t => t.ReviewClaimId == c.Id && t.ReviewClaimedBy == me && t.State == reviewing)
                    : db.Targets.Count(t => t.ClaimId == c.Id && t.ClaimedBy == me && t.State == translating),
            }).ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new HeldClaim(r.Claim.Id, r.Claim.Kind, r.ProjectId, r.ProjectName, r.Claim.DocumentId, r.Path, r.Claim.Language,
                r.Claim.CreatedAt, r.Claim.ExpiresAt, r.Claim.DueAt, r.Claim.Words, r.Remaining,
                RanOut: !r.Claim.IsLiveAt(now) && (r.Remaining > 0 || r.Claim.LapsedAt is not null)))
            .Where(c => c.Remaining > 0 || c.RanOut)
            .OrderBy(c => c.RanOut).ThenBy(c => c.ExpiresAt)];
    }

    private async Task<List<ReturnedTranslation>> ReturnedAsync(Guid me, CancellationToken cancellationToken)
    {
        var rows = await (
            from t in db.Targets.AsNoTracking()
            where t.TranslatorId == me && (t.State == TargetState.Rejected || t.State == TargetState.NeedsUpdate
                || t.State == TargetState.Claimed && t.ClaimedBy == me && (t.StateBeforeClaim == TargetState.Rejected || t.StateBeforeClaim == TargetState.NeedsUpdate))
            join s in db.Segments on t.SegmentId equals s.Id
            where s.RetiredInVersion == null
            join d in db.Documents on s.DocumentId equals d.Id
            join p in db.Projects on d.ProjectId equals p.Id
            orderby t.UpdatedAt descending
            select new
            {
                Target = t,
                d.ProjectId,
                ProjectName = p.Name,
                DocumentId = d.Id,
                d.Path,
                s.Ordinal,
                s.Number,
                // The latest rejection, column by column: each a correlated subquery probing the target's events. A
                // FirstOrDefault of an object here becomes a window over every rejection in the database.
                RejectedBy = db.TargetEvents.Where(e => e.TargetId == t.Id && e.Kind == TargetEventKind.Rejected).OrderByDescending(e => e.Sequence)
                    .Select(e => (Guid?)e.ActorId).FirstOrDefault(),
                RejectedAt = db.TargetEvents.Where(e => e.TargetId == t.Id && e.Kind == TargetEventKind.Rejected).OrderByDescending(e => e.Sequence)
                    .Select(e => (DateTimeOffset?)e.At).FirstOrDefault(),
                RejectedByName = db.TargetEvents.Where(e => e.TargetId == t.Id && e.Kind == TargetEventKind.Rejected).OrderByDescending(e => e.Sequence)
                    .Select(e => db.Users.Where(a => a.Id == e.ActorId).Select(a => a.DisplayName).FirstOrDefault()).FirstOrDefault(),
            }).Take(MaxReturned).ToListAsync(cancellationToken);
        return [.. rows.Select(r =>
        {
            var state = ListedSegment.EffectiveState(r.Target);
            return new ReturnedTranslation(r.ProjectId, r.ProjectName, r.DocumentId, r.Path, r.Target.Language, r.Target.SegmentId, r.Ordinal, r.Number,
                state, state == TargetState.Rejected ? r.Target.ReviewComment : null, state == TargetState.Rejected ? r.RejectedBy : null,
                state == TargetState.Rejected ? r.RejectedByName : null,
                state == TargetState.Rejected ? r.RejectedAt ?? r.Target.UpdatedAt : r.Target.UpdatedAt, r.Target.State == TargetState.Claimed);
        })];
    }

    private async Task<List<WorkDeadline>> DeadlinesAsync(Guid me, Dictionary<Guid, string> projects, CancellationToken cancellationToken)
    {
        var rows = await (
            from dl in db.Deadlines.AsNoTracking()
            where dl.Status != ForecastStatus.Done
            join d in db.Documents on dl.DocumentId equals d.Id
            where db.ProjectMembers.Any(m => m.AccountId == me && m.ProjectId == d.ProjectId && m.Language == dl.Language && (m.CanTranslate || m.CanReview))
            orderby dl.DueAt
            select new { Deadline = dl, d.ProjectId, d.Path }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new WorkDeadline(r.ProjectId, projects[r.ProjectId], r.Deadline.DocumentId, r.Path, r.Deadline.Language,
            r.Deadline.DueAt, r.Deadline.Status))];
    }

    private static List<ClaimableWork> Claimable(IReadOnlyList<OpenWork> translate, IReadOnlyList<OpenWork> review, Dictionary<Guid, string> projects) =>
    [
        .. translate.GroupBy(w => (w.ProjectId, w.Language))
            .Select(g => new ClaimableWork(g.Key.ProjectId, projects[g.Key.ProjectId], g.Key.Language, Review: false, [.. g])),
        .. review.GroupBy(w => (w.ProjectId, w.Language))
            .Select(g => new ClaimableWork(g.Key.ProjectId, projects[g.Key.ProjectId], g.Key.Language, Review: true, [.. g])),
    ];
}
