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
    /// <remarks>
    /// Coordinators and admins invite; only an admin may invite an admin. The answer carries the invitation token, shown only here: send
    /// it to the person, who accepts it with POST /api/accounts within its lifetime.
    /// </remarks>
    internal static async Task<Results<Created<InvitationResponse>, ProblemHttpResult>> Invite(
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

    /// <summary>Accept an invitation: create the account with a display name and a password.</summary>
    /// <remarks>
    /// Anonymous. The invitation token must be open (not used, not expired) and its e-mail not yet taken; the password has 10 characters
    /// or more. The account gets the invitation's role.
    /// </remarks>
    internal static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> SignUp(
        SignUpRequest request, TranslationDb db, UserManager<Account> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = Secrets.Hash(request.Invitation ?? "");
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Hash == hash, cancellationToken);
        if (invitation is null || !invitation.IsOpenAt(now))
        {
            return new InvitationNotValid().ToProblem();
        }
        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return new EmailTaken(invitation.Email).ToProblem();
        }
        var account = new Account
        {
            Id = Guid.CreateVersion7(now),
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? invitation.Email : request.DisplayName.Trim(),
            CreatedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(account, request.Password ?? "");
        if (!created.Succeeded)
        {
            return IdentityProblem(created, "password").ToProblem();
        }
        if (!await roles.RoleExistsAsync(invitation.Role))
        {
            await roles.CreateAsync(new IdentityRole<Guid>(invitation.Role));
        }
        await users.AddToRoleAsync(account, invitation.Role);
        invitation.Accept(now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created("/api/me", new AccountResponse(account.Id, account.Email!, account.DisplayName, [invitation.Role]));
    }

    /// <summary>Sign in with e-mail and password; the session is a cookie.</summary>
    /// <remarks>
    /// Anonymous. A wrong e-mail or password is a 401 that does not say which; five failures in a row lock the account for 15 minutes
    /// (403 saying until when). Scripts and CAT tools use a personal API token instead.
    /// </remarks>
    internal static async Task<Results<NoContent, ProblemHttpResult>> SignIn(
        SignInRequest request, UserManager<Account> users, SignInManager<Account> signIn)
    {
        var account = await users.FindByEmailAsync(request.Email?.Trim() ?? "");
        if (account is null)
        {
            return TypedResults.Problem(title: "Sign-in failed", detail: "The e-mail or the password is wrong.", statusCode: StatusCodes.Status401Unauthorized);
        }
        var result = await signIn.PasswordSignInAsync(account, request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(title: "Account locked", statusCode: StatusCodes.Status403Forbidden,
                detail: $"Too many failed sign-ins; try again after {await users.GetLockoutEndDateAsync(account):u}.");
        }
        return result.Succeeded
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "Sign-in failed", detail: "The e-mail or the password is wrong.", statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>Sign out: end the cookie session.</summary>
    /// <remarks>
    /// Clears the session cookie. Personal API tokens are not affected; revoke them with DELETE /api/me/tokens/{tokenId}.
    /// </remarks>
    internal static async Task<NoContent> SignOut(SignInManager<Account> signIn)
    {
        await signIn.SignOutAsync();
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
        var errors = new ValidationErrors();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors.Add("name", "A token needs a name of at most 100 characters (what it is for).");
        }
        if (request.Days is < 1 or > 365)
        {
            errors.Add("days", "A token lives from 1 to 365 days.");
        }
        if (errors.Any)
        {
            return errors.ToError("The token request is not valid.").ToProblem();
        }
        var (token, secret) = ApiToken.Issue(caller.AccountId(), name, TimeSpan.FromDays(request.Days ?? 90), clock.GetUtcNow());
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/me/tokens/{token.Id}", new IssuedTokenResponse(token.Id, token.Name, token.Hint, token.ExpiresAt, secret));
    }

    /// <summary>Your personal API tokens: names, hints, when they expire and whether they were revoked.</summary>
    /// <remarks>
    /// The tokens themselves are never shown again; the hint is their first characters.
    /// </remarks>
    internal static async Task<Ok<List<TokenResponse>>> ListTokens(ClaimsPrincipal caller, TranslationDb db, CancellationToken cancellationToken)
    {
        var id = caller.AccountId();
        return TypedResults.Ok(await db.ApiTokens.Where(t => t.AccountId == id).OrderBy(t => t.CreatedAt)
            .Select(t => new TokenResponse(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt)).ToListAsync(cancellationToken));
    }

    /// <summary>Revoke one of your personal API tokens.</summary>
    /// <remarks>
    /// From now on the token signs nobody in. A token that is not yours is a 404.
    /// </remarks>
    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(
        Guid tokenId, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var id = caller.AccountId();
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.AccountId == id, cancellationToken);
        if (token is null)
        {
            return new TokenNotFound(tokenId).ToProblem();
        }
        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }


    private static InvalidInputError IdentityProblem(IdentityResult result, string field) =>
        new("Account not created", string.Join(" ", result.Errors.Select(e => e.Description)),
            new Dictionary<string, string[]> { [field] = [.. result.Errors.Select(e => e.Description)] });
}
