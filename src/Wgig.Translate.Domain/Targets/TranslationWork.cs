using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Suggestions;

namespace Wgig.Translate.Domain.Targets;

/// <summary>A segment of a document in one target language, as one caller found it.</summary>
public sealed record TranslationContext(DocumentLanguage Place, Segment Segment, Target? Target, Guid Caller)
{
    public string Language => Place.Language;

    public string Version => TranslationVersion.Of(Target);

    /// <summary>The checks' findings on the text just written (a draft or a submission); none for other writes.</summary>
    public CheckReport? Checks { get; init; }

    /// <summary>
    /// For the answer to a draft or a submission: the drafts offered and the people's names, read with the write's other reads
    /// before it wrote (neither changes them); none for other writes, whose answer reads them.
    /// </summary>
    public OfferedDrafts? Answer { get; init; }
}

/// <summary>The translation changed since the caller read it (or while they wrote): nothing of theirs was saved.</summary>
public sealed record TranslationChanged(TranslationContext Current, string Reason)
    : ConflictError("Stale version", Reason + " Your text was not saved; the current version is included.");

public enum ReviewVerdict
{
    Approve,
    Reject,
    Edit,
}

/// <param name="Comment">Why a translation is rejected (required then).</param>
/// <param name="Correction">The reviewer's text for an edit-and-approve.</param>
public sealed record ReviewDecision(ReviewVerdict Verdict, string? Comment = null, SegmentContent? Correction = null);

public sealed record ReviewBatchNotFound(Guid ClaimId)
    : NotFoundError("Review batch not found", $"You hold no review batch with id '{ClaimId}'.");

/// <summary>
/// The one path of a volunteer's writes to a target, whichever way they come (the JSON API, the web editor's
/// autosave and submit, an XLIFF upload): drafts, submissions and review decisions, each behind the
/// per-language right, the If-Match version and the target's own rules, with the people to tell. Checks that
/// apply to every submission or draft belong here, before the target's own transition. Drafts and submissions
/// are activity on the claim and extend it by the project's lease rules.
/// </summary>
public sealed class TranslationWork(TranslationDb db, TimeProvider clock, IOptions<ClaimOptions> options, SegmentChecks checks, TranslationMemory memory)
{
    /// <summary>
    /// The segment in the language. With a right, the caller must hold it in the language (a right taken
    /// away ends every write in it at once); without, anyone who sees the project may read.
    /// </summary>
    public async Task<Result<TranslationContext>> FindAsync(Guid projectId, Guid documentId, Guid segmentId, string? language, Guid caller,
        LanguageRight? right, CancellationToken cancellationToken) =>
        await InAsync(db, right is { } needed
            ? await DocumentLanguage.FindForAsync(db, projectId, documentId, language, caller, needed, cancellationToken)
            : await DocumentLanguage.FindAsync(db, projectId, documentId, language, cancellationToken), documentId, segmentId, caller, cancellationToken);

    /// <summary>
    /// A segment of a document × language already found for the caller (by whatever right the caller needs), with its target:
    /// one round trip (none more for the pair when its right check was kept, see <see cref="RightAnswers"/>).
    /// </summary>
    public static async Task<Result<TranslationContext>> InAsync(TranslationDb db, Result<DocumentLanguage> found, Guid documentId, Guid segmentId, Guid caller,
        CancellationToken cancellationToken)
    {
        if (!found.Succeeded)
        {
            return found.Error;
        }
        if (await SegmentWithTarget(db, segmentId, documentId, found.Value.Language, cancellationToken) is not { } read)
        {
            return new SegmentNotFound(documentId, segmentId);
        }
        // The target is tracked (the write saves it); the segment is only read, as it always was.
        db.Entry(read.Segment).State = EntityState.Detached;
        return new TranslationContext(found.Value, read.Segment, read.Target, caller);
    }

    private sealed record SegmentAndTarget(Segment Segment, Target? Target);

    // Read by every read and write of a translation: compiled once. The target (with its claims) is left-joined on its unique
    // (segment, language) key: one row, one round trip.
    private static readonly Func<TranslationDb, Guid, Guid, string, CancellationToken, Task<SegmentAndTarget?>> SegmentWithTarget = EF.CompileAsyncQuery(
        (TranslationDb db, Guid segmentId, Guid documentId, string language, CancellationToken _) =>
            (from s in db.Segments.Where(s => s.Id == segmentId && s.DocumentId == documentId)
             from t in db.Targets.Where(t => t.SegmentId == s.Id && t.Language == language).DefaultIfEmpty()
             select new SegmentAndTarget(s, t)).SingleOrDefault());

