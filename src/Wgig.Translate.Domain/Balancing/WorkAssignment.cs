using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Balancing;

/// <param name="Kind">Translate (a claim) or Review (a review batch).</param>
/// <param name="DueAt">The batch's own deadline: its claim ends then instead of after the usual lease (at most the
/// longest lease ahead), so the ladder's reminder, overdue notice and reassignment follow it.</param>
public sealed record AssignmentRequest(Guid VolunteerId, WorkKind Kind, IReadOnlyList<Guid> SegmentIds, DateTimeOffset? DueAt = null);

/// <param name="VolunteerName">How people see the volunteer.</param>
public sealed record AssignedBatch(Guid VolunteerId, WorkKind Kind, Guid? ClaimId, IReadOnlyList<Guid> SegmentIds, IReadOnlyList<SkippedSegment> Skipped,
    string? VolunteerName = null);

public sealed record SkippedSegment(Guid SegmentId, string Reason);

/// <summary>Who handed work out and why, as the history and the assignee's notification tell it.</summary>
public sealed record AssignedBy(string Note, string Why)
{
    /// <param name="name">The coordinator's display name: the history and the notice name people, never their account ids.</param>
    public static AssignedBy Coordinator(string name) => new($"assigned by {name}", $"{name}, a coordinator, assigned it to you");

    /// <summary>The Worker hands a lapsed claim's unfinished segments to a backup volunteer.</summary>
    public static AssignedBy Reassignment { get; } =
        new("reassigned after a lapsed claim", "the volunteer who had it let their claim run out, and you were next by the balancing policy");
}

/// <summary>
/// A coordinator hands work to volunteers: the balancing proposal applied, or batches chosen by hand.
/// Each batch becomes a claim (or review batch) of the volunteer, as if they had claimed it, with the
/// coordinator named in the history. Segments that are no longer open when the batch is applied (someone
/// claimed them meanwhile) are skipped and reported; the rest of the batch stands. Each volunteer who
/// receives a batch is notified. Runs in the caller's transaction when there is one (the Worker reclaims
/// and reassigns in one), else in its own.
/// </summary>
public sealed class WorkAssignment(TranslationDb db, TimeProvider clock, IOptions<ClaimOptions> options, WorkBalancer balancer)
{
    public async Task<Result<IReadOnlyList<AssignedBatch>>> ApplyProposalAsync(Guid projectId, Guid documentId, string? language, AssignedBy assignedBy,
        CancellationToken cancellationToken)
    {
        var proposal = await balancer.ProposeAsync(projectId, documentId, language, cancellationToken);
        if (!proposal.Succeeded)
        {
            return proposal.Error;
        }
        var requests = proposal.Value.Where(b => b.VolunteerId is not null)
            .Select(b => new AssignmentRequest(b.VolunteerId!.Value, b.Kind, b.SegmentIds)).ToList();
        return await AssignAsync(projectId, documentId, language, assignedBy, requests, cancellationToken);
    }

