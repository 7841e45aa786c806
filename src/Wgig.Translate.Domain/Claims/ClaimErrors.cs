using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Claims;

public sealed record NothingToClaim(Guid DocumentId, string Language)
    : ConflictError("Nothing to claim", $"Every segment of document '{DocumentId}' in '{Language}' is translated or claimed.");

public sealed record OpenWordsCapReached(int Held, int Cap)
    : ConflictError("Claim cap reached", $"You hold {Held:N0} words in live claims; the cap is {Cap:N0}. Submit or release some first.");

public sealed record ClaimNotFound(Guid ClaimId)
    : NotFoundError("Claim not found", $"You hold no claim with id '{ClaimId}'.");

public sealed record ClaimNotLive(Guid ClaimId)
    : ConflictError("Claim ended", $"Claim '{ClaimId}' has expired or was released; claim the segments again.");

public sealed record ChosenSegmentsNotFound(Guid DocumentId, string What)
    : NotFoundError("Segments not found", $"Document '{DocumentId}' has no current {What}.");

public sealed record ChosenSegmentsNotOpen(IReadOnlyList<string> Reasons)
    : ConflictError("Not all open", $"Nothing was claimed: {string.Join(" ", Reasons)}");
