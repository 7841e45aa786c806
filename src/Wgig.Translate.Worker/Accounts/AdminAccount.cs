using Microsoft.AspNetCore.Identity;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Worker.Accounts;

/// <summary>
/// The first account of a new installation: an admin, created once with a random password and an API
/// token written to a file only its owner can read. Everyone else joins by invitation.
/// </summary>
public sealed class AdminAccount(UserManager<Account> users, RoleManager<IdentityRole<Guid>> roles, TranslationDb db, TimeProvider clock,
    ILogger<AdminAccount> logger)
{
    public async Task EnsureAsync(string email, string credentialsFile, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            logger.LogInformation("An admin account exists already.");
            return;
        }
        var now = clock.GetUtcNow();
        var password = Secrets.New("")[..24];
        var admin = new Account { Id = Guid.CreateVersion7(now), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Admin", CreatedAt = now };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"The admin account was not created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }
        await users.AddToRoleAsync(admin, Roles.Admin);
        var (token, secret) = ApiToken.Issue(admin.Id, "created with the installation", TimeSpan.FromDays(365), now);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(credentialsFile))!);
        await File.WriteAllTextAsync(credentialsFile, $"email={email}\npassword={password}\ntoken={secret}\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(credentialsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        logger.LogInformation("Created the admin account {Email}; its password and API token are in {File}.", email, credentialsFile);
    }
}
