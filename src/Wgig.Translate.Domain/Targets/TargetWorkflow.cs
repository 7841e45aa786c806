namespace Wgig.Translate.Domain.Targets;

/// <summary>
/// The target workflow's transitions as data: the states each starts from, where it goes and what it records.
/// <see cref="Target"/>'s methods check against these sets, and the set-based statements that apply a
/// transition to many targets at once (claim-next and review-next, the reclaim sweep, a new version's source
/// changes) and the queue indexes are generated from the same sets (<see cref="TargetSql"/>); tests hold
/// both sides to the same rows and events, state by state.
/// </summary>
public static class TargetWorkflow
{
    /// <summary>A volunteer claims a target to translate it (a rejected one only its own translator).</summary>
    public static readonly Transition Claim = new(TargetEventKind.Claimed,
        [TargetState.Untranslated, TargetState.NeedsUpdate, TargetState.Rejected], TargetState.Claimed);

    /// <summary>A claim ends without a submission, released or run out: back to the state before the claim.</summary>
    public static readonly Transition Unclaim = new(TargetEventKind.Expired, [TargetState.Claimed], To: null);

    /// <summary>The claimant hands in a translation.</summary>
    public static readonly Transition Submit = new(TargetEventKind.Submitted, [TargetState.Claimed], TargetState.Translated);

    /// <summary>A reviewer takes a submitted translation into their review batch (the state stays).</summary>
    public static readonly Transition ClaimReview = new(TargetEventKind.ReviewClaimed, [TargetState.Translated], TargetState.Translated);

    /// <summary>A review batch runs out before its reviewer decided: the translation waits for review again (the state stays).</summary>
    public static readonly Transition ExpireReview = new(TargetEventKind.ReviewExpired, [TargetState.Translated], TargetState.Translated);

    /// <summary>Review decisions start from a submitted translation.</summary>
    public static readonly Transition Review = new(TargetEventKind.Approved, [TargetState.Translated], TargetState.Approved);

    /// <summary>An edited source makes finished work need an update.</summary>
    public static readonly Transition SourceChanged = new(TargetEventKind.SourceChanged,
        [TargetState.Translated, TargetState.Approved, TargetState.Rejected], TargetState.NeedsUpdate);

    /// <summary>Where an unclaimed target goes when it had no state before its claim.</summary>
    public const TargetState Initial = TargetState.Untranslated;

    /// <summary>A rejection goes back to the volunteer who wrote it, not to whoever comes first.</summary>
    public const TargetState ReservedForTranslator = TargetState.Rejected;
}

/// <param name="Event">The event the transition records.</param>
/// <param name="From">The states it may start from.</param>
/// <param name="To">The state it leads to; null: the state the target had before its claim.</param>
public sealed record Transition(TargetEventKind Event, IReadOnlyList<TargetState> From, TargetState? To)
{
    public bool Allows(TargetState state) => From.Contains(state);
}
