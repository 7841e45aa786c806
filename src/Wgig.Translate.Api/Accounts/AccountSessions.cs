using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown e-mail or wrong password: the same answer for both.</summary>
    WrongCredentials,

    /// <summary>Too many wrong passwords: try again after <see cref="SignInResult.LockedUntil"/>.</summary>
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, Account? Account = null, DateTimeOffset? LockedUntil = null);

/// <summary>
/// Signing in and out with a password (the cookie session of the web app and of <c>POST /api/session</c>),
/// and accepting an invitation: one home for both front ends.
/// </summary>
public sealed class AccountSessions(
    UserManager<Account> users, SignInManager<Account> signIn, RoleManager<IdentityRole<Guid>> roles, TranslationDb db, TimeProvider clock)
{
    public async Task<SignInResult> SignInAsync(string? email, string? password, bool remember)
    {
        var account = await users.FindByEmailAsync(email?.Trim() ?? "");
        if (account is null)
        {
            return new SignInResult(SignInOutcome.WrongCredentials);
        }
        var result = await signIn.PasswordSignInAsync(account, password ?? "", isPersistent: remember, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return new SignInResult(SignInOutcome.LockedOut, LockedUntil: await users.GetLockoutEndDateAsync(account));
        }
        return result.Succeeded ? new SignInResult(SignInOutcome.SignedIn, account) : new SignInResult(SignInOutcome.WrongCredentials);
    }

    public Task SignOutAsync() => signIn.SignOutAsync();

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
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (account, invitation.Role);
    }
}
