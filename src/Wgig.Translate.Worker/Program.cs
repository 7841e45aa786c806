using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wgig.Translate.Worker;
using Wgig.Translate.Worker.Demo;
using Wgig.Translate.Worker.Storage;

// "migrate [--demo-document PATH]" is the explicit set-up step; no arguments runs the job server.
if (args is ["migrate", .. var rest])
{
    var builder = Host.CreateApplicationBuilder([]);
    builder.Services.AddWorkerServices();
    using var host = builder.Build();
    var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Wgig.Translate.Setup");
    await StoreMigrator.MigrateAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), logger, CancellationToken.None);
    if (rest is ["--demo-document", var demoDocument])
    {
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<DemoProject>().LoadOnceAsync(demoDocument, CancellationToken.None);
        }
        catch (InvalidOperationException e)
        {
            logger.LogError("{Message}", e.Message);
            return 1;
        }
    }
    return 0;
}

await WorkerHost.CreateBuilder(args).Build().RunAsync();
return 0;
