using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

public static class AccountsApi
{
    private static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var accounts = routes.MapGroup("/").WithTags("Accounts");
        accounts.MapPost("/invitations", Invite).RequireAuthorization(Policies.Invite).ProducesValidationProblem();
        accounts.MapPost("/accounts", SignUp).AllowAnonymous().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapPost("/session", SignIn).AllowAnonymous().ProducesProblem(StatusCodes.Status401Unauthorized);
        accounts.MapDelete("/session", SignOut);
        accounts.MapGet("/me", Me);
        accounts.MapPost("/me/tokens", IssueToken).ProducesValidationProblem();
        accounts.MapGet("/me/tokens", ListTokens);
        accounts.MapDelete("/me/tokens/{tokenId}", RevokeToken).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>Invite someone by e-mail into a role; the invitation token is shown once.</summary>
    private static async Task<Results<Created<InvitationResponse>, ProblemHttpResult>> Invite(
        InviteRequest request, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var email = request.Email?.Trim() ?? "";
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            errors.Add("email", "A valid e-mail address is needed.");
        }
        if (request.Role is not { } role || !Roles.All.Contains(role))
        {
            errors.Add("role", $"The role is one of {string.Join(", ", Roles.All)}.");
        }
        else if (role == Roles.Admin && !caller.IsInRole(Roles.Admin))
        {
            errors.Add("role", "Only an admin may invite an admin.");
        }
        if (errors.Any)
        {
            return errors.ToError("The invitation is not valid.").ToProblem();
        }
        var (invitation, secret) = Invitation.Create(email, request.Role!, caller.AccountId(), InvitationLifetime, clock.GetUtcNow());
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/invitations/{invitation.Id}",
            new InvitationResponse(invitation.Id, invitation.Email, invitation.Role, invitation.ExpiresAt, secret));
    }

    /// <summary>Accept an invitation: create the account with a password.</summary>
    private static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> SignUp(
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

    /// <summary>Sign in with e-mail and password; the session is a cookie. Repeated failures lock the account for a while.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> SignIn(SignInRequest request, AccountSessions sessions)
    {
        var result = await sessions.SignInAsync(request.Email, request.Password, remember: false);
        return result.Outcome switch
        {
            SignInOutcome.SignedIn => TypedResults.NoContent(),
            SignInOutcome.LockedOut => TypedResults.Problem(title: "Account locked", statusCode: StatusCodes.Status403Forbidden,
                detail: $"Too many failed sign-ins; try again after {result.LockedUntil:u}."),
            _ => TypedResults.Problem(title: "Sign-in failed", detail: "The e-mail or the password is wrong.", statusCode: StatusCodes.Status401Unauthorized),
        };
    }

    private static async Task<NoContent> SignOut(AccountSessions sessions)
    {
        await sessions.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AccountResponse>> Me(ClaimsPrincipal caller, UserManager<Account> users)
    {
        var account = (await users.FindByIdAsync(caller.AccountId().ToString()))!;
        return TypedResults.Ok(new AccountResponse(account.Id, account.Email!, account.DisplayName, [.. await users.GetRolesAsync(account)]));
    }

    /// <summary>Issue a personal API token (Authorization: Bearer …). The token is shown only in this response.</summary>
    private static async Task<Results<Created<IssuedTokenResponse>, ProblemHttpResult>> IssueToken(
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

    private static async Task<Ok<List<TokenResponse>>> ListTokens(ClaimsPrincipal caller, TranslationDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await PersonalTokens.ListAsync(db, caller.AccountId(), cancellationToken))
            .Select(t => new TokenResponse(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt)).ToList());

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(
        Guid tokenId, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await PersonalTokens.RevokeAsync(db, caller.AccountId(), tokenId, clock.GetUtcNow(), cancellationToken) is { } refused
            ? refused.ToProblem()
            : TypedResults.NoContent();
}
