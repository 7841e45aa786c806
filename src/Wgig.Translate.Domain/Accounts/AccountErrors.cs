using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Accounts;

public sealed record InvitationNotValid() : InvalidInputError("Invitation not valid",
    "The invitation is unknown, already used or expired; ask a coordinator for a new one.",
    new Dictionary<string, string[]> { ["invitation"] = ["Unknown, used or expired."] });

public sealed record EmailTaken(string Email)
    : ConflictError("E-mail taken", $"An account with the e-mail '{Email}' exists already.");

public sealed record TokenNotFound(Guid TokenId)
    : NotFoundError("Token not found", $"You have no token with id '{TokenId}'.");
