using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Targets;

public enum TargetState
{
    Untranslated,
    Claimed,
    Translated,
    Approved,
    Rejected,
    NeedsUpdate,
}

/// <summary>
/// A segment in one target language, and the workflow state machine for it: untranslated → claimed →
/// translated (submitted) → approved | rejected (back to its translator with the reviewer's comment);
/// an edited source makes a finished translation need an update. Every transition is a named method
/// that checks its rules (the states of <see cref="TargetWorkflow"/>) and records an event; nothing else
/// changes a target. Every current segment has a target in every target language of its project, created
/// untranslated with the segment, so the open ones form a queue per document × language (ordered by the
/// segment's place, which the target keeps with the segment's word count).
/// A claim's expiry is stored once, on the <see cref="Claims.Claim"/> (<see cref="Lease"/>): activity
/// extends one row, whatever the batch's size.
/// <see cref="Text"/> is coded text whose codes are the segment's source codes (the marker for source
/// code <c>i</c> is U+E000 + i), so a translation can move codes but not invent them.
/// </summary>
public sealed class Target
{
    public const int MaxCommentLength = 4000;

    /// <summary>
    /// How many drafts set aside (suggestions for the next translator) a target keeps: when another is set aside, the
    /// oldest kept one's text is dropped, its event staying in the history (<see cref="TargetSql.DropOldDrafts"/>). A
    /// volunteer who claims and releases a segment over and over cannot make its storage grow without bound.
    /// </summary>
    public const int SuggestionsKept = 10;

    private readonly List<TargetEvent> _history = [];

    // Events recorded so far, stored so that a target loaded without its history still numbers new ones right.
    private int _recorded;

    private Target()
    {
        Language = "";
    }

    private Target(Guid id, Segment segment, string language, DateTimeOffset now)
    {
        Id = id;
        SegmentId = segment.Id;
        DocumentId = segment.DocumentId;
        Ordinal = segment.IsRetired ? null : segment.Ordinal;
        WordCount = segment.WordCount;
        Language = language;
        State = TargetWorkflow.Initial;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid SegmentId { get; private set; }

    public string Language { get; private set; }

    /// <summary>The segment's document, kept here so that a document × language's queue is one index.</summary>
    public Guid DocumentId { get; private set; }

    /// <summary>The segment's place in the current version (the queue's order); null once the segment is retired.</summary>
    public int? Ordinal { get; private set; }

    /// <summary>The segment's word count, for batch budgets and the per-volunteer cap.</summary>
    public int WordCount { get; private set; }

    public TargetState State { get; private set; }

    /// <summary>The current translation (submitted, approved, or kept while it needs an update).</summary>
    public string? Text { get; private set; }

    /// <summary>Who wrote <see cref="Text"/>; a reviewer may not review it.</summary>
    public Guid? TranslatorId { get; private set; }

    public Guid? ClaimedBy { get; private set; }

    public Guid? ClaimId { get; private set; }

    /// <summary>The claim the target is in; its expiry is the lease's (loaded with the target).</summary>
    public Claim? Lease { get; private set; }

    public DateTimeOffset? ClaimExpiresAt => ClaimId is null ? null : LoadedLease(Lease).ExpiresAt;

    /// <summary>The state the target returns to when its claim is released or expires.</summary>
    public TargetState? StateBeforeClaim { get; private set; }

    public string? ReviewComment { get; private set; }

    /// <summary>The claimant's unsubmitted text, autosaved; private to them until their claim ends without a submission.</summary>
    public string? Draft { get; private set; }

    public DateTimeOffset? DraftSavedAt { get; private set; }

    /// <summary>The reviewer holding the submitted translation in a review batch, until <see cref="ReviewClaimExpiresAt"/>.</summary>
    public Guid? ReviewClaimedBy { get; private set; }

    public Guid? ReviewClaimId { get; private set; }

    /// <summary>The review batch the target is in.</summary>
    public Claim? ReviewLease { get; private set; }

    public DateTimeOffset? ReviewClaimExpiresAt => ReviewClaimId is null ? null : LoadedLease(ReviewLease).ExpiresAt;

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Every transition, oldest first: who did what, when, with which text.</summary>
    public IReadOnlyList<TargetEvent> History => _history;

    /// <summary>The untranslated target of a segment in one language (stores create these set-based, see <see cref="TargetSql.CreateMissing"/>).</summary>
    public static Target Start(Segment segment, string language, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), segment, language, now);

    public bool IsRetired => Ordinal is null;

