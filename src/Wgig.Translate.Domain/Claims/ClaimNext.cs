using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Claims;

public sealed record ClaimedBatch(Guid ClaimId, Guid DocumentId, string Language, DateTimeOffset ExpiresAt, IReadOnlyList<Guid> SegmentIds, int Words);

/// <summary>Work a volunteer could claim (or review) in one document × language now.</summary>
public sealed record OpenWork(Guid ProjectId, Guid DocumentId, string Path, string Language, int Segments, int Words);

public sealed record NothingToClaimInProject(Guid ProjectId, string Language)
    : ConflictError("Nothing to claim", $"Every segment of project '{ProjectId}' in '{Language}' is translated or claimed.");

/// <summary>
/// Claims the next batch of a document × language for a volunteer: the first open segments in document
/// order, up to a word budget, so that context stays together. Concurrent claimers never wait for each
/// other and never get the same segment: candidate segments are locked with FOR UPDATE SKIP LOCKED, and
/// the unique (segment, language) index on targets refuses a second claim even if this code were wrong.
/// </summary>
public sealed class ClaimNext(TranslationDb db, IOptions<ClaimOptions> options, TimeProvider clock)
{
    private const int Attempts = 3;

    private const int MaxChunkSize = 10;

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

    /// <summary>
    /// Per document × language the volunteer may translate into, the segments they could claim now (the
    /// open condition of <see cref="LockOpenSegmentsAsync"/> and <see cref="Target.IsOpenFor"/>, counted),
    /// in path order.
    /// </summary>
    public async Task<IReadOnlyList<OpenWork>> OpenWorkAsync(Guid volunteerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        string untranslated = nameof(TargetState.Untranslated), needsUpdate = nameof(TargetState.NeedsUpdate),
            rejected = nameof(TargetState.Rejected), claimed = nameof(TargetState.Claimed);
        return await db.Database.SqlQuery<OpenWork>($"""
            SELECT d.project_id AS project_id, d.id AS document_id, d.path AS path, m.language AS language,
                   count(*)::int AS segments, coalesce(sum(s.word_count), 0)::int AS words
            FROM translate.project_members m
            JOIN translate.documents d ON d.project_id = m.project_id
            JOIN translate.segments s ON s.document_id = d.id AND s.retired_in_version IS NULL
            LEFT JOIN translate.targets t ON t.segment_id = s.id AND t.language = m.language
            WHERE m.account_id = {volunteerId} AND m.can_translate
              AND (t.id IS NULL OR t.state IN ({untranslated}, {needsUpdate})
                   OR (t.state = {rejected} AND (t.translator_id IS NULL OR t.translator_id = {volunteerId}))
                   OR (t.state = {claimed} AND t.claim_expires_at <= {now}
                       AND NOT (coalesce(t.state_before_claim, {untranslated}) = {rejected} AND t.translator_id <> {volunteerId})))
            GROUP BY d.project_id, d.id, d.path, m.language
            ORDER BY d.path, m.language
            """).ToListAsync(cancellationToken);
    }

    /// <summary>For a document and target language the caller has already checked.</summary>
    public async Task<Result<ClaimedBatch>> ClaimAsync(Guid volunteerId, DocumentLanguage checkedTarget, int? wordBudget, CancellationToken cancellationToken) =>
        await ClaimInAsync(volunteerId, checkedTarget.Document.Id, checkedTarget.Language, wordBudget, cancellationToken);

