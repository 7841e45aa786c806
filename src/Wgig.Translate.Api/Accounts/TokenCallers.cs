using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

/// <summary>Who a bearer token belongs to, as the token check reads it: the token, the account and its roles.</summary>
public sealed record TokenCaller(ApiToken Token, Guid AccountId, string? UserName, string? Email, DateTimeOffset? DisabledAt, List<string> Roles);

/// <summary>
/// The bearer-token checks of this API process, kept for a few seconds so that a volunteer's calls (a draft saved every few
/// seconds, claims, submissions) do not each pay a database round trip for the same answer. Revocation stays prompt:
/// a change to a token, an account's name, e-mail or disabled state, or its roles, is forgotten here as this process saves
/// it (<see cref="CredentialChangesInterceptor"/>), and in every API process when PostgreSQL tells it
/// (<see cref="Security.ChangeNoticesListener"/>, a trigger's NOTIFY on <see cref="CredentialNotices.Channel"/> on commit, whoever
/// made the change). Nothing is kept while that listener is not connected, and no entry is used after
/// <see cref="KeptAnswers{TKey, TAnswer}.MaxAge"/> whatever happens. Expiry and the disabled state are judged on every call
/// from what is kept.
/// </summary>
public sealed class TokenCallers(TimeProvider clock) : KeptAnswers<string, TokenCaller>(clock, StringComparer.Ordinal), IHearsChanges
{
    public string Channel => CredentialNotices.Channel;

    public void Heard(string payload)
    {
        if (Guid.TryParse(payload, out var accountId))
        {
            Forget(accountId);
        }
        else
        {
            ForgetAll();
        }
    }

    /// <summary>Forgets what is kept of one account's tokens.</summary>
    public void Forget(Guid accountId) => Forget(accountId, (_, caller) => caller.AccountId == accountId);
}
