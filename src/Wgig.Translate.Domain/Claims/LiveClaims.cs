namespace Wgig.Translate.Domain.Claims;

/// <summary>One live claim or review batch of a volunteer, with what is left of it (read by <see cref="Work.MyWork.LiveClaimsAsync"/>).</summary>
/// <param name="Remaining">Segments still to translate (a claim) or to decide on (a review batch), in document order.</param>
/// <param name="DueAt">A coordinator's batch deadline, when the batch was assigned with one.</param>
public sealed record LiveClaim(Guid ClaimId, ClaimKind Kind, Guid ProjectId, Guid DocumentId, string Path, string Language, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? DueAt, int Words, int RemainingWords, IReadOnlyList<Guid> Remaining);