    /// <summary>
    /// Claims chosen segments, or every current segment of one paragraph, for a volunteer: all of them or,
    /// when any is not open (claimed by someone else, handed in, retired), none, saying which.
    /// </summary>
    public async Task<Result<ClaimedBatch>> ClaimChosenAsync(Guid volunteerId, DocumentLanguage checkedTarget, IReadOnlyList<Guid>? segmentIds, int? paragraph,
        CancellationToken cancellationToken)
    {
        var documentId = checkedTarget.Document.Id;
        var language = checkedTarget.Language;
        var profile = await db.VolunteerProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == volunteerId, cancellationToken);
        if (profile?.Paused == true)
        {
            return new VolunteerPaused(volunteerId, profile.PausedReason);
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = (segmentIds ?? []).Distinct().ToArray();
        var chosen = paragraph is { } number
            ? await db.Segments.FromSql($"""
                SELECT * FROM translate.segments WHERE document_id = {documentId} AND paragraph = {number} AND retired_in_version IS NULL
                ORDER BY ordinal FOR UPDATE
                """).AsNoTracking().ToListAsync(cancellationToken)
            : await db.Segments.FromSql($"""
                SELECT * FROM translate.segments WHERE document_id = {documentId} AND id = ANY({ids}) ORDER BY ordinal FOR UPDATE
                """).AsNoTracking().ToListAsync(cancellationToken);
        if (chosen.Count == 0 || paragraph is null && chosen.Count != ids.Length)
        {
            var missing = paragraph is { } p ? $"paragraph {p}" : $"segment(s) {string.Join(", ", ids.Except(chosen.Select(c => c.Id)))}";
            return new ChosenSegmentsNotFound(documentId, missing);
        }
        var held = await OpenWordsAsync(volunteerId, now, cancellationToken);
        var words = chosen.Sum(c => c.WordCount);
        if (held + words > options.Value.MaxOpenWords)
        {
            return new OpenWordsCapReached(held, options.Value.MaxOpenWords);
        }
        var chosenIds = chosen.Select(c => c.Id).ToList();
        var targets = await db.Targets.Where(t => chosenIds.Contains(t.SegmentId) && t.Language == language).ToDictionaryAsync(t => t.SegmentId, cancellationToken);
        var expiresAt = now + options.Value.LeaseLength;
        var claim = Claim.Open(volunteerId, documentId, language, words, expiresAt, now);
        var refusals = new List<string>();
        foreach (var segment in chosen)
        {
            if (!targets.TryGetValue(segment.Id, out var target))
            {
                target = Target.Start(segment.Id, language, now);
                db.Targets.Add(target);
            }
            if (target.Claim(volunteerId, claim.Id, expiresAt, segment.RetiredInVersion is not null, now) is { } refused)
            {
                refusals.Add(refused.Detail);
            }
        }
        if (refusals.Count > 0)
        {
            return new ChosenSegmentsNotOpen(refusals);
        }
        db.Claims.Add(claim);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ClaimedBatch(claim.Id, documentId, language, expiresAt, chosenIds, words);
    }

