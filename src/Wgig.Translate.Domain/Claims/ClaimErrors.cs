using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Claims;

public sealed record NothingToClaim(Guid DocumentId, string Language)
    : ConflictError("Nothing to claim", $"Every segment of document '{DocumentId}' in '{Language}' is translated or claimed.");

/// <param name="Wanted">The words of the work that would not fit; 0 when nothing more fits at all.</param>
public sealed record OpenWordsCapReached(int Held, int Cap, int Wanted = 0) : ConflictError("Claim cap reached",
    $"{(Wanted > 0 ? $"{Wanted:N0} more words would not fit: t" : "T")}he volunteer holds {Held:N0} words in live claims and may hold at most {Cap:N0} " +
    "(their weekly capacity from their profile, within the project's cap). Hand in or release some first, or raise the capacity.");

public sealed record ClaimNotFound(Guid ClaimId)
    : NotFoundError("Claim not found", $"You hold no claim with id '{ClaimId}'.");

public sealed record ClaimNotLive(Guid ClaimId)
    : ConflictError("Claim ended", $"Claim '{ClaimId}' has expired or was released; claim the segments again.");

public sealed record ChosenSegmentsNotFound(Guid DocumentId, string What)
    : NotFoundError("Segments not found", $"Document '{DocumentId}' has no current {What}.");

public sealed record ChosenSegmentsNotOpen(IReadOnlyList<string> Reasons)
    : ConflictError("Not all open", $"Nothing was claimed: {string.Join(" ", Reasons)}");
