using Microsoft.AspNetCore.Identity;

namespace Wgig.Translate.Domain.Accounts;

/// <summary>The account rules every process that creates accounts applies (the API's sign-up, the Worker's first admin).</summary>
public static class AccountRules
{
    public const int MinPasswordLength = 10;

    public static void Apply(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        // Length over composition rules (NIST SP 800-63B): a long pass phrase is the strong one.
        options.Password.RequiredLength = MinPasswordLength;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireDigit = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        // No lockout: it lets anyone lock anyone out. Sign-in is rate limited instead (SignInService).
        options.Lockout.AllowedForNewUsers = false;
    }
}
