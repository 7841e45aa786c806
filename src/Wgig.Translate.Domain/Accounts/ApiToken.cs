namespace Wgig.Translate.Domain.Accounts;

/// <summary>A personal token for scripts and CAT-tool plugins. Only its hash is stored; the token is shown once.</summary>
public sealed class ApiToken
{
    public const string Prefix = "wgig_";

    private ApiToken()
    {
        Name = "";
        Hash = "";
        Hint = "";
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public string Name { get; private set; }

    public string Hash { get; private set; }

    /// <summary>The token's first characters, so its owner can tell tokens apart.</summary>
    public string Hint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public static (ApiToken Token, string Secret) Issue(Guid accountId, string name, TimeSpan lifetime, DateTimeOffset now)
    {
        var secret = Secrets.New(Prefix);
        return (new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            AccountId = accountId,
            Name = name,
            Hash = Secrets.Hash(secret),
            Hint = secret[..(Prefix.Length + 4)],
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        }, secret);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
