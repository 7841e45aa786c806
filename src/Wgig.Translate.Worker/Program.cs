using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wgig.Translate.Security;
using Wgig.Translate.Worker;
using Wgig.Translate.Worker.Accounts;
using Wgig.Translate.Worker.Demo;
using Wgig.Translate.Worker.Storage;

// "migrate [--demo-document PATH [--demo-repository NAME-BELOW-THE-LOCAL-ROOT]] [--admin EMAIL --admin-credentials FILE]" is the explicit set-up step;
// no arguments runs the job server.
if (args is ["migrate", .. var rest])
{
    var options = new Dictionary<string, string>();
    for (var i = 0; i + 1 < rest.Length; i += 2)
    {
        options[rest[i]] = rest[i + 1];
    }
    var builder = Host.CreateApplicationBuilder([]);
    builder.Services.AddWorkerServices();
    using var host = builder.Build();
    var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Wgig.Translate.Setup");
    await StoreMigrator.MigrateAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), logger, CancellationToken.None);
    await using var scope = host.Services.CreateAsyncScope();
    try
    {
        KeyRing.EnsureKey(scope.ServiceProvider);
        await StoreMigrator.SealLegacyCredentialsAsync(scope.ServiceProvider, logger, CancellationToken.None);
        if (options.TryGetValue("--admin", out var admin))
        {
            await scope.ServiceProvider.GetRequiredService<AdminAccount>()
                .EnsureAsync(admin, options.GetValueOrDefault("--admin-credentials", "admin-credentials.txt"), CancellationToken.None);
        }
        if (options.TryGetValue("--demo-document", out var demoDocument))
        {
            await scope.ServiceProvider.GetRequiredService<DemoProject>()
                .LoadOnceAsync(demoDocument, options.GetValueOrDefault("--demo-repository"), CancellationToken.None);
        }
    }
    catch (InvalidOperationException e)
    {
        logger.LogError("{Message}", e.Message);
        return 1;
    }
    return 0;
}

await WorkerHost.CreateBuilder(args).Build().RunAsync();
return 0;
