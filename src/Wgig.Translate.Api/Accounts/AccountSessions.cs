using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

/// <summary>
/// Accepting an invitation and signing the new account in, and signing out, for the JSON API and the web app
/// alike (signing in with a password is <see cref="SignInService"/>'s).
/// </summary>
public sealed class AccountSessions(
    UserManager<Account> users, SignInManager<Account> signIn, RoleManager<IdentityRole<Guid>> roles, TranslationDb db, Domain.Projects.MemberRights rights,
    TimeProvider clock)
{
    /// <summary>Signs in the account just created from an invitation (its password was set a moment ago).</summary>
    public Task SignInAsync(Account account) => signIn.SignInAsync(account, isPersistent: false);

    /// <summary>Ends this browser session and every other one of the account (its security stamp changes).</summary>
    public async Task SignOutAsync(System.Security.Claims.ClaimsPrincipal caller)
    {
        if (caller.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme
            && await users.FindByIdAsync(caller.AccountId().ToString()) is { } account)
        {
            await users.UpdateSecurityStampAsync(account);
        }
        await signIn.SignOutAsync();
    }

    /// <summary>The open invitation a token names, or why it cannot be used.</summary>
    public async Task<Result<Invitation>> FindInvitationAsync(string? token, CancellationToken cancellationToken)
    {
        var hash = Secrets.Hash(token ?? "");
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Hash == hash, cancellationToken);
        return invitation is null || !invitation.IsOpenAt(clock.GetUtcNow()) ? new InvitationNotValid() : invitation;
    }

    /// <summary>Accepts an invitation: the account is created with its role and password, and the invitation used up.</summary>
    public async Task<Result<(Account Account, string Role)>> AcceptInvitationAsync(string? token, string? displayName, string? password,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = Secrets.Hash(token ?? "");
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Hash == hash, cancellationToken);
        if (invitation is null || !invitation.IsOpenAt(now))
        {
            return new InvitationNotValid();
        }
        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return new EmailTaken(invitation.Email);
        }
        var name = displayName?.Trim() ?? "";
        if (name.Length > 200)
        {
            return InvalidInputError.ForField("displayName", "A name has at most 200 characters.");
        }
        var account = new Account
        {
            Id = Guid.CreateVersion7(now),
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = name.Length == 0 ? invitation.Email : name,
            CreatedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(account, password ?? "");
        if (!created.Succeeded)
        {
            return new InvalidInputError("Account not created", string.Join(" ", created.Errors.Select(e => e.Description)),
                new Dictionary<string, string[]> { ["password"] = [.. created.Errors.Select(e => e.Description)] });
        }
        if (!await roles.RoleExistsAsync(invitation.Role))
        {
            await roles.CreateAsync(new IdentityRole<Guid>(invitation.Role));
        }
        await users.AddToRoleAsync(account, invitation.Role);
        invitation.Accept(now);
        // The rights the invitation carried, granted in the inviter's name; a language the project dropped since is left out.
        foreach (var grant in invitation.ProjectId is null ? [] : invitation.Grants)
        {
            await rights.SetAsync(invitation.ProjectId!.Value, account.Id, grant.Language, grant.CanTranslate, grant.CanReview, invitation.InvitedBy, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (account, invitation.Role);
    }
}
