using Microsoft.AspNetCore.Identity;

namespace Wgig.Translate.Domain.Accounts;

/// <summary>The account rules every process that creates or changes accounts runs with (the API, the Worker's first admin).</summary>
public static class AccountRules
{
    public static void Apply(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        PasswordRules.Apply(options.Password);
        // No lockout: it lets anyone lock anyone out. Sign-in is rate limited instead (SignInService).
        options.Lockout.AllowedForNewUsers = false;
    }
}
