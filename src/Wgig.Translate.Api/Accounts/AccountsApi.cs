using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Api.Security;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

public static class AccountsApi
{

    /// <summary>Personal tokens one account may hold at once (live ones; revoked and expired ones do not count).</summary>

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var accounts = routes.MapGroup("/").WithTags("Accounts");
        accounts.MapPost("/invitations", Invite).RequireAuthorization(Policies.Invite).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        accounts.MapPost("/accounts", SignUp).AllowAnonymous().RequireRateLimiting(RateLimits.Anonymous)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
        accounts.MapPost("/session", SignIn).AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        accounts.MapDelete("/session", SignOut);
        accounts.MapPost("/password-reset", RequestReset).AllowAnonymous().RequireRateLimiting(RateLimits.Anonymous)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        accounts.MapPost("/password-reset/complete", CompleteReset).AllowAnonymous().RequireRateLimiting(RateLimits.Anonymous)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        accounts.MapGet("/me", Me);
        accounts.MapPost("/me/password", ChangePassword).ProducesValidationProblem();
        accounts.MapPost("/me/tokens", IssueToken).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapGet("/me/tokens", ListTokens);
        accounts.MapDelete("/me/tokens/{tokenId}", RevokeToken).ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPost("/accounts/{accountId}/disable", Disable).RequireAuthorization(Policies.Admin).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapPost("/accounts/{accountId}/enable", Enable).RequireAuthorization(Policies.Admin).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>Invite someone by e-mail into a role, optionally into a project with rights per language.</summary>
    /// <remarks>
    /// The rights are granted when they accept; the invitation goes out by e-mail (the token is never shown here). An address that
    /// has an account gets the rights at once instead (200). Admins invite anyone; coordinators invite volunteers, and coordinators
    /// when an admin allowed it (Accounts:CoordinatorsMayInviteCoordinators).
    /// </remarks>
    internal static async Task<Results<Created<InvitationResponse>, Ok<RightsGrantedResponse>, ProblemHttpResult>> Invite(
        InviteRequest request, ClaimsPrincipal caller, Invitations invitations, HttpRequest http, CancellationToken cancellationToken)
    {
        var outcome = await invitations.InviteAsync(caller, request.Email, request.Role, request.ProjectId, request.Rights, http, cancellationToken);
        return outcome.Value switch
        {
            _ when !outcome.Succeeded => outcome.Error.ToProblem(),
            RightsGranted granted => TypedResults.Ok(new RightsGrantedResponse(granted.AccountId, granted.Name, granted.Email, granted.Rights)),
            Invited { Invitation: var invitation } => TypedResults.Created($"/api/invitations/{invitation.Id}", InvitationResponse.From(invitation)),
            _ => throw new InvalidOperationException("An invitation ends invited or granted."),
        };
    }

    /// <summary>Accept an invitation: create the account with a password.</summary>
    /// <remarks>
    /// Anonymous. The invitation token must be open (not used, not expired) and its e-mail not yet taken. The account gets the
    /// invitation's role.
    /// </remarks>
    internal static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> SignUp(
        SignUpRequest request, AccountSessions sessions, CancellationToken cancellationToken)
    {
        var accepted = await sessions.AcceptInvitationAsync(request.Invitation, request.DisplayName, request.Password, cancellationToken);
        if (!accepted.Succeeded)
        {
            return accepted.Error.ToProblem();
        }
        var (account, role) = accepted.Value;
        return TypedResults.Created("/api/me", new AccountResponse(account.Id, account.Email!, account.DisplayName, [role]));
    }

