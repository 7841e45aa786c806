namespace Wgig.Translate.Domain.Accounts;

/// <summary>
/// A password reset sent by e-mail: the token is mailed, only its hash is stored; it lives an hour and is used once.
/// </summary>
public sealed class PasswordReset
{
    public const string Prefix = "wgigreset_";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private PasswordReset()
    {
        Hash = "";
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public string Hash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public bool IsOpenAt(DateTimeOffset now) => UsedAt is null && ExpiresAt > now;

    public static (PasswordReset Reset, string Secret) Create(Guid accountId, DateTimeOffset now)
    {
        var secret = Secrets.New(Prefix);
        return (new PasswordReset
        {
            Id = Guid.CreateVersion7(now),
            AccountId = accountId,
            Hash = Secrets.Hash(secret),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        }, secret);
    }

    public void Use(DateTimeOffset now) => UsedAt ??= now;
}
