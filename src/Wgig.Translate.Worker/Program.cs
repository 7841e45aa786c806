using Microsoft.Extensions.Hosting;
using Wgig.Translate.Worker;
using Wgig.Translate.Worker.Storage;

// "migrate …" is the explicit set-up step (MigrateCommand); no arguments runs the job server.
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
    return await MigrateCommand.RunAsync(host.Services, options, CancellationToken.None);
}

await WorkerHost.CreateBuilder(args).Build().RunAsync();
return 0;
