using Hangfire;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Security;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

/// <summary>Bound from "Accounts".</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Where people reach the web app, for links in letters (e.g. https://translate.example.org); unset: the address the request came to.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Whether coordinators may invite coordinators (an admin's decision); they may always invite volunteers.</summary>
    public bool CoordinatorsMayInviteCoordinators { get; set; }
}

/// <summary>
/// Letters with a token in them (an invitation, a password reset), put in the outbox for the Worker's mail sender
/// and queued at once. The token travels only in the letter, sealed while it waits; the database keeps its hash.
/// Links point at the web app's pages: /accept-invitation?token=… and /reset-password?token=….
/// </summary>
public sealed class AccountMail(TranslationDb db, ICredentialProtector protector, IBackgroundJobClient jobs, IOptions<AccountOptions> options, TimeProvider clock)
{
    public void Invitation(Invitation invitation, string secret, string inviterName, HttpRequest request) => Queue(invitation.Email, invitation.Email,
        "You are invited to Wgig.Translate",
        $"""
        {inviterName} invites you to Wgig.Translate, where volunteers translate the team's key documents, as {invitation.Role}.

        To accept, choose your name and a password here before {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC:
        {Link(request, "accept-invitation", secret)}

        If you did not expect this, ignore this letter.
        """);

    public void PasswordReset(Account account, string secret, HttpRequest request) => Queue(account.Email!, account.DisplayName,
        "Reset your Wgig.Translate password",
        $"""
        Someone (we hope you) asked to reset the password of your Wgig.Translate account.

        Choose a new password here within {PasswordResets.Lifetime.TotalMinutes:0} minutes; the link works once:
        {Link(request, "reset-password", secret)}

        If you did not ask, ignore this letter: your password stays as it is.
        """);

    /// <summary>Saves the letters added in this unit of work and asks the Worker to send them now.</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<ISendOutgoingMail>(job => job.SendOutgoingAsync(CancellationToken.None));
    }

    private void Queue(string to, string name, string subject, string body) =>
        db.OutgoingMails.Add(OutgoingMail.Create(to, name, subject, protector.Protect(body), clock.GetUtcNow()));

    private string Link(HttpRequest request, string page, string secret)
    {
        var baseUrl = options.Value.PublicBaseUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host.Value}";
        return $"{baseUrl}/{page}?token={Uri.EscapeDataString(secret)}";
    }
}