    /// <summary>Sign in with e-mail and password; the session is a cookie.</summary>
    /// <remarks>
    /// Anonymous. Attempts are limited per account and per address (429 with Retry-After); a wrong password and an unknown e-mail get
    /// the same answer. Scripts and CAT tools use a personal API token instead.
    /// </remarks>
    internal static async Task<Results<NoContent, ProblemHttpResult>> SignIn(
        SignInRequest request, SignInService signIn, HttpContext http, CancellationToken cancellationToken)
    {
        switch (await signIn.SignInAsync(request.Email, request.Password, http, cancellationToken))
        {
            case SignInOutcome.SignedIn:
                return TypedResults.NoContent();
            case SignInOutcome.TooManyAttempts(var retryAfter):
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts",
                    detail: $"Too many sign-in attempts for this account or from this address; try again in {seconds} s.");
            default:
                return TypedResults.Problem(title: "Sign-in failed", detail: SignInService.RefusedDetail, statusCode: StatusCodes.Status401Unauthorized);
        }
    }

    /// <summary>Sign out: end this browser session and every other one of the account.</summary>
    /// <remarks>
    /// The account's security stamp changes, so its other cookie sessions end too. Personal API tokens are not affected; revoke them
    /// with DELETE /api/me/tokens/{tokenId}.
    /// </remarks>
    internal static async Task<NoContent> SignOut(ClaimsPrincipal caller, AccountSessions sessions)
    {
        await sessions.SignOutAsync(caller);
        return TypedResults.NoContent();
    }

    /// <summary>Ask for a password reset link by e-mail. The answer is the same whether or not the e-mail has an account.</summary>
    /// <remarks>
    /// Anonymous. When the e-mail has an account, a letter with a link goes out; the link works once, within an hour.
    /// </remarks>
    internal static async Task<Accepted<ResetRequested>> RequestReset(PasswordResetRequest request, PasswordResets resets, HttpRequest http,
        CancellationToken cancellationToken)
    {
        await resets.RequestAsync(request.Email, http, cancellationToken);
        return TypedResults.Accepted((string?)null, new ResetRequested(
            "If an account has this e-mail, a link to choose a new password is on its way; it works once, within an hour."));
    }

    /// <summary>Set a new password with the token from the reset letter; every session of the account ends.</summary>
    /// <remarks>
    /// Anonymous. The token works once, within an hour; the new password must meet the password rules.
    /// </remarks>
    internal static async Task<Results<NoContent, ProblemHttpResult>> CompleteReset(CompleteResetRequest request, PasswordResets resets,
        CancellationToken cancellationToken) =>
        await resets.CompleteAsync(request.Token, request.Password, cancellationToken) is { } refused ? refused.ToProblem() : TypedResults.NoContent();

    /// <summary>Change your password (the current one is needed); your other sessions end, this one continues.</summary>
    /// <remarks>
    /// A wrong current password or a new one that breaks the password rules is a 400 naming the field.
    /// </remarks>
    internal static async Task<Results<NoContent, ProblemHttpResult>> ChangePassword(ChangePasswordRequest request, ClaimsPrincipal caller,
        UserManager<Account> users, SignInManager<Account> signIn)
    {
        var account = (await users.FindByIdAsync(caller.AccountId().ToString()))!;
        var changed = await users.ChangePasswordAsync(account, request.CurrentPassword ?? "", request.NewPassword ?? "");
        if (!changed.Succeeded)
        {
            return new InvalidInputError("Password not changed", string.Join(" ", changed.Errors.Select(e => e.Description)),
                new Dictionary<string, string[]> { [changed.Errors.Any(e => e.Code == "PasswordMismatch") ? "currentPassword" : "newPassword"] =
                    [.. changed.Errors.Select(e => e.Description)] }).ToProblem();
        }
        if (caller.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme)
        {
            await signIn.RefreshSignInAsync(account);
        }
        return TypedResults.NoContent();
    }

    /// <summary>Disable an account (admins): it signs in no more, and its sessions and tokens stop working at once.</summary>
    /// <remarks>
    /// Admins only; nobody disables their own account. The account's data and history stay.
    /// </remarks>
    internal static async Task<Results<NoContent, ProblemHttpResult>> Disable(Guid accountId, ClaimsPrincipal caller, UserManager<Account> users, TimeProvider clock)
    {
        if (accountId == caller.AccountId())
        {
            return new CannotDisableYourself().ToProblem();
        }
        if (await users.FindByIdAsync(accountId.ToString()) is not { } account)
        {
            return new Domain.Projects.AccountNotFound(accountId).ToProblem();
        }
        account.DisabledAt ??= clock.GetUtcNow();
        await users.UpdateSecurityStampAsync(account);
        return TypedResults.NoContent();
    }

    /// <summary>Enable a disabled account again (admins).</summary>
    /// <remarks>
    /// Admins only. The account signs in again with its password; sessions ended when it was disabled stay ended.
    /// </remarks>
    internal static async Task<Results<NoContent, ProblemHttpResult>> Enable(Guid accountId, UserManager<Account> users)
    {
        if (await users.FindByIdAsync(accountId.ToString()) is not { } account)
        {
            return new Domain.Projects.AccountNotFound(accountId).ToProblem();
        }
        account.DisabledAt = null;
        await users.UpdateAsync(account);
        return TypedResults.NoContent();
    }

    /// <summary>Who you are: your account, display name and roles.</summary>
    /// <remarks>
    /// For the signed-in caller, by cookie or token.
    /// </remarks>
    internal static async Task<Ok<AccountResponse>> Me(ClaimsPrincipal caller, UserManager<Account> users)
    {
        var account = (await users.FindByIdAsync(caller.AccountId().ToString()))!;
        return TypedResults.Ok(new AccountResponse(account.Id, account.Email!, account.DisplayName, [.. await users.GetRolesAsync(account)]));
    }

    /// <summary>Issue a personal API token (Authorization: Bearer …), shown only in this response.</summary>
    /// <remarks>
    /// A name of at most 100 characters says what it is for; it lives 1 to 365 days (90 by default). Only its hash is stored: keep the
    /// token from this answer.
    /// </remarks>
    internal static async Task<Results<Created<IssuedTokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var issued = await PersonalTokens.IssueAsync(db, caller.AccountId(), request.Name, request.Days, clock.GetUtcNow(), cancellationToken);
        if (!issued.Succeeded)
        {
            return issued.Error.ToProblem();
        }
        var (token, secret) = issued.Value;
        return TypedResults.Created($"/api/me/tokens/{token.Id}", new IssuedTokenResponse(token.Id, token.Name, token.Hint, token.ExpiresAt, secret));
    }

    /// <summary>Your personal API tokens: names, hints, when they expire and whether they were revoked.</summary>
    /// <remarks>
    /// The tokens themselves are never shown again; the hint is their first characters.
    /// </remarks>
    internal static async Task<Ok<List<TokenResponse>>> ListTokens(ClaimsPrincipal caller, TranslationDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await PersonalTokens.ListAsync(db, caller.AccountId(), cancellationToken))
            .Select(t => new TokenResponse(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt)).ToList());

    /// <summary>Revoke one of your personal API tokens.</summary>
    /// <remarks>
    /// From now on the token signs nobody in. A token that is not yours is a 404.
    /// </remarks>
    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(
        Guid tokenId, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await PersonalTokens.RevokeAsync(db, caller.AccountId(), tokenId, clock.GetUtcNow(), cancellationToken) is { } refused
            ? refused.ToProblem()
            : TypedResults.NoContent();
}
