using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Api.Tests;

/// <summary>
/// Accounts every API test can act as, stored straight into the database after each reset: an admin,
/// coordinators, the secretariat and volunteers, each with a personal API token (no passwords, which are slow to hash).
/// </summary>
public static class TestAccounts
{
    public const string AdminToken = "wgig_test-admin-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string CoordinatorToken = "wgig_test-coordinator-token-cccccccccccccccccccccccccc";
    public const string VolunteerToken = "wgig_test-volunteer-token-vvvvvvvvvvvvvvvvvvvvvvvvvvvv";
    public const string SecretariatToken = "wgig_test-secretariat-token-ssssssssssssssssssssssssss";
    public const string SecondVolunteerToken = "wgig_test-volunteer2-token-wwwwwwwwwwwwwwwwwwwwwwwwwww";

    /// <summary>A coordinator of other projects: staff roles are per project, so this one is staff of none a test creates.</summary>
    public const string OtherCoordinatorToken = "wgig_test-coordinator2-token-dddddddddddddddddddddddddd";

    // Who the test accounts are: role, token and address.
    private static readonly (string Role, string Token, string Email)[] Seeded =
    [
        (Roles.Admin, AdminToken, "admin@test.example"), (Roles.Coordinator, CoordinatorToken, "coordinator@test.example"),
        (Roles.Volunteer, VolunteerToken, "volunteer@test.example"), (Roles.Secretariat, SecretariatToken, "secretariat@test.example"),
        (Roles.Volunteer, SecondVolunteerToken, "volunteer2@test.example"),
        (Roles.Coordinator, OtherCoordinatorToken, "coordinator2@test.example"),
    ];

    /// <summary>
    /// The roles, the test accounts and their tokens, each account with new ids (a reset's accounts are new accounts), in
    /// one command (four statements, one round trip): a reset comes before most API tests, and a save per account and an
    /// insert per token took 30 ms of each (5.5 s of the 183 resets of a run of the baseline's set, docs/testing.md).
    /// </summary>
    public static Task SeedAsync(TestDatabase database)
    {
        var roles = Roles.All.ToDictionary(role => role, _ => Guid.NewGuid());
        var accounts = Seeded.Select(seeded => (seeded.Role, seeded.Token, seeded.Email, Id: Guid.NewGuid())).ToList();
        return database.ExecuteAsync($"""
            INSERT INTO translate.roles (id, name, normalized_name, concurrency_stamp)
            VALUES {string.Join(", ", roles.Select(role => $"('{role.Value}', '{role.Key}', '{role.Key.ToUpperInvariant()}', '{Guid.NewGuid()}')"))};
            INSERT INTO {TestDatabase.AccountColumns}
            VALUES {string.Join(", ", accounts.Select(account =>
                TestDatabase.AccountRow(account.Id, account.Email, account.Email, account.Email.Split('@')[0], lockoutEnabled: false)))};
            INSERT INTO translate.account_roles (user_id, role_id)
            VALUES {string.Join(", ", accounts.Select(account => $"('{account.Id}', '{roles[account.Role]}')"))};
            INSERT INTO {TokenColumns}
            VALUES {string.Join(", ", accounts.Select(account => TokenRow(account.Id, account.Token)))};
            """);
    }

    private const string TokenColumns = "translate.api_tokens (id, account_id, name, hash, hint, created_at, expires_at)";

    // A personal token of the account's, as the token endpoint stores one (its hash and hint), good for 60 days.
    private static string TokenRow(Guid accountId, string token) =>
        $"(gen_random_uuid(), '{accountId}', 'tests', '{Secrets.Hash(token)}', '{token[..9]}', now(), now() + interval '60 days')";

    /// <summary>Many volunteers at once, each with a token and the right to translate into one language of a project.</summary>
    public static async Task<List<(Guid Id, string Token)>> SeedVolunteersAsync(TestDatabase database, int count, Guid projectId, string language)
    {
        var volunteers = Enumerable.Range(1, count).Select(i => (Id: Guid.NewGuid(), Token: $"wgig_test-crowd-{i:D3}-{Guid.NewGuid():N}")).ToList();
        await database.ExecuteAsync($"""
            INSERT INTO {TestDatabase.AccountColumns}
            VALUES {string.Join(", ", volunteers.Select((volunteer, i) =>
                TestDatabase.AccountRow(volunteer.Id, $"crowd{i + 1}@test.example", $"crowd{i + 1}@test.example", $"crowd {i + 1}", lockoutEnabled: true)))};
            INSERT INTO translate.account_roles (user_id, role_id)
            SELECT a.id, r.id FROM translate.accounts a, translate.roles r WHERE a.email LIKE 'crowd%' AND r.name = 'volunteer';
            INSERT INTO translate.project_members (id, project_id, account_id, language, can_translate, can_review, granted_by, granted_at)
            SELECT gen_random_uuid(), '{projectId}', a.id, '{language}', true, false, a.id, now() FROM translate.accounts a WHERE a.email LIKE 'crowd%';
            INSERT INTO {TokenColumns}
            VALUES {string.Join(", ", volunteers.Select(volunteer => TokenRow(volunteer.Id, volunteer.Token)))};
            """);
        return volunteers;
    }
}
