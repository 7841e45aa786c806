namespace Wgig.Translate.Domain.Accounts;

/// <summary>A right the invitee receives in the invitation's project when they accept: translate and/or review one target language.</summary>
public sealed record InvitationGrant(string Language, bool CanTranslate, bool CanReview);

/// <summary>
/// Sign-up is by invitation: a coordinator invites an e-mail address into a role, optionally into a project with rights
/// per language (granted when the invitee accepts); the invitee sets a password. An invitation can be revoked, and
/// resending one revokes it and sends a new one.
/// </summary>
public sealed class Invitation
{
    public const string Prefix = "wgiginv_";

    public const int MaxGrants = 50;

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

    /// <summary>The project whose rights come with the invitation; none: an account only.</summary>
    public Guid? ProjectId { get; private set; }

    public IReadOnlyList<InvitationGrant> Grants { get; private set; } = [];

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsOpenAt(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;

    public static (Invitation Invitation, string Secret) Create(string email, string role, Guid invitedBy, TimeSpan lifetime, DateTimeOffset now,
        Guid? projectId = null, IReadOnlyList<InvitationGrant>? grants = null)
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
            ProjectId = projectId,
            Grants = projectId is null ? [] : grants ?? [],
        }, secret);
    }

    public void Accept(DateTimeOffset now) => AcceptedAt ??= now;

    /// <summary>The link in the letter stops working; an accepted invitation stays accepted.</summary>
    public void Revoke(DateTimeOffset now)
    {
        if (AcceptedAt is null)
        {
            RevokedAt ??= now;
        }
    }
}