    /// <summary>
    /// Targets in their document's order, retired ones last. A statement read through <c>FromSql</c> is joined to each target's
    /// claims (auto-included) outside it, so its own <c>ORDER BY</c> orders its locks, not the rows EF Core returns: the
    /// join's order is the planner's choice.
    /// </summary>
    public static List<Target> InDocumentOrder(IEnumerable<Target> targets) => [.. targets.OrderBy(t => t.Ordinal ?? int.MaxValue)];

    /// <summary>True when the target counts as translated for progress: handed in, or approved.</summary>
    public static bool CountsAsTranslated(TargetState state) => state is TargetState.Translated or TargetState.Approved;

    /// <summary>The translation as content, its codes taken from the segment's source.</summary>
    public SegmentContent? ContentFor(SegmentContent source) => Text is null ? null : new SegmentContent(Text, source.Codes);

    /// <summary>Whether <see cref="Claim"/> would let this volunteer take the segment now.</summary>
    public bool IsOpenFor(Guid volunteerId, DateTimeOffset now)
    {
        if (State == TargetState.Claimed && ClaimExpiresAt > now)
        {
            return false;
        }
        var open = State == TargetState.Claimed ? StateBeforeClaim ?? TargetWorkflow.Initial : State;
        return TargetWorkflow.Claim.Allows(open)
            && !(open == TargetWorkflow.ReservedForTranslator && TranslatorId is { } translator && translator != volunteerId);
    }

    /// <summary>The claim's volunteer takes the segment into it, to translate it while the claim lives.</summary>
    /// <param name="assignment">Who handed the segment to the volunteer and why, when they did not claim it themselves.</param>
    public DomainError? Claim(Claim lease, DateTimeOffset now, string? assignment = null)
    {
        var volunteerId = lease.VolunteerId;
        if (IsRetired)
        {
            return new SegmentRetired(SegmentId);
        }
        if (State == TargetState.Claimed && ClaimExpiresAt > now)
        {
            return new AlreadyClaimed(SegmentId, Language);
        }
        if (!IsOpenFor(volunteerId, now))
        {
            return new NotOpenForTranslation(SegmentId, Language, State == TargetState.Claimed ? StateBeforeClaim ?? State : State);
        }
        if (State == TargetState.Claimed)
        {
            // An expired claim is taken over: it ends first, and a draft left under it becomes a suggestion
            // (unless its author is the one claiming again: then it is still their draft).
            Unclaim(TargetEventKind.Expired, null, now, keepDraft: ClaimedBy == volunteerId);
        }
        StateBeforeClaim = State;
        State = TargetWorkflow.Claim.To!.Value;
        ClaimedBy = volunteerId;
        ClaimId = lease.Id;
        Lease = lease;
        Record(TargetWorkflow.Claim.Event, volunteerId, null, assignment, now);
        return null;
    }

    /// <summary>The people a translation's answer names: its translator, its claimant and its review claimant.</summary>
    public IEnumerable<Guid?> People => [TranslatorId, ClaimedBy, ReviewClaimedBy];

    /// <summary>
    /// Autosave: the claimant's work in progress, kept whatever happens to the claim. An empty draft clears it.
    /// Codes must be the source's; anything else (even a copy of the source) is fine for a draft. Saving is
    /// activity: it extends the claim (<see cref="Claims.Claim.Extend"/>).
    /// </summary>
    public DomainError? SaveDraft(Guid volunteerId, SegmentContent draft, DateTimeOffset now, ClaimOptions rules)
    {
        if (LiveClaimProblem(volunteerId, now) is { } problem)
        {
            return problem;
        }
        Lease!.Extend(now, rules);
        Draft = string.IsNullOrEmpty(draft.CodedText) ? null : draft.CodedText;
        DraftSavedAt = Draft is null ? null : now;
        UpdatedAt = now;
        return null;
    }

    /// <summary>The review batch's reviewer takes the submitted translation into it.</summary>
    public DomainError? ClaimReview(Claim lease, DateTimeOffset now, string? assignment = null)
    {
        var reviewerId = lease.VolunteerId;
        if (ReviewProblem(reviewerId, now) is { } problem)
        {
            return problem;
        }
        ReviewClaimedBy = reviewerId;
        ReviewClaimId = lease.Id;
        ReviewLease = lease;
        Record(TargetWorkflow.ClaimReview.Event, reviewerId, null, assignment, now);
        return null;
    }

    /// <summary>The reviewer hands the translation back to the review queue without a decision.</summary>
    public DomainError? ReleaseReview(Guid reviewerId, DateTimeOffset now)
    {
        if (ReviewClaimedBy != reviewerId || !TargetWorkflow.ClaimReview.Allows(State))
        {
            return new NotYourClaim(SegmentId, Language);
        }
        ClearReviewClaim();
        Record(TargetEventKind.ReviewReleased, reviewerId, null, null, now);
        return null;
    }

