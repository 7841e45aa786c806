using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Claims;

/// <summary>Work a volunteer could claim (or review) in one document × language now.</summary>
public sealed record OpenWork(Guid ProjectId, Guid DocumentId, string Path, string Language, int Segments, int Words);

public sealed record NothingToClaimInProject(Guid ProjectId, string Language)
    : ConflictError("Nothing to claim", $"Every segment of project '{ProjectId}' in '{Language}' is translated or claimed.");

/// <summary>
/// Claims the next batch of a document × language for a volunteer: the first open segments in document
/// order, up to a word budget, so that context stays together, under the cap of open words a volunteer may
/// hold (<see cref="OpenWords.LimitFor"/>, the rule assigned batches follow too). The queue and the loop are
/// <see cref="BatchFilling"/>'s. A segment whose claim ran out returns to the queue when the Worker's sweep
/// reclaims it (every few minutes), which also records the lapse.
/// </summary>
public sealed class ClaimNext(TranslationDb db, BatchFilling batches, IOptions<ClaimOptions> options, TimeProvider clock)
{
    public async Task<Result<ClaimedBatch>> ClaimAsync(Guid volunteerId, Guid documentId, string? language, int? wordBudget,
        CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return new DocumentNotFound(Guid.Empty, documentId);
        }
        var targets = await db.Projects.Where(p => p.Id == document.ProjectId).Select(p => p.TargetLanguages).SingleAsync(cancellationToken);
        if (!LanguageTag.TryNormalize(language, out var target, out _) || !targets.Contains(target))
        {
            return new NotATargetLanguage(language ?? "", targets);
        }
        return await ClaimInAsync(volunteerId, documentId, target, wordBudget, cancellationToken);
    }

    /// <summary>The words of a batch claimed without a budget: from the volunteer's weekly capacity, else the project's default.</summary>
    public int BatchWordsFor(VolunteerProfile? profile) =>
        profile?.BatchWords(options.Value.LeaseLength, options.Value.DefaultBatchWords) ?? options.Value.DefaultBatchWords;

    /// <summary>
    /// The next batch anywhere in a project × language: the open document whose deadline comes first (then
    /// by path), or the next one when another claimer took its last open segments meanwhile.
    /// </summary>
    public async Task<Result<ClaimedBatch>> ClaimInProjectAsync(Guid volunteerId, Guid projectId, string? language, int? wordBudget,
        CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId);
        }
        if (!LanguageTag.TryNormalize(language, out var target, out _) || !project.TranslatesInto(target))
        {
            return new NotATargetLanguage(language ?? "", project.TargetLanguages);
        }
        if (!await db.ProjectMembers.AnyAsync(ProjectMember.Holds(projectId, volunteerId, target, LanguageRight.Translate), cancellationToken))
        {
            return new NoLanguageRight(LanguageRight.Translate, target);
        }
        var open = (await OpenWorkAsync(volunteerId, cancellationToken)).Where(w => w.ProjectId == projectId && w.Language == target).Select(w => w.DocumentId).ToList();
        var due = await db.Deadlines.AsNoTracking().Where(d => open.Contains(d.DocumentId) && d.Language == target)
            .ToDictionaryAsync(d => d.DocumentId, d => d.DueAt, cancellationToken);
        foreach (var documentId in open.OrderBy(id => due.TryGetValue(id, out var at) ? at : DateTimeOffset.MaxValue))
        {
            var batch = await ClaimInAsync(volunteerId, documentId, target, wordBudget, cancellationToken);
            if (batch.Succeeded || batch.Error is not NothingToClaim)
            {
                return batch;
            }
        }
        return new NothingToClaimInProject(projectId, target);
    }

    /// <summary>Per document × language the volunteer may translate into, the segments they could claim now, in path order.</summary>
    public Task<IReadOnlyList<OpenWork>> OpenWorkAsync(Guid volunteerId, CancellationToken cancellationToken) =>
        batches.OpenWorkAsync(ClaimKind.Translation, volunteerId, cancellationToken);

    /// <summary>
    /// The segments of a document × language still held under the volunteer's own claims that ran out (the Worker's
    /// sweep has not reclaimed them yet), in document order: claiming again takes these back first, drafts included.
    /// Taking them back is new work like any other, so only as many as fit the volunteer's batch size and the room
    /// left under <see cref="OpenWords.LimitFor"/> are returned (at least the first, so that a refusal names the cap).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> LapsedAsync(Guid volunteerId, DocumentLanguage checkedTarget, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lapsed = await db.Targets.Where(t => t.DocumentId == checkedTarget.Document.Id && t.Language == checkedTarget.Language
                && t.State == TargetState.Claimed && t.ClaimedBy == volunteerId && t.Lease!.ExpiresAt <= now)
            .OrderBy(t => t.Ordinal).Select(t => new { t.SegmentId, t.WordCount }).ToListAsync(cancellationToken);
        if (lapsed.Count == 0)
        {
            return [];
        }
        var profile = await VolunteerProfiles.StoredAsync(db, volunteerId, cancellationToken);
        var room = Math.Min(BatchWordsFor(profile), OpenWords.LimitFor(profile, options.Value) - await OpenWords.HeldAsync(db, volunteerId, now, cancellationToken));
        var taken = new List<Guid> { lapsed[0].SegmentId };
        var words = lapsed[0].WordCount;
        foreach (var next in lapsed.Skip(1))
        {
            if (words + next.WordCount > room)
            {
                break;
            }
            taken.Add(next.SegmentId);
            words += next.WordCount;
        }
        return taken;
    }

    /// <summary>
    /// For a document and target language the caller has already checked, with the volunteer's stored profile read with
    /// the check (<see cref="DocumentLanguage.FindForWithProfileAsync"/>).
    /// </summary>
    public async Task<Result<ClaimedBatch>> ClaimAsync(Guid volunteerId, DocumentLanguage checkedTarget, VolunteerProfile? profile, int? wordBudget,
        CancellationToken cancellationToken) =>
        await ClaimInAsync(volunteerId, checkedTarget.Document.Id, checkedTarget.Language, profile, wordBudget, cancellationToken);

    /// <summary>
    /// Claims chosen segments, or every current segment of one paragraph, for a volunteer: all of them or,
    /// when any is not open (claimed by someone else, handed in, retired), none, saying which.
    /// </summary>
    /// <param name="profile">The volunteer's stored profile, read with the check of the right (<see cref="DocumentLanguage.FindForWithProfileAsync"/>).</param>
    public async Task<Result<ClaimedBatch>> ClaimChosenAsync(Guid volunteerId, DocumentLanguage checkedTarget, VolunteerProfile? profile,
        IReadOnlyList<Guid>? segmentIds, int? paragraph, CancellationToken cancellationToken)
    {
        var documentId = checkedTarget.Document.Id;
        var language = checkedTarget.Language;
        if (profile?.Paused == true)
        {
            return new VolunteerPaused(volunteerId, profile.PausedReason);
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BatchFilling.LockCapAsync(db, volunteerId, cancellationToken);
        await DocumentLocks.ForClaimAsync(db, documentId, cancellationToken);
        var ids = (segmentIds ?? []).Distinct().ToArray();
        // Locked in document order, so that concurrent claimers of overlapping segments wait instead of deadlocking.
        var chosen = Target.InDocumentOrder(paragraph is { } number
            ? await db.Targets.FromSql($"""
                SELECT t.*, t.xmin FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id
                WHERE t.document_id = {documentId} AND t.language = {language} AND s.paragraph = {number} AND s.retired_in_version IS NULL
                ORDER BY t.ordinal FOR UPDATE OF t
                """).ToListAsync(cancellationToken)
            : await db.Targets.FromSql($"""
                SELECT t.*, t.xmin FROM translate.targets t
                WHERE t.document_id = {documentId} AND t.language = {language} AND t.segment_id = ANY({ids})
                ORDER BY t.ordinal NULLS LAST FOR UPDATE OF t
                """).ToListAsync(cancellationToken));
        if (chosen.Count == 0 || paragraph is null && chosen.Count != ids.Length)
        {
            var missing = paragraph is { } p ? $"paragraph {p}" : $"segment(s) {string.Join(", ", ids.Except(chosen.Select(c => c.SegmentId)))}";
            return new ChosenSegmentsNotFound(documentId, missing);
        }
        var held = await OpenWords.HeldAsync(db, volunteerId, now, cancellationToken);
        var words = chosen.Sum(c => c.WordCount);
        var limit = OpenWords.LimitFor(profile, options.Value);
        if (held + words > limit)
        {
            return new OpenWordsCapReached(held, limit, words);
        }
        var claim = Claim.Open(volunteerId, documentId, language, now, options.Value);
        claim.Cover(words);
        var refusals = chosen.Select(target => target.Claim(claim, now)).OfType<DomainError>().Select(refused => refused.Detail).ToList();
        if (refusals.Count > 0)
        {
            return new ChosenSegmentsNotOpen(refusals);
        }
        db.Claims.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ClaimedBatch(claim.Id, documentId, language, claim.ExpiresAt, [.. chosen.Select(t => t.SegmentId)], words);
    }

    private async Task<Result<ClaimedBatch>> ClaimInAsync(Guid volunteerId, Guid documentId, string language, int? wordBudget, CancellationToken cancellationToken) =>
        await ClaimInAsync(volunteerId, documentId, language, await VolunteerProfiles.StoredAsync(db, volunteerId, cancellationToken), wordBudget,
            cancellationToken);

    // The volunteer's profile sizes the batch (from their capacity) and bounds what they may hold at once (OpenWords.LimitFor,
    // the rule assigned batches follow too).
    private async Task<Result<ClaimedBatch>> ClaimInAsync(Guid volunteerId, Guid documentId, string language, VolunteerProfile? profile, int? wordBudget,
        CancellationToken cancellationToken)
    {
        var rules = options.Value;
        if (profile?.Paused == true)
        {
            return new VolunteerPaused(volunteerId, profile.PausedReason);
        }
        var budget = wordBudget ?? BatchWordsFor(profile);
        var cap = OpenWords.LimitFor(profile, rules);
        var now = clock.GetUtcNow();
        var fill = await batches.FillAsync(new BatchFilling.Request(ClaimKind.Translation, volunteerId, documentId, language, budget,
            cap, now, rules.LeaseFrom(now)), cancellationToken);
        if (fill.Batch is { } batch)
        {
            return batch;
        }
        return fill.Held >= cap ? new OpenWordsCapReached(fill.Held, cap) : new NothingToClaim(documentId, language);
    }
}