    /// <summary>
    /// Autosave of the claimant's work in progress (empty text clears it). Saving is activity: it extends
    /// the claim. The draft survives the claim; only its author sees it. The draft is checked as it is saved,
    /// so the editor shows the findings as the volunteer types; nothing blocks a draft.
    /// </summary>
    public Task<Result<TranslationContext>> SaveDraftAsync(TranslationContext context, SegmentContent draft, string? ifMatch,
        CancellationToken cancellationToken) =>
        WriteAsync(context, ifMatch, new ReadBatch(), inTransaction: false, async (target, inputs) => SaveDraft(target, context.Caller, draft, context.Segment.Content, clock.GetUtcNow()) is { } refused
            ? refused
            : await checks.RunAsync(inputs, draft, cancellationToken), cancellationToken);

    /// <summary>
    /// Hands in a translation for review: needs a live claim; If-Match guards against overwriting a newer version.
    /// Handing one in is activity on the batch: the rest of the claim stays the volunteer's for a full lease. The last
    /// segment of a batch handed in tells its language's reviewers that it is ready (<see cref="ReviewNotices.BatchesHandedInAsync"/>).
    /// The checks run first: an error refuses it, a warning refuses it unless the volunteer acknowledged that check
    /// (<paramref name="acknowledged"/> holds check ids); warnings handed in anyway are noted in the history.
    /// </summary>
    public async Task<Result<TranslationContext>> SubmitAsync(TranslationContext context, SegmentContent translation, string? ifMatch,
        IReadOnlyCollection<string>? acknowledged, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            BatchHandIn? handIn;
            Result<TranslationContext> submitted;
            try
            {
                (submitted, handIn) = await SubmitOnceAsync(context, translation, ifMatch, acknowledged, cancellationToken);
            }
            catch (Exception e) when (attempt < DeadlockAttempts && StoreOutage.IsDeadlock(e))
            {
                // Rolled back whole, the claim's lock with it. Read again and go again: if the other writer changed the target
                // meanwhile, the version check answers that it changed.
                db.ChangeTracker.Clear();
                var again = await InAsync(db, context.Place, context.Place.Document.Id, context.Segment.Id, context.Caller, cancellationToken);
                if (!again.Succeeded)
                {
                    return again.Error;
                }
                context = again.Value;
                continue;
            }
            if (submitted.Succeeded && handIn is { FinishesBatch: true })
            {
                // In statements of its own after the submission's commit: the translation stands even if telling the reviewers fails.
                await ReviewNotices.BatchesHandedInAsync(db, [handIn.ClaimId], clock.GetUtcNow(), cancellationToken);
            }
            return submitted;
        }
    }

    private async Task<(Result<TranslationContext> Submitted, BatchHandIn? HandIn)> SubmitOnceAsync(TranslationContext context, SegmentContent translation,
        string? ifMatch, IReadOnlyCollection<string>? acknowledged, CancellationToken cancellationToken)
    {
        // With the write's other reads, under its claim's lock: does this hand-in finish the batch? (ReviewNotices' remarks.)
        var reads = new ReadBatch();
        var handIn = context.Target is { ClaimId: { } claimId } held ? ReviewNotices.ReadHandIn(reads, context.Place.Document.Id, claimId, held.Id) : null;
        var submitted = await WriteAsync(context, ifMatch, reads, inTransaction: handIn is not null, async (target, inputs) =>
        {
            var now = clock.GetUtcNow();
            // The workflow's own refusals (no live claim, empty text) come before the checks'; a refusal leaves the target as it was.
            if (target.SubmitProblem(context.Caller, translation, context.Segment.Content, now) is { } problem)
            {
                return problem;
            }
            var report = await checks.RunAsync(inputs, translation, cancellationToken);
            return (report.RefusalOfSubmission(acknowledged)
                ?? Submit(target, context.Caller, translation, context.Segment.Content, now, report.AcknowledgementNote())) is { } refused
                ? refused
                : report;
        }, cancellationToken);
        return (submitted, handIn);
    }

    // What a draft and a submission share: the version the caller edited, a target under their claim, the reads of its checks and
    // of its answer in one round trip (with any the caller added to the batch), the write and its checks, one save. In a
    // transaction of its own if asked (begun with the reads: BEGIN rides with them), committed once the save succeeded.
    private async Task<Result<TranslationContext>> WriteAsync(TranslationContext context, string? ifMatch, ReadBatch reads, bool inTransaction,
        Func<Target, CheckInputs, Task<Result<CheckReport>>> write, CancellationToken cancellationToken)
    {
        if (!TranslationVersion.Matches(ifMatch, context.Target))
        {
            return new TranslationChanged(context, "The translation changed since you loaded it.");
        }
        if (context.Target is not { } target)
        {
            return new NotYourClaim(context.Segment.Id, context.Language);
        }
        var inputs = SegmentChecks.ReadInputs(reads, context.Place, context.Segment, target);
        // The answer names the target's people after the write: the ones before it, and the caller, whom a submission makes its translator.
        var answer = SetAsideDrafts.Read(reads, context.Segment, target, context.Caller, [.. target.People, context.Caller]);
        // Disposed without a commit (a refusal, a lost race, an error), it rolls back whatever the save wrote.
        await using var transaction = inTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // A savepoint before the save would cost a round trip; a failed save rolls the whole transaction back instead.
        db.Database.AutoSavepointsEnabled = !inTransaction;
        await reads.RunAsync(db, cancellationToken);
        var written = await write(target, inputs);
        if (!written.Succeeded)
        {
            return written.Error;
        }
        var saved = await SaveAsync(context, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved;
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return saved.Value with { Checks = written.Value, Answer = answer };
    }

    public DomainError? SaveDraft(Target target, Guid volunteerId, SegmentContent draft, SegmentContent source, DateTimeOffset now) =>
        target.TextProblem(draft, source) ?? target.SaveDraft(volunteerId, draft, now, options.Value);

    /// <param name="note">For the history: the check warnings the volunteer handed the translation in with.</param>
    public DomainError? Submit(Target target, Guid volunteerId, SegmentContent translation, SegmentContent source, DateTimeOffset now, string? note = null) =>
        target.Submit(volunteerId, translation, source, now, options.Value, note);

    /// <summary>
    /// Approve, reject with a comment, or edit and approve; only someone with the review right who did not translate it.
    /// An approved translation feeds the translation memory in the same transaction.
    /// </summary>
    public async Task<Result<TranslationContext>> ReviewAsync(TranslationContext context, ReviewDecision decision, string? ifMatch,
        CancellationToken cancellationToken)
    {
        if (!TranslationVersion.Matches(ifMatch, context.Target))
        {
            return new TranslationChanged(context, "The translation changed since you loaded it.");
        }
        if (context.Target is not { } target)
        {
            return new NotAwaitingReview(context.Segment.Id, context.Language, TargetState.Untranslated);
        }
        var now = clock.GetUtcNow();
        var refused = decision.Verdict switch
        {
            ReviewVerdict.Approve => target.Approve(context.Caller, now),
            ReviewVerdict.Reject => target.Reject(context.Caller, decision.Comment, now),
            _ => target.EditAndApprove(context.Caller, decision.Correction ?? SegmentContent.Empty, context.Segment.Content, now),
        };
        if (refused is not null)
        {
            return refused;
        }
        if (decision.Verdict == ReviewVerdict.Reject && target.TranslatorId is { } translator)
        {
            await TellTranslatorAsync(context, target, translator, now, cancellationToken);
        }
        if (target.State != TargetState.Approved)
        {
            return await SaveAsync(context, cancellationToken);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var saved = await SaveAsync(context, cancellationToken);
                if (saved.Succeeded)
                {
                    await memory.RecordApprovalAsync(context.Place.Project, context.Segment, target, now, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                return saved;
            }
            catch (Exception e) when (attempt < DeadlockAttempts && StoreOutage.IsDeadlock(e))
            {
                // Rolled back whole (the memory's upsert included): the same approval goes again, see SaveAsync.
            }
        }
    }

    // How often a write chosen as a deadlock's victim is sent: a set-based statement (a new version, the sweep) that locked
    // the target and then records its event can meet a write that recorded its event and then waits for the target.
    private const int DeadlockAttempts = 3;

    /// <summary>
    /// Approves every translation still undecided in the reviewer's batch, after they read it. Each one
    /// goes through the same rule as a single approval and feeds the translation memory; the batch ends.
    /// </summary>
    public async Task<Result<int>> ApproveBatchAsync(Guid projectId, Guid documentId, Guid claimId, Guid reviewer, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.SingleOrDefaultAsync(c => c.Id == claimId && c.DocumentId == documentId && c.VolunteerId == reviewer
            && c.Kind == ClaimKind.Review, cancellationToken);
        if (claim is null)
        {
            return new ReviewBatchNotFound(claimId);
        }
        var found = await DocumentLanguage.FindForAsync(db, projectId, documentId, claim.Language, reviewer, LanguageRight.Review, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }
        var now = clock.GetUtcNow();
        if (!claim.IsLiveAt(now))
        {
            return new ClaimNotLive(claimId);
        }
        var held = await db.Targets.Where(t => t.ReviewClaimId == claimId && t.ReviewClaimedBy == reviewer && t.State == TargetState.Translated)
            .ToListAsync(cancellationToken);
        foreach (var target in held)
        {
            if (target.Approve(reviewer, now) is { } refused)
            {
                return refused;
            }
        }
        claim.Release(now);
        var segmentIds = held.Select(t => t.SegmentId).ToList();
        var segments = await db.Segments.AsNoTracking().Where(s => segmentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var target in held)
        {
            await memory.RecordApprovalAsync(found.Value.Project, segments[target.SegmentId], target, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return held.Count;
    }

    /// <summary>Every transition of the translation, oldest first: who did what and when, with each version's text.</summary>
    public async Task<IReadOnlyList<TargetEvent>> HistoryAsync(TranslationContext context, CancellationToken cancellationToken) =>
        context.Target is not { } target
            ? []
            : await db.TargetEvents.AsNoTracking().Where(e => e.TargetId == target.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);

    private async Task TellTranslatorAsync(TranslationContext context, Target target, Guid translator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reviewer = await db.Users.Where(a => a.Id == context.Caller).Select(a => a.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var where = context.Segment.Number is { } number ? $"paragraph {number}" : $"segment {context.Segment.Ordinal}";
        db.Notifications.Add(Notification.Create(translator, NotificationKind.TranslationRejected,
            $"{reviewer} sent back your translation of {where} of {context.Place.Document.Path} ({context.Language}): “{target.ReviewComment}”. " +
            "It is back with you: claim it to revise it.",
            target.Id, $"rejected:{target.Id}:{target.History[^1].Id}", now));
    }

    private async Task<Result<TranslationContext>> SaveAsync(TranslationContext context, CancellationToken cancellationToken)
    {
        try
        {
            // The target, its event, its claim's extension and any notice go as one batch, one round trip. PostgreSQL runs a
            // batch's statements in one implicit transaction, all or none, but only an error stops it: the target's version
            // check is an UPDATE that matches no row, no error, and EF Core writes a transition's event before the target (it
            // orders commands by table), so without a transaction of its own a write that lost the race to another would
            // still store its event (and its notice), a transition that did not happen, and the target's next event would
            // collide with it. A save that adds rows therefore goes in a transaction (BEGIN rides with the batch; COMMIT is
            // one more round trip) and is rolled back whole when the version check fails. A draft adds none: without a
            // transaction, a draft that lost the race leaves only its claim's extension, which its author's activity earned.
            db.Database.AutoTransactionBehavior = db.ChangeTracker.Entries().Any(e => e.State == EntityState.Added)
                ? AutoTransactionBehavior.WhenNeeded
                : AutoTransactionBehavior.Never;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    break;
                }
                catch (Exception e) when (attempt < DeadlockAttempts && db.Database.CurrentTransaction is null && StoreOutage.IsDeadlock(e))
                {
                    // Nothing was written and the changes are still tracked: sent again. If the other writer moved the target
                    // meanwhile, the version check makes the retry the usual "changed at the same time" below.
                }
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request changed the row between our read and our write; nothing of ours was written (a draft's claim
            // extension aside, see above). A history numbered first by another writer is an error that aborted the caller's
            // transaction (a hand-in's): it is rolled back before the target is read again, as it would be anyway.
            if (db.Database.CurrentTransaction is { } aborted)
            {
                await aborted.RollbackAsync(cancellationToken);
            }
            db.ChangeTracker.Clear();
            var fresh = await db.Targets.SingleOrDefaultAsync(t => t.Id == context.Target!.Id, cancellationToken);
            return new TranslationChanged(context with { Target = fresh }, "Someone else changed the translation at the same time.");
        }
        return context;
    }
}
