using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Api.Accounts;

/// <summary>
/// Password reset by e-mail, as the web pages use it: asking never tells whether the e-mail has an account;
/// the link's token is used once to set a new password. The sending of mail is the implementation's (the
/// hardening work provides it); without one registered, the pages say that resets go through a coordinator.
/// </summary>
public interface IPasswordResets
{
    Task RequestAsync(string? email, HttpRequest request, CancellationToken cancellationToken);

    /// <summary>Sets the new password for the link's account, or says why not (link unknown, used, expired; password too short).</summary>
    Task<DomainError?> CompleteAsync(string? token, string? password, CancellationToken cancellationToken);
}
