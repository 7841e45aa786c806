namespace Wgig.Translate.Domain.Targets;

public enum TargetEventKind
{
    Claimed,
    Released,
    Expired,
    Submitted,
    Approved,
    Rejected,
    EditedAndApproved,
    SourceChanged,

    /// <summary>A claim ended without a submission; its draft is kept here (the event's text) as a suggestion.</summary>
    DraftSetAside,
    ReviewClaimed,
    ReviewReleased,

    /// <summary>A coordinator filled the segment from a translation memory match (the comment says which kind); it still goes to review.</summary>
    Pretranslated,

    /// <summary>A check's findings are muted for this segment; the comment is "check: reason".</summary>
    CheckMuted,

    /// <summary>A muted check counts again; the comment is the check.</summary>
    CheckUnmuted,

    /// <summary>A review batch ran out before its reviewer decided; the translation waits in the review queue again.</summary>
    ReviewExpired,

    /// <summary>The claimant's right to translate into the language was taken away: the claim ended (the comment says so).</summary>
    ClaimEndedRightRevoked,

    /// <summary>The reviewer's right to review the language was taken away: the review batch ended (the comment says so).</summary>
    ReviewEndedRightRevoked,

    /// <summary>A coordinator took the segment back from its claimant (the actor; the comment names the claimant): the claim ended.</summary>
    ClaimTakenBack,

    /// <summary>A coordinator took the translation back from its reviewer's batch (the comment names the reviewer).</summary>
    ReviewTakenBack,
}

/// <summary>
/// One transition of a target, kept for ever: the audit trail, every version of every translation
/// (<see cref="Text"/> on submissions and review edits) and the contributor credits come from these.
/// </summary>
/// <param name="Sequence">The event's place in its target's history, from 1: the order, even within one instant.</param>
/// <param name="ActorId">The volunteer who acted; null for the system (expiry, source updates).</param>
public sealed record TargetEvent(Guid Id, Guid TargetId, int Sequence, TargetEventKind Kind, TargetState StateAfter, Guid? ActorId,
    string? Text, string? Comment, DateTimeOffset At);
