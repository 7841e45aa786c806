using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Balancing;

/// <summary>The unfinished segments of one claim that ran out, just returned to the pool.</summary>
public sealed record LapsedBatch(Guid ClaimId, Guid VolunteerId, Guid ProjectId, Guid DocumentId, string Language, IReadOnlyList<Guid> SegmentIds, int Words);

/// <summary>Where a lapsed batch went: to a backup volunteer (with their new claim), or back to the pool and why.</summary>
public sealed record Reassigned(LapsedBatch Batch, Guid? VolunteerId, Guid? ClaimId, string? WhyNot);

/// <summary>
/// The ladder's reassignment step: lapsed batches go to backup volunteers chosen by the balancing policy
/// (all the lapsed work of a project × language at once, so it is spread, never to the one who let it
/// lapse), each becoming a claim of its new volunteer. Work nobody can take stays in the pool. Runs in
/// the caller's transaction, so a batch is reclaimed and reassigned together or not at all.
/// </summary>
public sealed class LapsedWorkReassignment(TranslationDb db, TimeProvider clock, WorkBalancer balancer, WorkAssignment assignment)
{
    public async Task<IReadOnlyList<Reassigned>> ReassignAsync(IReadOnlyList<LapsedBatch> lapsed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var outcomes = new List<Reassigned>();
        foreach (var group in lapsed.GroupBy(b => (b.ProjectId, b.Language)))
        {
            var volunteers = await balancer.LoadVolunteersAsync(group.Key.ProjectId, group.Key.Language, now, cancellationToken);
            var batches = group.ToList();
            var work = batches.Select(b => new OpenWork(b.ClaimId, b.DocumentId, b.Language, WorkKind.Translate, b.Words, LapsedBy: b.VolunteerId)).ToList();
            var proposal = BalancingPolicy.Propose(work, volunteers, new BalancingRules(ReturnToLapser: false));
            var chosen = proposal.Assignments.ToDictionary(a => a.WorkId, a => a.VolunteerId);
            var reasons = proposal.Unassigned.ToDictionary(u => u.WorkId, u => u.Reason);
            outcomes.AddRange(batches.Where(b => !chosen.ContainsKey(b.ClaimId)).Select(b => new Reassigned(b, null, null, reasons[b.ClaimId])));
            // One assignment per document, every chosen batch of it at once.
            foreach (var document in batches.Where(b => chosen.ContainsKey(b.ClaimId)).GroupBy(b => b.DocumentId))
            {
                var requests = document.Select(b => new AssignmentRequest(chosen[b.ClaimId], WorkKind.Translate, b.SegmentIds)).ToList();
                var assigned = await assignment.AssignAsync(group.Key.ProjectId, document.Key, group.Key.Language,
                    AssignedBy.Reassignment, requests, cancellationToken);
                outcomes.AddRange(document.Select((batch, i) =>
                {
                    var claim = assigned.Succeeded ? assigned.Value[i].ClaimId : null;
                    return new Reassigned(batch, claim is null ? null : chosen[batch.ClaimId], claim,
                        claim is null ? (assigned.Succeeded ? "its segments were no longer open" : assigned.Error.Detail) : null);
                }));
            }
        }
        return outcomes;
    }

    /// <summary>Volunteers' display names, for the messages about lapsed and reassigned work.</summary>
    public Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken)
    {
        var ids = accountIds.Distinct().ToList();
        return db.Users.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);
    }
}
