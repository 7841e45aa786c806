using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Accounts;

/// <summary>Issuing, listing and revoking a person's own API tokens, for the JSON API and the profile page alike.</summary>
public static class PersonalTokens
{
    /// <summary>Live tokens an account may hold at once.</summary>
    public const int MaxLiveTokens = 20;

    public const int MaxNameLength = 100;
    public const int DefaultDays = 90;

    /// <summary>A new token (stored as its hash); the secret is returned only now.</summary>
    public static async Task<Result<(ApiToken Token, string Secret)>> IssueAsync(TranslationDb db, Guid accountId, string? name, int? days, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            errors.Add("name", $"A token needs a name of at most {MaxNameLength} characters (what it is for).");
        }
        if (days is < 1 or > 365)
        {
            errors.Add("days", "A token lives from 1 to 365 days.");
        }
        if (errors.Any)
        {
            return errors.ToError("The token request is not valid.");
        }
        if (await db.ApiTokens.CountAsync(t => t.AccountId == accountId && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken) >= MaxLiveTokens)
        {
            return new TooManyTokens(MaxLiveTokens);
        }
        var issued = ApiToken.Issue(accountId, trimmed, TimeSpan.FromDays(days ?? DefaultDays), now);
        db.ApiTokens.Add(issued.Token);
        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }

    public static Task<List<ApiToken>> ListAsync(TranslationDb db, Guid accountId, CancellationToken cancellationToken) =>
        db.ApiTokens.AsNoTracking().Where(t => t.AccountId == accountId).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);

    public static async Task<DomainError?> RevokeAsync(TranslationDb db, Guid accountId, Guid tokenId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.AccountId == accountId, cancellationToken);
        if (token is null)
        {
            return new TokenNotFound(tokenId);
        }
        token.Revoke(now);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
