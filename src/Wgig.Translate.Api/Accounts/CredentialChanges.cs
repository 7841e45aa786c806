using Microsoft.AspNetCore.Identity;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Accounts;

/// <summary>
/// Forgets what <see cref="TokenCallers"/> kept of an account as this process saves a change to its tokens, its name,
/// e-mail or disabled state, or its roles (<see cref="ForgetOnSave"/>), so that the next call of this process reads the
/// change even before PostgreSQL's notice arrives.
/// </summary>
public sealed class CredentialChangesInterceptor(TokenCallers callers) : ForgetOnSave
{
    protected override Action? Forgetting(object entity) => entity switch
    {
        ApiToken token => () => callers.Forget(token.AccountId),
        Account changed => () => callers.Forget(changed.Id),
        IdentityUserRole<Guid> role => () => callers.Forget(role.UserId),
        _ => null,
    };
}
