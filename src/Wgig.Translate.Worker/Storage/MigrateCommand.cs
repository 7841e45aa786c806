using Npgsql;
using Wgig.Translate.Security;
using Wgig.Translate.Worker.Accounts;
using Wgig.Translate.Worker.Demo;

namespace Wgig.Translate.Worker.Storage;

/// <summary>
/// <c>migrate [--demo-document PATH [--demo-repository NAME-BELOW-THE-LOCAL-ROOT]] [--admin EMAIL --admin-credentials FILE]</c>:
/// the explicit set-up step. It brings the schemas up to date, gives the key ring its first key, seals credentials an
/// earlier build stored in plain text, and optionally makes the admin account and loads the demo project.
/// </summary>
public static class MigrateCommand
{
    /// <summary>The process's exit code: 0, or 1 when a step refused (said in the log).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Wgig.Translate.Setup");
        await StoreMigrator.MigrateAsync(services.GetRequiredService<NpgsqlDataSource>(), logger, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        try
        {
            KeyRing.EnsureKey(scope.ServiceProvider);
            await StoreMigrator.SealLegacyCredentialsAsync(scope.ServiceProvider, logger, cancellationToken);
            if (options.TryGetValue("--admin", out var admin))
            {
                await scope.ServiceProvider.GetRequiredService<AdminAccount>()
                    .EnsureAsync(admin, options.GetValueOrDefault("--admin-credentials", "admin-credentials.txt"), cancellationToken);
            }
            if (options.TryGetValue("--demo-document", out var demoDocument))
            {
                await scope.ServiceProvider.GetRequiredService<DemoProject>()
                    .LoadOnceAsync(demoDocument, options.GetValueOrDefault("--demo-repository"), cancellationToken);
            }
        }
        catch (InvalidOperationException e)
        {
            logger.LogError("{Message}", e.Message);
            return 1;
        }
        return 0;
    }
}
