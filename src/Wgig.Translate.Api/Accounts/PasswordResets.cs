using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

public sealed record ResetNotValid() : InvalidInputError("Reset link not valid",
    "The reset link is unknown, already used or expired; ask for a new one.",
    new Dictionary<string, string[]> { ["token"] = ["Unknown, used or expired."] });

/// <summary>
/// Password reset by e-mail, for the JSON endpoints and the web pages: asking never tells whether the e-mail has an
/// account; the token lives an hour, works once, and is stored only as a hash; setting the new password ends
/// every session of the account (its security stamp changes).
/// </summary>
public sealed class PasswordResets(TranslationDb db, UserManager<Account> users, AccountMail mail, TimeProvider clock)
{
    public static TimeSpan Lifetime => PasswordReset.Lifetime;

    /// <summary>At most this many links per account an hour, so nobody can flood someone's mailbox.</summary>
    public const int MaxPerHour = 3;

    public async Task RequestAsync(string? email, HttpRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var account = await users.FindByEmailAsync(email?.Trim() ?? "");
        if (account is null || account.DisabledAt is not null
            || await db.PasswordResets.CountAsync(r => r.AccountId == account.Id && r.CreatedAt > now.AddHours(-1), cancellationToken) >= MaxPerHour)
        {
            return;
        }
        var (reset, secret) = PasswordReset.Create(account.Id, now);
        db.PasswordResets.Add(reset);
        mail.PasswordReset(account, secret, request);
        await mail.SendAsync(cancellationToken);
    }

    public async Task<DomainError?> CompleteAsync(string? token, string? password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = Secrets.Hash(token ?? "");
        var reset = await db.PasswordResets.SingleOrDefaultAsync(r => r.Hash == hash, cancellationToken);
        var account = reset is null ? null : await users.FindByIdAsync(reset.AccountId.ToString());
        if (reset is null || !reset.IsOpenAt(now) || account is null || account.DisabledAt is not null)
        {
            return new ResetNotValid();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, account, password ?? "");
            errors.AddRange(valid.Errors.Select(e => e.Description));
        }
        if (errors.Count > 0)
        {
            return new InvalidInputError("Password not valid", string.Join(" ", errors), new Dictionary<string, string[]> { ["password"] = [.. errors] });
        }
        // Every open link of the account is used up, not only this one.
        foreach (var open in await db.PasswordResets.Where(r => r.AccountId == account.Id && r.UsedAt == null).ToListAsync(cancellationToken))
        {
            open.Use(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password!);
        await users.UpdateSecurityStampAsync(account); // saves the account: the new password, and every old session ends
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
