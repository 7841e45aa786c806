using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Notifications;

/// <summary>
/// What a source change tells people: each translator whose translations went back to "needs update" (once per
/// version and language), and the secretariat when a signed-off paper's text changed. Written in the import's transaction.
/// </summary>
public static class SourceChangeNotices
{
    public static async Task SendAsync(TranslationDb db, Document document, SourceUpdateSummary summary, IReadOnlyList<Target> sentBack, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var translators = sentBack.Where(t => t.TranslatorId is not null).GroupBy(t => (Translator: t.TranslatorId!.Value, t.Language))
            .Select(g => new OnceNotice(g.Key.Translator,
                $"{g.Count()} of your translations of {document.Path} ({g.Key.Language}) need an update: their source sentences changed in version " +
                $"{summary.Version}. Each shows the previous source beside the new one; claim them again to update them.",
                document.Id, $"needs-update:{document.Id}:{summary.Version}:{g.Key.Language}"))
            .ToList();
        await db.NotifyOnceAsync(NotificationKind.TranslationsNeedUpdate, translators, now, cancellationToken);
        if (summary.SignOffVoided)
        {
            var notice = new StaffNotice(document.ProjectId,
                $"The sign-off of {document.Path} (version {document.SignedOffVersion}) no longer holds: version {summary.Version} changed " +
                $"{summary.Changed}, added {summary.Added} and retired {summary.Retired} segment(s). Sign it off again once every language is approved.",
                document.Id, $"sign-off-voided:{document.Id}:{summary.Version}");
            await db.NotifyStaffOnceAsync(Roles.Secretariat, NotificationKind.SignOffVoided, [notice], now, cancellationToken);
            if (document.SignedOffBy is { } signer)
            {
                await db.NotifyOnceAsync(NotificationKind.SignOffVoided, [new OnceNotice(signer, notice.Text, notice.SubjectId, notice.OnceKey)], now, cancellationToken);
            }
        }
    }
}

/// <summary>What hand-ins tell reviewers (a rejection's notice to its translator is <see cref="TranslationWork"/>'s).</summary>
/// <remarks>
/// A hand-in asks whether it finishes its batch before it commits, with its other reads (one round trip fewer than asking
/// after the commit). Asked so, two hand-ins that finish a batch together could each see the other's segment still claimed,
/// so hand-ins of one batch take turns on its claim's row: each locks it (<c>FOR NO KEY UPDATE</c>, which a reference to the
/// claim does not wait for) before it writes a target, and asks only after that lock, in its own transaction; the later of
/// the two then sees the earlier's targets handed in and tells the reviewers. Locking the claim before its targets is the
/// order EF Core's saves keep (it writes the claims table before the targets table). A new version of the document locks
/// its targets first and then, through the open-words trigger, their claims: a hand-in therefore first takes the document's
/// lock that claims share and a new version takes alone (<see cref="DocumentLocks"/>), so the two queue instead of meeting
/// in a deadlock.
/// </remarks>
public static class ReviewNotices
{
    /// <summary>
    /// For a hand-in of one target, with its other reads, in the transaction it writes in: locks the claim and reads whether any
    /// other segment of the batch is still to hand in. If none is, this hand-in finishes the batch: after it commits,
    /// <see cref="BatchesHandedInAsync"/> tells the reviewers. A hand-in that does not finish its batch asks nothing more.
    /// </summary>
    public static BatchHandIn ReadHandIn(ReadBatch batch, Guid documentId, Guid claimId, Guid targetId)
    {
        batch.Add(DocumentLocks.ForClaimSql, _ => true, new NpgsqlParameter("document", NpgsqlDbType.Uuid) { Value = documentId });
        batch.Add("SELECT 1 FROM translate.claims WHERE id = @claim FOR NO KEY UPDATE", _ => true,
            new NpgsqlParameter("claim", NpgsqlDbType.Uuid) { Value = claimId });
        // A statement of its own after the lock's: under READ COMMITTED it sees what the hand-ins that held the lock before committed.
        return new BatchHandIn(claimId, batch.Add(
            "SELECT NOT EXISTS (SELECT 1 FROM translate.targets WHERE claim_id = @claim AND state = @claimed AND id <> @target)",
            reader => reader.GetBoolean(0),
            new NpgsqlParameter("claim", NpgsqlDbType.Uuid) { Value = claimId },
            new NpgsqlParameter("claimed", NpgsqlDbType.Text) { Value = nameof(TargetState.Claimed) },
            new NpgsqlParameter("target", NpgsqlDbType.Uuid) { Value = targetId }));
    }