    /// <summary>The claimant gives the segment back.</summary>
    public DomainError? Release(Guid volunteerId, DateTimeOffset now)
    {
        if (State != TargetState.Claimed || ClaimedBy != volunteerId)
        {
            return new NotYourClaim(SegmentId, Language);
        }
        Unclaim(TargetEventKind.Released, volunteerId, now);
        return null;
    }

    /// <summary>
    /// The claimant lost the right to translate into the language: the claim ends at once, the segment goes back to
    /// the pool, a draft is kept as a suggestion, and the history says who took the right away and why.
    /// </summary>
    public DomainError? EndClaimForLostRight(Guid volunteerId, Guid revokedBy, string why, DateTimeOffset now) =>
        EndClaimBy(TargetEventKind.ClaimEndedRightRevoked, volunteerId, revokedBy, why, now);

    /// <summary>The reviewer lost the right to review the language: the translation goes back to the review queue, the history says why.</summary>
    public DomainError? EndReviewForLostRight(Guid reviewerId, Guid revokedBy, string why, DateTimeOffset now) =>
        EndReviewBy(TargetEventKind.ReviewEndedRightRevoked, reviewerId, revokedBy, why, now);

    /// <summary>
    /// A coordinator takes the segment back from its claimant: the claim on it ends at once, as when a lease runs out (the
    /// segment goes back to the pool, a draft is kept in the history as a suggestion), and the history says who took it back.
    /// </summary>
    public DomainError? TakeBack(Guid volunteerId, Guid coordinatorId, string why, DateTimeOffset now) =>
        EndClaimBy(TargetEventKind.ClaimTakenBack, volunteerId, coordinatorId, why, now);

    /// <summary>A coordinator takes the translation back from its reviewer's batch: it waits in the review queue again.</summary>
    public DomainError? TakeBackReview(Guid reviewerId, Guid coordinatorId, string why, DateTimeOffset now) =>
        EndReviewBy(TargetEventKind.ReviewTakenBack, reviewerId, coordinatorId, why, now);

    private NotYourClaim? EndClaimBy(TargetEventKind kind, Guid volunteerId, Guid endedBy, string why, DateTimeOffset now)
    {
        if (State != TargetState.Claimed || ClaimedBy != volunteerId)
        {
            return new NotYourClaim(SegmentId, Language);
        }
        Unclaim(kind, endedBy, now, comment: why);
        return null;
    }

    private NotYourClaim? EndReviewBy(TargetEventKind kind, Guid reviewerId, Guid endedBy, string why, DateTimeOffset now)
    {
        if (ReviewClaimedBy != reviewerId || !TargetWorkflow.ClaimReview.Allows(State))
        {
            return new NotYourClaim(SegmentId, Language);
        }
        ClearReviewClaim();
        Record(kind, endedBy, null, why, now);
        return null;
    }

    /// <summary>The lease ran out: the segment goes back to the pool (the Worker reclaims it).</summary>
    public DomainError? Expire(DateTimeOffset now)
    {
        if (!TargetWorkflow.Unclaim.Allows(State) || ClaimExpiresAt > now)
        {
            return new ClaimStillLive(SegmentId, Language);
        }
        Unclaim(TargetWorkflow.Unclaim.Event, null, now);
        return null;
    }

    /// <summary>
    /// The review batch ran out before a decision (the Worker's sweep): the translation goes back to the review queue,
    /// and the history says so, so a reviewer whose decision lost the race to the lapse can see why it was refused.
    /// </summary>
    public DomainError? ExpireReview(DateTimeOffset now)
    {
        if (ReviewClaimedBy is null || !TargetWorkflow.ExpireReview.Allows(State) || ReviewClaimExpiresAt > now)
        {
            return new ClaimStillLive(SegmentId, Language);
        }
        ClearReviewClaim();
        Record(TargetWorkflow.ExpireReview.Event, null, null, null, now);
        return null;
    }

    /// <summary>
    /// The claimant hands in a translation for review; handing work in is activity, which extends the rest of the claim.
    /// <paramref name="note"/> goes to the history (the check warnings handed in with it).
    /// </summary>
    public DomainError? Submit(Guid volunteerId, SegmentContent translation, SegmentContent source, DateTimeOffset now, ClaimOptions rules, string? note = null)
    {
        if (SubmitProblem(volunteerId, translation, source, now) is { } problem)
        {
            return problem;
        }
        Lease!.Extend(now, rules);
        Text = translation.CodedText;
        TranslatorId = volunteerId;
        ReviewComment = null;
        ClearClaim();
        ClearDraft();
        ClearReviewClaim();
        State = TargetWorkflow.Submit.To!.Value;
        Record(TargetWorkflow.Submit.Event, volunteerId, Text, note, now);
        return null;
    }

