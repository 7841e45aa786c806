using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Claims;

public sealed record NothingToReview(Guid DocumentId, string Language)
    : ConflictError("Nothing to review", $"No submitted translation of document '{DocumentId}' in '{Language}' is waiting for you: the rest is reviewed, in other reviewers' batches, or your own.");

/// <summary>
/// Claims the next review batch of a document × language: submitted translations in document order, not
/// the reviewer's own, not in another live review batch, up to a word budget. The target rows themselves
/// are locked with FOR UPDATE SKIP LOCKED, so concurrent reviewers split the queue between them.
/// </summary>
public sealed class ReviewNext(TranslationDb db, IOptions<ClaimOptions> options, TimeProvider clock)
{
    private const int ChunkSize = 20;

    /// <summary>Reading goes faster than translating: a review batch is twice a translation batch.</summary>
    public int BatchWordsFor(VolunteerProfile? profile) =>
        2 * (profile?.BatchWords(options.Value.LeaseLength, options.Value.DefaultBatchWords) ?? options.Value.DefaultBatchWords);

    /// <summary>
    /// Per document × language the reviewer holds the review right in, the submitted translations they
    /// could take into a review batch now (the condition of the batch query below, counted), in path order.
    /// </summary>
    public async Task<IReadOnlyList<OpenWork>> ReviewableAsync(Guid reviewerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        string translated = nameof(TargetState.Translated);
        return await db.Database.SqlQuery<OpenWork>($"""
            SELECT d.project_id AS project_id, d.id AS document_id, d.path AS path, m.language AS language,
                   count(*)::int AS segments, coalesce(sum(s.word_count), 0)::int AS words
            FROM translate.project_members m
            JOIN translate.documents d ON d.project_id = m.project_id
            JOIN translate.segments s ON s.document_id = d.id AND s.retired_in_version IS NULL
            JOIN translate.targets t ON t.segment_id = s.id AND t.language = m.language
            WHERE m.account_id = {reviewerId} AND m.can_review
              AND t.state = {translated} AND t.translator_id <> {reviewerId}
              AND (t.review_claimed_by IS NULL OR t.review_claim_expires_at <= {now})
            GROUP BY d.project_id, d.id, d.path, m.language
            ORDER BY d.path, m.language
            """).ToListAsync(cancellationToken);
    }

    public async Task<Result<ClaimedBatch>> ClaimAsync(Guid reviewerId, Guid documentId, string language, int? wordBudget,
        CancellationToken cancellationToken)
    {
        var profile = await db.VolunteerProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.AccountId == reviewerId, cancellationToken);
        if (profile?.Paused == true)
        {
            return new VolunteerPaused(reviewerId, profile.PausedReason);
        }
        var budget = wordBudget ?? BatchWordsFor(profile);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var expiresAt = now + options.Value.LeaseLength;
        var batch = new List<(Target Target, int Words)>();
        var words = 0;
        while (words < budget)
        {
            var skip = batch.Select(b => b.Target.Id).ToArray();
            string translated = nameof(TargetState.Translated);
            var locked = await db.Targets.FromSql($"""
                    SELECT t.*, t.xmin FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id
                    WHERE s.document_id = {documentId} AND s.retired_in_version IS NULL AND t.language = {language}
                      AND t.state = {translated} AND t.translator_id <> {reviewerId} AND t.id <> ALL({skip})
                      AND (t.review_claimed_by IS NULL OR t.review_claim_expires_at <= {now})
                    ORDER BY s.ordinal
                    LIMIT {ChunkSize}
                    FOR UPDATE OF t SKIP LOCKED
                    """).ToListAsync(cancellationToken);
            if (locked.Count == 0)
            {
                break;
            }
            var segmentIds = locked.Select(t => t.SegmentId).ToList();
            var wordCounts = await db.Segments.Where(s => segmentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.WordCount, cancellationToken);
            var full = false;
            foreach (var target in locked.OrderBy(t => segmentIds.IndexOf(t.SegmentId)))
            {
                var count = wordCounts[target.SegmentId];
                if (batch.Count > 0 && words + count > budget)
                {
                    full = true;
                    break;
                }
                batch.Add((target, count));
                words += count;
            }
            if (full || locked.Count < ChunkSize)
            {
                break;
            }
        }
        if (batch.Count == 0)
        {
            return new NothingToReview(documentId, language);
        }
        var claim = Claim.Open(reviewerId, documentId, language, words, expiresAt, now, ClaimKind.Review);
        db.Claims.Add(claim);
        foreach (var (target, _) in batch)
        {
            if (target.ClaimReview(reviewerId, claim.Id, expiresAt, now) is { } refused)
            {
                throw new InvalidOperationException($"Claiming a locked reviewable target was refused: {refused.Detail}");
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ClaimedBatch(claim.Id, documentId, language, expiresAt, [.. batch.Select(b => b.Target.SegmentId)], words);
    }
}
