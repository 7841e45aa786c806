using Microsoft.AspNetCore.Identity;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests;

/// <summary>
/// Accounts every API test can act as, stored straight into the database after each reset: an admin,
/// a coordinator and a volunteer, each with a personal API token (no passwords, which are slow to hash).
/// </summary>
public static class TestAccounts
{
    public const string AdminToken = "wgig_test-admin-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string CoordinatorToken = "wgig_test-coordinator-token-cccccccccccccccccccccccccc";
    public const string VolunteerToken = "wgig_test-volunteer-token-vvvvvvvvvvvvvvvvvvvvvvvvvvvv";
    public const string SecretariatToken = "wgig_test-secretariat-token-ssssssssssssssssssssssssss";
    public const string SecondVolunteerToken = "wgig_test-volunteer2-token-wwwwwwwwwwwwwwwwwwwwwwwwwww";

    public static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.OpenStore();
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole<Guid>(r) { Id = Guid.NewGuid(), NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        foreach (var (role, secret, email) in new[]
        {
            (Roles.Admin, AdminToken, "admin@test.example"), (Roles.Coordinator, CoordinatorToken, "coordinator@test.example"),
            (Roles.Volunteer, VolunteerToken, "volunteer@test.example"), (Roles.Secretariat, SecretariatToken, "secretariat@test.example"),
            (Roles.Volunteer, SecondVolunteerToken, "volunteer2@test.example"),
        })
        {
            var account = new Account
            {
                Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString(),
                DisplayName = email.Split('@')[0], CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Users.Add(account);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = account.Id, RoleId = roles[role].Id });
            await db.SaveChangesAsync();
            await database.ExecuteAsync($"""
                INSERT INTO translate.api_tokens (id, account_id, name, hash, hint, created_at, expires_at)
                VALUES (gen_random_uuid(), '{account.Id}', 'tests', '{Secrets.Hash(secret)}', '{secret[..9]}', now(), now() + interval '60 days')
                """);
        }
    }
}