    /// <summary>
    /// A coordinator fills an untranslated segment from a certain translation memory match (in context, or
    /// exact): handed in as the coordinator's, marked as pre-translated in the history, and reviewed like any other.
    /// </summary>
    public DomainError? Pretranslate(Guid coordinatorId, SegmentContent translation, SegmentContent source, string note, DateTimeOffset now)
    {
        if (State != TargetState.Untranslated)
        {
            return new NotOpenForTranslation(SegmentId, Language, State);
        }
        if (TranslationProblem(translation, source) is { } invalid)
        {
            return invalid;
        }
        Text = translation.CodedText;
        TranslatorId = coordinatorId;
        ReviewComment = null;
        State = TargetState.Translated;
        Record(TargetEventKind.Pretranslated, coordinatorId, Text, note, now);
        return null;
    }

    /// <summary>Mutes a check's findings for this segment, saying why; the history keeps who and why.</summary>
    public DomainError? MuteCheck(Guid actorId, string check, string? reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new MuteReasonRequired(SegmentId, Language, check);
        }
        Record(TargetEventKind.CheckMuted, actorId, null, $"{check}: {reason.Trim()}", now);
        return null;
    }

    /// <summary>A muted check counts again for this segment.</summary>
    public void UnmuteCheck(Guid actorId, string check, DateTimeOffset now) => Record(TargetEventKind.CheckUnmuted, actorId, null, check, now);

    /// <summary>The checks muted for a target, with their reasons, from its history (oldest first).</summary>
    public static Dictionary<string, string> MutedChecks(IEnumerable<TargetEvent> history) => MutedChecks(history.Select(e => (e.Kind, e.Comment)));

    /// <summary><see cref="MutedChecks(IEnumerable{TargetEvent})"/> from the events' kinds and comments alone, oldest first.</summary>
    public static Dictionary<string, string> MutedChecks(IEnumerable<(TargetEventKind Kind, string? Comment)> history)
    {
        var muted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in history)
        {
            if (e.Kind == TargetEventKind.CheckMuted && e.Comment is { } comment && comment.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0)
            {
                muted[comment[..colon]] = comment[(colon + 2)..];
            }
            else if (e.Kind == TargetEventKind.CheckUnmuted && e.Comment is { } check)
            {
                muted.Remove(check);
            }
        }
        return muted;
    }

    /// <summary>A different volunteer accepts the translation.</summary>
    public DomainError? Approve(Guid reviewerId, DateTimeOffset now)
    {
        if (ReviewProblem(reviewerId, now) is { } problem)
        {
            return problem;
        }
        State = TargetState.Approved;
        ReviewComment = null;
        ClearReviewClaim();
        Record(TargetEventKind.Approved, reviewerId, null, null, now);
        return null;
    }

    /// <summary>A different volunteer sends the translation back to its translator, saying why.</summary>
    public DomainError? Reject(Guid reviewerId, string? comment, DateTimeOffset now)
    {
        if (ReviewProblem(reviewerId, now) is { } problem)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(comment))
        {
            return new ReviewCommentRequired(SegmentId, Language);
        }
        if (comment.Trim().Length > MaxCommentLength)
        {
            return InvalidInputError.ForField("comment", $"A review comment has at most {MaxCommentLength} characters; this one has {comment.Trim().Length}.");
        }
        ClearReviewClaim();
        State = TargetState.Rejected;
        ReviewComment = comment.Trim();
        Record(TargetEventKind.Rejected, reviewerId, null, ReviewComment, now);
        return null;
    }

    /// <summary>A different volunteer corrects the translation and approves it; the edit is recorded as theirs.</summary>
    public DomainError? EditAndApprove(Guid reviewerId, SegmentContent correction, SegmentContent source, DateTimeOffset now)
    {
        if (ReviewProblem(reviewerId, now) is { } problem)
        {
            return problem;
        }
        if (TranslationProblem(correction, source) is { } invalid)
        {
            return invalid;
        }
        ClearReviewClaim();
        Text = correction.CodedText;
        State = TargetState.Approved;
        ReviewComment = null;
        Record(TargetEventKind.EditedAndApproved, reviewerId, Text, null, now);
        return null;
    }

    /// <summary>
    /// The source sentence was edited: a finished translation no longer fits it and needs updating
    /// (the text stays as a starting point). Work in progress keeps its state. True when a translation was
    /// sent back to "needs update" (its translator should hear of it).
    /// </summary>
    public bool MarkSourceChanged(DateTimeOffset now)
    {
        if (TargetWorkflow.SourceChanged.Allows(State))
        {
            ClearReviewClaim();
            State = TargetWorkflow.SourceChanged.To!.Value;
            Record(TargetWorkflow.SourceChanged.Event, null, null, null, now);
            return true;
        }
        if (State == TargetState.Claimed && StateBeforeClaim is { } before && TargetWorkflow.SourceChanged.Allows(before))
        {
            StateBeforeClaim = TargetWorkflow.SourceChanged.To!.Value;
        }
        return false;
    }

    /// <summary>The segment moved in a new version, or left it (retired), or came back.</summary>
    public void Place(Segment segment)
    {
        Ordinal = segment.IsRetired ? null : segment.Ordinal;
        WordCount = segment.WordCount;
    }

    private DomainError? LiveClaimProblem(Guid volunteerId, DateTimeOffset now) =>
        State != TargetState.Claimed || ClaimedBy != volunteerId ? new NotYourClaim(SegmentId, Language)
        : ClaimExpiresAt <= now ? new ClaimExpired(SegmentId, Language, ClaimExpiresAt!.Value)
        : null;

    private DomainError? ReviewProblem(Guid reviewerId, DateTimeOffset now) =>
        !TargetWorkflow.Review.Allows(State) ? new NotAwaitingReview(SegmentId, Language, State)
        : reviewerId == TranslatorId ? new SelfReview(SegmentId, Language)
        : ReviewClaimedBy is { } holder && holder != reviewerId && ReviewClaimExpiresAt > now ? new ClaimedForReview(SegmentId, Language)
        : null;

    /// <summary>
    /// What people type is bounded by its source (ten times its length, at most 64 KB) and by what storage and XML can
    /// hold, whichever way it comes in: the editor, an XLIFF upload, a review edit, a draft.
    /// </summary>
    /// <summary>Why <see cref="Submit"/> would refuse this translation now, without changing anything.</summary>
    public DomainError? SubmitProblem(Guid volunteerId, SegmentContent translation, SegmentContent source, DateTimeOffset now) =>
        LiveClaimProblem(volunteerId, now) ?? TranslationProblem(translation, source);

    public DomainError? TextProblem(SegmentContent text, SegmentContent source)
    {
        var limit = TextRules.TranslationLimit(source.PlainText.Length);
        if (text.PlainText.Length > limit)
        {
            return new TranslationTooLong(SegmentId, Language, text.PlainText.Length, limit);
        }
        return TextRules.Problem(text.PlainText) is { } problem ? new UnstorableText("text", problem) : null;
    }

    private DomainError? TranslationProblem(SegmentContent translation, SegmentContent source)
    {
        if (TextProblem(translation, source) is { } problem)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(translation.PlainText))
        {
            return new EmptyTranslation(SegmentId, Language);
        }
        return translation.CodedText == source.CodedText ? new TranslationIsSource(SegmentId, Language) : null;
    }

    private void Unclaim(TargetEventKind kind, Guid? actor, DateTimeOffset now, bool keepDraft = false, string? comment = null)
    {
        var claimant = ClaimedBy;
        State = StateBeforeClaim ?? TargetWorkflow.Initial;
        ClearClaim();
        Record(kind, actor, null, comment, now);
        if (Draft is not null && !keepDraft)
        {
            // The volunteer's work is never dropped: it stays in the history, offered to whoever comes next.
            Record(TargetEventKind.DraftSetAside, claimant, Draft, null, now);
            ClearDraft();
        }
    }

    private void ClearDraft()
    {
        Draft = null;
        DraftSavedAt = null;
    }

    private void ClearReviewClaim()
    {
        ReviewClaimedBy = null;
        ReviewClaimId = null;
        ReviewLease = null;
    }

    private void ClearClaim()
    {
        ClaimedBy = null;
        ClaimId = null;
        Lease = null;
        StateBeforeClaim = null;
    }

    // A target is always read with its claims (auto-included); one without means a query that skipped them.
    private static Claim LoadedLease(Claim? lease) =>
        lease ?? throw new InvalidOperationException("The target was read without its claim; its lease cannot be judged.");

    private void Record(TargetEventKind kind, Guid? actor, string? text, string? comment, DateTimeOffset now)
    {
        UpdatedAt = now;
        _history.Add(new TargetEvent(Guid.CreateVersion7(now), Id, ++_recorded, kind, State, actor, text, comment, now));
    }
}