    /// <summary>
    /// Locks, in the caller's transaction and in one order, the volunteer's unreleased translation batches of a document × language,
    /// after the document's lock that claims share (see the remarks): for a write that may hand in any of their targets (an XLIFF
    /// upload), before it locks them.
    /// </summary>
    public static async Task LockBatchesAsync(TranslationDb db, Guid volunteerId, Guid documentId, string language, CancellationToken cancellationToken)
    {
        await DocumentLocks.ForClaimAsync(db, documentId, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            SELECT 1 FROM translate.claims
            WHERE volunteer_id = {volunteerId} AND document_id = {documentId} AND language = {language} AND kind = 'Translation' AND released_at IS NULL
            ORDER BY id FOR NO KEY UPDATE
            """, cancellationToken);
    }

    /// <summary>
    /// For each claim given, once nothing in it is left to hand in: the reviewers of its language (other than its
    /// translator) hear that a batch is ready for review.
    /// </summary>
    public static async Task BatchesHandedInAsync(TranslationDb db, IReadOnlyCollection<Guid> claimIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (claimIds.Count == 0)
        {
            return;
        }
        string claimed = nameof(TargetState.Claimed), translated = nameof(TargetState.Translated);
        Guid[] ids = [.. claimIds];
        var done = await db.Database.SqlQuery<HandedIn>($"""
            SELECT c.id AS claim_id, c.volunteer_id AS translator_id, c.language AS language, d.id AS document_id, d.path AS path,
                   d.project_id AS project_id, a.display_name AS translator,
                   (SELECT count(*)::int FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id
                    WHERE s.document_id = d.id AND t.language = c.language AND t.state = {translated} AND t.translator_id = c.volunteer_id) AS awaiting
            FROM translate.claims c
            JOIN translate.documents d ON d.id = c.document_id
            JOIN translate.accounts a ON a.id = c.volunteer_id
            WHERE c.id = ANY ({ids}) AND c.kind = 'Translation'
              AND NOT EXISTS (SELECT 1 FROM translate.targets t WHERE t.claim_id = c.id AND t.state = {claimed})
            """).ToListAsync(cancellationToken);
        foreach (var batch in done.Where(b => b.Awaiting > 0))
        {
            var reviewers = await db.ProjectMembers.Where(m => m.ProjectId == batch.ProjectId && m.Language == batch.Language && m.CanReview
                    && m.AccountId != batch.TranslatorId)
                .Select(m => m.AccountId).Distinct().ToListAsync(cancellationToken);
            await db.NotifyOnceAsync(NotificationKind.ReviewReady, [.. reviewers.Select(reviewer => new OnceNotice(reviewer,
                $"{batch.Translator} handed in a batch of {batch.Path} ({batch.Language}): {batch.Awaiting} translation(s) of theirs await review. " +
                "Claim a review batch to review them.",
                batch.DocumentId, $"review-ready:{batch.ClaimId}"))], now, cancellationToken);
        }
    }

    private sealed record HandedIn(Guid ClaimId, Guid TranslatorId, string Language, Guid DocumentId, string Path, Guid ProjectId, string Translator, int Awaiting);
}

/// <summary>Whether a hand-in finishes its batch, as <see cref="ReviewNotices.ReadHandIn"/> read it under the claim's lock.</summary>
public sealed class BatchHandIn(Guid claimId, ReadBatch.Rows<bool> finishes)
{
    public Guid ClaimId => claimId;

    /// <summary>No other segment of the batch is left to hand in: this hand-in, once written, finishes it.</summary>
    public bool FinishesBatch => finishes.Value[0];
}