    public async Task<Result<IReadOnlyList<AssignedBatch>>> AssignAsync(Guid projectId, Guid documentId, string? language, AssignedBy assignedBy,
        IReadOnlyList<AssignmentRequest> requests, CancellationToken cancellationToken)
    {
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }
        var target = found.Value.Language;
        var volunteerIds = requests.Select(r => r.VolunteerId).Distinct().ToList();
        var rights = await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == projectId && m.Language == target && volunteerIds.Contains(m.AccountId))
            .ToDictionaryAsync(m => m.AccountId, cancellationToken);
        var now = clock.GetUtcNow();
        var profiles = await VolunteerProfiles.ReadAsync(db, volunteerIds, now, cancellationToken);
        var names = await AccountNames.ReadAsync(db, volunteerIds, cancellationToken);
        foreach (var request in requests)
        {
            if (request.DueAt is { } due && (due <= now || due > now + options.Value.MaxLeaseLength))
            {
                return InvalidInputError.ForField("dueAt",
                    $"A batch is due after now and within {options.Value.MaxLeaseLength.TotalDays:0} days (the longest a claim may run); got {due:u}.");
            }
            var right = rights.GetValueOrDefault(request.VolunteerId);
            if (request.Kind == WorkKind.Translate ? right?.CanTranslate != true : right?.CanReview != true)
            {
                return new AssigneeWithoutRight(request.VolunteerId, names.GetValueOrDefault(request.VolunteerId, "This volunteer"), request.Kind == WorkKind.Translate ? "translate into" : "review", target);
            }
            if (profiles[request.VolunteerId] is { Paused: true } profile)
            {
                return new VolunteerPaused(request.VolunteerId, profile.PausedReason);
            }
        }

        var segmentIds = requests.SelectMany(r => r.SegmentIds).Distinct().ToArray();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await DocumentLocks.ForClaimAsync(db, documentId, cancellationToken);
        // Locked in one order (the document's) so that concurrent claimers wait briefly instead of deadlocking.
        var targets = await db.Targets.FromSql($"""
                SELECT t.*, t.xmin FROM translate.targets t
                WHERE t.document_id = {documentId} AND t.language = {target} AND t.segment_id = ANY({segmentIds})
                ORDER BY t.ordinal NULLS LAST FOR UPDATE OF t
                """).ToDictionaryAsync(t => t.SegmentId, cancellationToken);
        // The capacity rule self-claims follow: what a volunteer would hold after the batch stays within their limit.
        var held = await OpenWords.HeldAsync(db, volunteerIds, now, cancellationToken);
        foreach (var batches in requests.Where(r => r.Kind == WorkKind.Translate).GroupBy(r => r.VolunteerId))
        {
            var wanted = batches.SelectMany(r => r.SegmentIds).Distinct().Sum(id => targets.TryGetValue(id, out var t) ? t.WordCount : 0);
            var limit = OpenWords.LimitFor(profiles[batches.Key], options.Value);
            if (held.GetValueOrDefault(batches.Key) + wanted > limit)
            {
                return new AssigneeOverCapacity(batches.Key, names.GetValueOrDefault(batches.Key, "This volunteer"), held.GetValueOrDefault(batches.Key), limit, wanted);
            }
        }
        var results = new List<AssignedBatch>();
        foreach (var request in requests)
        {
            var skipped = new List<SkippedSegment>();
            var taken = new List<(Guid Id, int Words)>();
            var claim = Claim.Open(request.VolunteerId, documentId, target, now, options.Value,
                request.Kind == WorkKind.Translate ? ClaimKind.Translation : ClaimKind.Review, request.DueAt);
            foreach (var segmentId in request.SegmentIds)
            {
                if (!targets.TryGetValue(segmentId, out var existing))
                {
                    skipped.Add(new SkippedSegment(segmentId, "not a segment of this document"));
                    continue;
                }
                var refused = request.Kind == WorkKind.Translate
                    ? existing.Claim(claim, now, assignedBy.Note)
                    : existing.ClaimReview(claim, now, assignedBy.Note);
                if (refused is not null)
                {
                    skipped.Add(new SkippedSegment(segmentId, refused.Detail));
                    continue;
                }
                taken.Add((segmentId, existing.WordCount));
            }
            if (taken.Count > 0)
            {
                claim.Cover(taken.Sum(t => t.Words));
                db.Claims.Add(claim);
                var ends = profiles[request.VolunteerId].LocalTime(claim.ExpiresAt);
                db.Notifications.Add(Notification.Create(request.VolunteerId, NotificationKind.WorkAssigned,
                    $"You were given {taken.Count} segment(s) of {found.Value.Document.Path} ({target}) to {(request.Kind == WorkKind.Translate ? "translate" : "review")}: " +
                    $"{assignedBy.Why}. The claim ends {ends}; release it if you cannot take it.",
                    claim.Id, $"assigned:{claim.Id}", now));
            }
            results.Add(new AssignedBatch(request.VolunteerId, request.Kind, taken.Count > 0 ? claim.Id : null, [.. taken.Select(t => t.Id)], skipped,
                names.GetValueOrDefault(request.VolunteerId)));
        }
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return results;
    }
}
