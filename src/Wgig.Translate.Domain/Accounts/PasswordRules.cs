using Microsoft.AspNetCore.Identity;

namespace Wgig.Translate.Domain.Accounts;

/// <summary>
/// What a password must be, for every process that sets one (the API's accounts, the Worker's first admin):
/// length over composition rules (NIST SP 800-63B), since a long pass phrase is the strong one.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 10;

    public static void Apply(PasswordOptions password)
    {
        password.RequiredLength = MinimumLength;
        password.RequireNonAlphanumeric = false;
        password.RequireDigit = false;
        password.RequireUppercase = false;
        password.RequireLowercase = false;
    }
}