    // Open words: segments still claimed and not yet handed in. What was submitted no longer counts.
    private async Task<int> OpenWordsAsync(Guid volunteerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Targets.Where(t => t.ClaimedBy == volunteerId && t.State == TargetState.Claimed && t.ClaimExpiresAt > now)
            .Join(db.Segments, t => t.SegmentId, s => s.Id, (t, s) => (int?)s.WordCount).SumAsync(cancellationToken) ?? 0;

    private async Task<Result<ClaimedBatch>> ClaimInAsync(Guid volunteerId, Guid documentId, string target, int? wordBudget, CancellationToken cancellationToken)
    {
        var profile = await db.VolunteerProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == volunteerId, cancellationToken);
        if (profile?.Paused == true)
        {
            return new VolunteerPaused(volunteerId, profile.PausedReason);
        }
        var budget = wordBudget ?? BatchWordsFor(profile);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ClaimOnceAsync(volunteerId, documentId, target, budget, cancellationToken);
            }
            catch (Exception e) when (attempt < Attempts && IsTransient(e))
            {
                // Another claimer won a race the locks do not cover (a deadlock, a target row inserted meanwhile): try again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Result<ClaimedBatch>> ClaimOnceAsync(Guid volunteerId, Guid documentId, string language, int budget, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var held = await OpenWordsAsync(volunteerId, now, cancellationToken);
        var cap = options.Value.MaxOpenWords;
        if (held >= cap)
        {
            return new OpenWordsCapReached(held, cap);
        }

        var batch = new List<(Segment Segment, Target? Target)>();
        var seen = new List<Guid>();
        var words = 0;
        // Chunks sized to the batch (a sentence has a few words at least): SKIP LOCKED spreads concurrent
        // claimers over different segments, and a claimer holds few rows it will not use.
        var chunk = Math.Clamp(budget / 5, 1, MaxChunkSize);
        while (words < budget && held + words < cap)
        {
            var locked = await LockOpenSegmentsAsync(documentId, language, [.. seen], now, chunk, cancellationToken);
            if (locked.Count == 0)
            {
                break;
            }
            seen.AddRange(locked.Select(s => s.Id));
            // The query read targets as they were when it started; a claimer that committed since then left
            // its segment unlocked but no longer open. Now that the segments are ours, look again (and keep
            // the targets: they are the ones to claim).
            var lockedIds = locked.Select(s => s.Id).ToList();
            var current = await db.Targets.Where(t => lockedIds.Contains(t.SegmentId) && t.Language == language)
                .ToDictionaryAsync(t => t.SegmentId, cancellationToken);
            foreach (var segment in locked)
            {
                var target = current.GetValueOrDefault(segment.Id);
                if (target?.IsOpenFor(volunteerId, now) == false)
                {
                    continue;
                }
                if (batch.Count > 0 && (words + segment.WordCount > budget || held + words + segment.WordCount > cap))
                {
                    break;
                }
                batch.Add((segment, target));
                words += segment.WordCount;
            }
            if (batch.Count > 0 && (words >= budget || locked.Count < chunk))
            {
                break;
            }
        }
        if (batch.Count == 0)
        {
            return new NothingToClaim(documentId, language);
        }

        var expiresAt = now + options.Value.LeaseLength;
        var claim = Claim.Open(volunteerId, documentId, language, words, expiresAt, now);
        db.Claims.Add(claim);
        var ids = batch.Select(b => b.Segment.Id).ToList();
        foreach (var (segment, existing) in batch)
        {
            var target = existing;
            if (target is null)
            {
                target = Target.Start(segment.Id, language, now);
                db.Targets.Add(target);
            }
            if (target.Claim(volunteerId, claim.Id, expiresAt, segmentRetired: false, now) is { } refused)
            {
                // The row changed between the query and now; the locks make this a bug, so say so loudly.
                throw new InvalidOperationException($"Claiming a locked open segment was refused: {refused.Detail}");
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ClaimedBatch(claim.Id, documentId, language, expiresAt, ids, words);
    }

    // Open: no target yet, untranslated, needing an update or rejected (to its translator, checked after),
    // or under an expired claim. Locked segments are skipped, not waited for; locks last until commit.
    private Task<List<Segment>> LockOpenSegmentsAsync(Guid documentId, string language, Guid[] seen, DateTimeOffset now, int chunk,
        CancellationToken cancellationToken)
    {
        string untranslated = nameof(TargetState.Untranslated), needsUpdate = nameof(TargetState.NeedsUpdate),
            rejected = nameof(TargetState.Rejected), claimed = nameof(TargetState.Claimed);
        return db.Segments.FromSql($"""
                SELECT s.* FROM translate.segments s
                LEFT JOIN translate.targets t ON t.segment_id = s.id AND t.language = {language}
                WHERE s.document_id = {documentId} AND s.retired_in_version IS NULL AND s.id <> ALL({seen})
                  AND (t.id IS NULL OR t.state IN ({untranslated}, {needsUpdate}, {rejected})
                       OR (t.state = {claimed} AND t.claim_expires_at <= {now}))
                ORDER BY s.ordinal
                LIMIT {chunk}
                FOR UPDATE OF s SKIP LOCKED
                """).AsNoTracking().ToListAsync(cancellationToken);
    }

    private static bool IsTransient(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException)?.SqlState is
            PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation;
}
