using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Balancing;

/// <summary>A proposed batch: consecutive open segments of the document, and who should take them.</summary>
/// <param name="VolunteerId">Who would take it (their account id), or none with the <paramref name="Reason"/>; <paramref name="VolunteerName"/> is how
/// people see them.</param>
/// <param name="Nobody">Why nobody would take it, as a value (<paramref name="Reason"/> says it in English).</param>
public sealed record ProposedBatch(Guid BatchId, WorkKind Kind, IReadOnlyList<Guid> SegmentIds, int Words, Guid? VolunteerId, string? Reason,
    string? VolunteerName = null, NobodyBecause? Nobody = null);

/// <summary>
/// Feeds <see cref="BalancingPolicy"/> from the store for one document × language: the open work cut into
/// batches of consecutive segments (translation: untranslated, needing an update, or under an expired
/// claim; review: submitted translations outside a live review batch, one translator per batch), and every
/// volunteer with a right in the language with their capacity, open words, availability now, recent
/// reliability and experience. Reads only: a coordinator previews the proposal before anything changes.
/// </summary>
public sealed class WorkBalancer(TranslationDb db, TimeProvider clock, IOptions<ClaimOptions> options)
{
    private static readonly TimeSpan ReliabilityWindow = TimeSpan.FromDays(90);

    public async Task<Result<IReadOnlyList<ProposedBatch>>> ProposeAsync(Guid projectId, Guid documentId, string? language, CancellationToken cancellationToken)
    {
        var found = await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }
        var target = found.Value.Language;
        var now = clock.GetUtcNow();
        var batchWords = options.Value.DefaultBatchWords;

        // A left join on the unique (segment, language), not a FirstOrDefault (a window over every target of the language).
        var segments = await (
            from s in db.Segments.AsNoTracking()
            where s.DocumentId == documentId && s.RetiredInVersion == null
            join t in db.Targets.Where(t => t.Language == target) on s.Id equals t.SegmentId into targets
            from t in targets.DefaultIfEmpty()
            orderby s.Ordinal
            select new
            {
                s.Id,
                s.WordCount,
                Target = t == null ? null : new { t.State, ClaimExpiresAt = (DateTimeOffset?)t.Lease!.ExpiresAt, t.TranslatorId, t.ReviewClaimedBy,
                    ReviewClaimExpiresAt = (DateTimeOffset?)t.ReviewLease!.ExpiresAt },
            }).ToListAsync(cancellationToken);
        var batches = new List<(OpenWork Work, List<Guid> Segments)>();
        void Add(WorkKind kind, Guid segment, int words, Guid? translator, Guid? previous)
        {
            var last = batches.Count > 0 ? batches[^1] : default;
            if (last.Work is { } open && open.Kind == kind && open.TranslatorId == translator && open.Words + words <= batchWords
                && last.Segments[^1] == previous)
            {
                batches[^1] = (open with { Words = open.Words + words }, [.. last.Segments, segment]);
                return;
            }
            batches.Add((new OpenWork(segment, documentId, target, kind, words, translator), [segment]));
        }
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            Guid? previous = i > 0 ? segments[i - 1].Id : null;
            var state = segment.Target?.State ?? TargetState.Untranslated;
            if (state is TargetState.Untranslated or TargetState.NeedsUpdate || state == TargetState.Claimed && segment.Target!.ClaimExpiresAt <= now)
            {
                Add(WorkKind.Translate, segment.Id, segment.WordCount, null, previous);
            }
            else if (state == TargetState.Translated && !(segment.Target!.ReviewClaimedBy is not null && segment.Target.ReviewClaimExpiresAt > now))
            {
                Add(WorkKind.Review, segment.Id, segment.WordCount, segment.Target.TranslatorId, previous);
            }
        }

        var volunteers = await LoadVolunteersAsync(projectId, target, now, cancellationToken);
        var proposal = BalancingPolicy.Propose([.. batches.Select(b => b.Work)], volunteers);
        var assigned = proposal.Assignments.ToDictionary(a => a.WorkId, a => a.VolunteerId);
        var nobody = proposal.Unassigned.ToDictionary(u => u.WorkId);
        var names = await AccountNames.ReadAsync(db, assigned.Values, cancellationToken);
        return batches.Select(b => new ProposedBatch(b.Work.Id, b.Work.Kind, b.Segments, b.Work.Words,
            assigned.TryGetValue(b.Work.Id, out var volunteer) ? volunteer : null, nobody.GetValueOrDefault(b.Work.Id)?.Reason,
            assigned.TryGetValue(b.Work.Id, out var named) ? names.GetValueOrDefault(named) : null, nobody.GetValueOrDefault(b.Work.Id)?.Why)).ToList();
    }

    /// <summary>Every volunteer with a right in the language, as the balancing policy sees them now.</summary>
    public async Task<List<VolunteerLoad>> LoadVolunteersAsync(Guid projectId, string language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var members = await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == projectId && m.Language == language && (m.CanTranslate || m.CanReview))
            .ToListAsync(cancellationToken);
        var ids = members.Select(m => m.AccountId).ToList();
        var profiles = await VolunteerProfiles.ReadAsync(db, ids, now, cancellationToken);
        var open = await OpenWords.HeldAsync(db, ids, now, cancellationToken);
        var completed = await db.TargetEvents.Where(e => e.ActorId != null && ids.Contains(e.ActorId.Value)
                && (e.Kind == TargetEventKind.Submitted || e.Kind == TargetEventKind.EditedAndApproved))
            .Join(db.Targets, e => e.TargetId, t => t.Id, (e, t) => new { e.ActorId, t.SegmentId })
            .Join(db.Segments, x => x.SegmentId, s => s.Id, (x, s) => new { Volunteer = x.ActorId!.Value, s.WordCount })
            .GroupBy(x => x.Volunteer).Select(g => new { g.Key, Words = g.Sum(x => x.WordCount) })
            .ToDictionaryAsync(x => x.Key, x => x.Words, cancellationToken);
        // Reliability over the window: segments handed in, against claims that ran out on them (the event
        // before an Expired one is the lapsed claimant's Claimed).
        var since = now - ReliabilityWindow;
        var finished = await db.TargetEvents.Where(e => e.ActorId != null && ids.Contains(e.ActorId.Value) && e.Kind == TargetEventKind.Submitted && e.At >= since)
            .GroupBy(e => e.ActorId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var lapsed = await (
            from expired in db.TargetEvents
            join claimed in db.TargetEvents on new { expired.TargetId, Sequence = expired.Sequence - 1 } equals new { claimed.TargetId, claimed.Sequence }
            where expired.Kind == TargetEventKind.Expired && expired.At >= since && claimed.Kind == TargetEventKind.Claimed
                && claimed.ActorId != null && ids.Contains(claimed.ActorId.Value)
            group claimed by claimed.ActorId!.Value into g
            select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        return [.. members.GroupBy(m => m.AccountId).Select(g =>
        {
            var profile = profiles[g.Key];
            var done = finished.GetValueOrDefault(g.Key);
            var lost = lapsed.GetValueOrDefault(g.Key);
            return new VolunteerLoad(g.Key,
                g.Where(m => m.CanTranslate).Select(m => m.Language).ToHashSet(),
                g.Where(m => m.CanReview).Select(m => m.Language).ToHashSet(),
                profile.CapacityWordsPerWeek > 0 ? OpenWords.LimitFor(profile, options.Value) : 0, open.GetValueOrDefault(g.Key), profile.IsAvailableAt(now),
                done + lost == 0 ? 1 : (double)done / (done + lost), completed.GetValueOrDefault(g.Key));
        })];
    }
}
