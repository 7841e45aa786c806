using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Targets;

public sealed record SegmentRetired(Guid SegmentId)
    : ConflictError("Segment retired", $"Segment '{SegmentId}' is no longer in the document; it is read-only.");

public sealed record AlreadyClaimed(Guid SegmentId, string Language)
    : ConflictError("Already claimed", $"Segment '{SegmentId}' is claimed by another volunteer in '{Language}'.");

public sealed record NotOpenForTranslation(Guid SegmentId, string Language, TargetState State)
    : ConflictError("Not open for translation", $"Segment '{SegmentId}' in '{Language}' is {State} and cannot be claimed.");

public sealed record NotYourClaim(Guid SegmentId, string Language)
    : ConflictError("Not your claim", $"You do not hold a claim on segment '{SegmentId}' in '{Language}'.");

public sealed record ClaimExpired(Guid SegmentId, string Language, DateTimeOffset ExpiredAt)
    : ConflictError("Claim expired", $"Your claim on segment '{SegmentId}' in '{Language}' expired at {ExpiredAt:u}; claim it again.");

public sealed record ClaimStillLive(Guid SegmentId, string Language)
    : ConflictError("Claim still live", $"The claim on segment '{SegmentId}' in '{Language}' has not expired.");

public sealed record NotAwaitingReview(Guid SegmentId, string Language, TargetState State)
    : ConflictError("Not awaiting review", $"Segment '{SegmentId}' in '{Language}' is {State}, not a submitted translation.");

public sealed record SelfReview(Guid SegmentId, string Language)
    : ForbiddenError("Self-review", $"You translated segment '{SegmentId}' in '{Language}'; a different volunteer must review it.");

public sealed record ReviewCommentRequired(Guid SegmentId, string Language) : InvalidInputError("Comment required",
    $"Rejecting segment '{SegmentId}' in '{Language}' needs a comment telling the translator why.",
    new Dictionary<string, string[]> { ["comment"] = ["Say what to change."] });

public sealed record EmptyTranslation(Guid SegmentId, string Language) : InvalidInputError("Empty translation",
    $"The translation of segment '{SegmentId}' into '{Language}' is empty.",
    new Dictionary<string, string[]> { ["text"] = ["A translation has text."] });

public sealed record TranslationIsSource(Guid SegmentId, string Language) : InvalidInputError("Translation equals source",
    $"The translation of segment '{SegmentId}' into '{Language}' is identical to its source, which is not a translation.",
    new Dictionary<string, string[]> { ["text"] = ["Identical to the source."] });

public sealed record ClaimedForReview(Guid SegmentId, string Language)
    : ConflictError("Claimed for review", $"Segment '{SegmentId}' in '{Language}' is in another reviewer's review batch.");

public sealed record MuteReasonRequired(Guid SegmentId, string Language, string Check) : InvalidInputError("Reason required",
    $"Muting the check '{Check}' on segment '{SegmentId}' in '{Language}' needs a reason, kept in the history for reviewers.",
    new Dictionary<string, string[]> { ["reason"] = ["Say why the finding does not apply here."] });

public sealed record TranslationTooLong(Guid SegmentId, string Language, int Length, int Limit) : InvalidInputError("Translation too long",
    $"The text for segment '{SegmentId}' in '{Language}' has {Length} characters; at most {Limit} are allowed (ten times its source, at most 64 KB).",
    new Dictionary<string, string[]> { ["text"] = [$"At most {Limit} characters."] });
