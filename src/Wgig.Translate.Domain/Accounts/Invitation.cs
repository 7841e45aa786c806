namespace Wgig.Translate.Domain.Accounts;

/// <summary>Sign-up is by invitation: a coordinator invites an e-mail address into a role; the invitee sets a password.</summary>
public sealed class Invitation
{
    public const string Prefix = "wgiginv_";

    private Invitation()
    {
        Email = "";
        Role = "";
        Hash = "";
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; }

    public string Role { get; private set; }

    public string Hash { get; private set; }

    public Guid InvitedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public bool IsOpenAt(DateTimeOffset now) => AcceptedAt is null && ExpiresAt > now;

    public static (Invitation Invitation, string Secret) Create(string email, string role, Guid invitedBy, TimeSpan lifetime, DateTimeOffset now)
    {
        var secret = Secrets.New(Prefix);
        return (new Invitation
        {
            Id = Guid.CreateVersion7(now),
            Email = email.Trim(),
            Role = role,
            Hash = Secrets.Hash(secret),
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        }, secret);
    }

    public void Accept(DateTimeOffset now) => AcceptedAt ??= now;
}
