namespace Wgig.Translate.Api.Accounts;

/// <param name="Role">volunteer, coordinator, secretariat or admin.</param>
/// <param name="ProjectId">A project to invite into; with <paramref name="Rights"/>, the rights the invitee gets there on accepting.</param>
public sealed record InviteRequest(string? Email, string? Role, Guid? ProjectId = null, IReadOnlyList<Domain.Accounts.InvitationGrant>? Rights = null);

/// <summary>The invitation went out by e-mail; its token is in the letter only.</summary>
public sealed record InvitationResponse(Guid Id, string Email, string Role, DateTimeOffset ExpiresAt, Guid? ProjectId,
    IReadOnlyList<Domain.Accounts.InvitationGrant> Rights)
{
    public static InvitationResponse From(Domain.Accounts.Invitation i) => new(i.Id, i.Email, i.Role, i.ExpiresAt, i.ProjectId, i.Grants);
}

/// <summary>The address had an account: it got the rights at once, no invitation was sent.</summary>
public sealed record RightsGrantedResponse(Guid AccountId, string Name, string Email, IReadOnlyList<Domain.Accounts.InvitationGrant> Rights);

public sealed record SignUpRequest(string? Invitation, string? DisplayName, string? Password);

public sealed record SignInRequest(string? Email, string? Password);

public sealed record AccountResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

/// <param name="Days">How long the token lives (1–365, default 90).</param>
public sealed record TokenRequest(string? Name, int? Days);

public sealed record TokenResponse(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <param name="Token">The token itself: shown only now, stored only as a hash.</param>
public sealed record IssuedTokenResponse(Guid Id, string Name, string Hint, DateTimeOffset ExpiresAt, string Token);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record PasswordResetRequest(string? Email);

/// <param name="Token">From the link in the reset letter.</param>
public sealed record CompleteResetRequest(string? Token, string? Password);

public sealed record ResetRequested(string Message);
