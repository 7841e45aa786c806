using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

/// <summary>What inviting an address did: an invitation went out, or the address had an account and got the rights instead.</summary>
public abstract record InviteOutcome(string Email);

public sealed record Invited(string Email, Invitation Invitation) : InviteOutcome(Email);

public sealed record RightsGranted(string Email, Guid AccountId, string Name, IReadOnlyList<InvitationGrant> Rights) : InviteOutcome(Email);

public sealed record AccountExists(string Email) : ConflictError("Account exists",
    $"'{Email}' has an account already; invite them into a project with rights (projectId and rights) to grant those instead.");

public sealed record InvitationNotFound(Guid InvitationId) : NotFoundError("No such invitation",
    $"There is no invitation '{InvitationId}' you may manage.");

public sealed record InvitationUsed(Guid InvitationId) : ConflictError("Invitation accepted", "The invitation was accepted already; nothing to resend or revoke.");

/// <summary>A pending invitation as staff see it, with the inviter by name.</summary>
public sealed record PendingInvitation(Guid Id, string Email, string Role, Guid? ProjectId, IReadOnlyList<InvitationGrant> Rights, string InvitedBy,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Expired);

/// <summary>
/// Invitations, for the JSON API and the people pages alike: invite (an existing account gets the rights instead), list
/// the pending ones, resend (a new link; the old one stops working) and revoke. Who may invite whom is decided here
/// once: nobody invites with more power than their own, and rights only in projects one is staff of.
/// </summary>
public sealed class Invitations(TranslationDb db, AccountMail mail, MemberRights rights, IOptions<AccountOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public async Task<Result<InviteOutcome>> InviteAsync(ClaimsPrincipal caller, string? email, string? role, Guid? projectId,
        IReadOnlyList<InvitationGrant>? grants, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var address = email?.Trim() ?? "";
        if (address.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            errors.Add("email", "A valid e-mail address of at most 256 characters is needed.");
        }
        if (role is null || !Roles.All.Contains(role))
        {
            errors.Add("role", $"The role is one of {string.Join(", ", Roles.All)}.");
        }
        var chosen = new List<InvitationGrant>();
        if (grants is { Count: > 0 } && projectId is null)
        {
            errors.Add("projectId", "Rights are given in a project: name its projectId.");
        }
        if (grants is { Count: > Invitation.MaxGrants })
        {
            errors.Add("rights", $"At most {Invitation.MaxGrants} rights.");
        }
        else if (projectId is { } id)
        {
            var targets = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => p.TargetLanguages).SingleOrDefaultAsync(cancellationToken);
            if (targets is null)
            {
                return new ProjectNotFound(id);
            }
            foreach (var grant in grants ?? [])
            {
                if (!LanguageTag.TryNormalize(grant.Language, out var tag, out _) || !targets.Contains(tag))
                {
                    errors.Add("rights", $"'{grant.Language}' is not a target language of the project ({string.Join(", ", targets)}).");
                }
                else if ((grant.CanTranslate || grant.CanReview) && chosen.All(g => g.Language != tag))
                {
                    chosen.Add(grant with { Language = tag });
                }
            }
        }
        if (errors.Any)
        {
            return errors.ToError("The invitation is not valid.");
        }
        if (!MayInvite(caller, role!))
        {
            return new MayNotInvite(role!);
        }
        if (projectId is { } project && !await ProjectAccess.IsStaffOfAsync(db, caller, project, cancellationToken))
        {
            return new NotStaffOfProject(project);
        }
        var normalized = address.ToUpperInvariant();
        var existing = await db.Users.AsNoTracking().Where(a => a.NormalizedEmail == normalized).Select(a => new { a.Id, a.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        var me = caller.AccountId();
        if (existing is not null)
        {
            if (projectId is not { } into || chosen.Count == 0)
            {
                return new AccountExists(address);
            }
            // Rights are added to what the account holds in the project, never taken away by an invitation.
            var held = await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == into && m.AccountId == existing.Id)
                .ToDictionaryAsync(m => m.Language, cancellationToken);
            foreach (var grant in chosen)
            {
                var current = held.GetValueOrDefault(grant.Language);
                var set = await rights.SetAsync(into, existing.Id, grant.Language, grant.CanTranslate || current?.CanTranslate == true,
                    grant.CanReview || current?.CanReview == true, me, cancellationToken);
                if (!set.Succeeded)
                {
                    return set.Error;
                }
            }
            return new RightsGranted(address, existing.Id, existing.DisplayName, chosen);
        }
        var now = clock.GetUtcNow();
        // One live link per address and project: inviting again replaces the earlier invitation.
        foreach (var earlier in await db.Invitations.Where(i => i.Email == address && i.ProjectId == projectId && i.AcceptedAt == null && i.RevokedAt == null)
                     .ToListAsync(cancellationToken))
        {
            earlier.Revoke(now);
        }
        var (invitation, secret) = Invitation.Create(address, role!, me, Lifetime, now, projectId, chosen);
        db.Invitations.Add(invitation);
        var inviter = await db.Users.AsNoTracking().Where(a => a.Id == me).Select(a => a.DisplayName).SingleOrDefaultAsync(cancellationToken);
        mail.Invitation(invitation, secret, inviter ?? "A coordinator", request);
        await mail.SendAsync(cancellationToken);
        return new Invited(address, invitation);
    }

    /// <summary>Invitations not accepted nor revoked, open or expired, newest first: of one project, or all the caller may manage.</summary>
    public async Task<IReadOnlyList<PendingInvitation>> PendingAsync(ClaimsPrincipal caller, Guid? projectId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = await Manageable(caller).Where(i => i.AcceptedAt == null && i.RevokedAt == null && (projectId == null || i.ProjectId == projectId))
            .OrderByDescending(i => i.CreatedAt).Take(500).ToListAsync(cancellationToken);
        var names = await AccountNames.ReadAsync(db, found.Select(i => i.InvitedBy), cancellationToken);
        return [.. found.Select(i => new PendingInvitation(i.Id, i.Email, i.Role, i.ProjectId, i.Grants, names.GetValueOrDefault(i.InvitedBy, ""), i.CreatedAt,
            i.ExpiresAt, i.ExpiresAt <= now))];
    }

    /// <summary>A new link for the same address, role and rights, sent again; the earlier link stops working.</summary>
    public async Task<Result<Invitation>> ResendAsync(ClaimsPrincipal caller, Guid invitationId, HttpRequest request, CancellationToken cancellationToken)
    {
        var earlier = await Manageable(caller).SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (earlier is null)
        {
            return new InvitationNotFound(invitationId);
        }
        if (earlier.AcceptedAt is not null)
        {
            return new InvitationUsed(invitationId);
        }
        var now = clock.GetUtcNow();
        earlier.Revoke(now);
        var (invitation, secret) = Invitation.Create(earlier.Email, earlier.Role, caller.AccountId(), Lifetime, now, earlier.ProjectId, earlier.Grants);
        db.Invitations.Add(invitation);
        var inviter = await db.Users.AsNoTracking().Where(a => a.Id == invitation.InvitedBy).Select(a => a.DisplayName).SingleOrDefaultAsync(cancellationToken);
        mail.Invitation(invitation, secret, inviter ?? "A coordinator", request);
        await mail.SendAsync(cancellationToken);
        return invitation;
    }

    public async Task<DomainError?> RevokeAsync(ClaimsPrincipal caller, Guid invitationId, CancellationToken cancellationToken)
    {
        var invitation = await Manageable(caller).SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null)
        {
            return new InvitationNotFound(invitationId);
        }
        if (invitation.AcceptedAt is not null)
        {
            return new InvitationUsed(invitationId);
        }
        invitation.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    // Admins manage every invitation; others those into projects they are staff of, and the ones they sent without a project.
    private IQueryable<Invitation> Manageable(ClaimsPrincipal caller)
    {
        if (ProjectAccess.IsAdmin(caller))
        {
            return db.Invitations;
        }
        var me = caller.AccountId();
        var mine = db.ProjectStaff.Where(s => s.AccountId == me).Select(s => s.ProjectId);
        return db.Invitations.Where(i => i.ProjectId == null ? i.InvitedBy == me : mine.Contains(i.ProjectId.Value));
    }

    // Nobody makes an account with more power than their own.
    private bool MayInvite(ClaimsPrincipal caller, string role) =>
        caller.IsInRole(Roles.Admin)
        || caller.IsInRole(Roles.Coordinator) && (role == Roles.Volunteer || role == Roles.Coordinator && options.Value.CoordinatorsMayInviteCoordinators);
}

public sealed record NotStaffOfProject(Guid ProjectId) : ForbiddenError("Not your project",
    $"You are not staff of project '{ProjectId}'; invite into projects you run.");
