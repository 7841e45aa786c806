using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Accounts;

public sealed record InvitationNotValid() : InvalidInputError("Invitation not valid",
    "The invitation is unknown, already used or expired; ask a coordinator for a new one.",
    new Dictionary<string, string[]> { ["invitation"] = ["Unknown, used or expired."] });

public sealed record EmailTaken(string Email)
    : ConflictError("E-mail taken", $"An account with the e-mail '{Email}' exists already.");

public sealed record TokenNotFound(Guid TokenId)
    : NotFoundError("Token not found", $"You have no token with id '{TokenId}'.");

public sealed record MayNotInvite(string Role) : ForbiddenError("Not allowed to invite",
    $"You may not invite someone as {Role}: admins invite anyone, coordinators invite volunteers (and coordinators when an admin allows it); nobody invites with more power than their own.");

public sealed record TooManyTokens(int Max) : ConflictError("Too many tokens",
    $"An account holds at most {Max} live tokens; revoke one you no longer use (DELETE /api/me/tokens/{{id}}) first.");

public sealed record CannotDisableYourself() : ConflictError("Not your own account",
    "An admin cannot disable their own account; ask another admin.");
