namespace Wgig.Translate.Domain.Security;

/// <summary>
/// Seals credentials before they are stored (repository tokens, GitHub App keys, webhook secrets, outgoing mail
/// with tokens in it) and opens them when a process needs them. The API and the Worker implement it with ASP.NET
/// Core Data Protection on a key ring kept in PostgreSQL and itself encrypted with a key that is not in the
/// database, so a dump of the database alone reveals none of them. The Domain only sees this interface.
/// </summary>
public interface ICredentialProtector
{
    /// <summary>The sealed form to store.</summary>
    string Protect(string plaintext);

    /// <summary>
    /// The plaintext of a stored value. A value stored before credentials were sealed (it lacks the sealed form's
    /// marker) is returned as it is; the migrate step seals such values, so they exist only until it has run.
    /// </summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key that sealed it is gone.</exception>
    string Unprotect(string stored);

    /// <summary>Whether a stored value is in the sealed form.</summary>
    bool IsProtected(string stored);
}
