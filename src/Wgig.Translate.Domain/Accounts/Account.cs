using Microsoft.AspNetCore.Identity;

namespace Wgig.Translate.Domain.Accounts;

/// <summary>A person who signs in: volunteer, coordinator, secretariat or admin (Identity keeps the password hash).</summary>
public sealed class Account : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set by an admin: the account signs in no more, its sessions and tokens stop working.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}

/// <summary>The roles of the glossary. Rights per project and language come on top of these.</summary>
public static class Roles
{
    public const string Volunteer = "volunteer";
    public const string Coordinator = "coordinator";
    public const string Secretariat = "secretariat";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Volunteer, Coordinator, Secretariat, Admin];
}
