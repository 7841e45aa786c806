using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Worker.Tests;

/// <summary>The Worker's own service registrations, on a test database and a test clock.</summary>
internal static class WorkerServices
{
    public static ServiceProvider Build(TestDatabase database, TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Translation"] = database.ConnectionString,
                ["DataProtection:KeyRingKey"] = TestDatabase.KeyRingKey,
                // The fake GitHub listens on loopback; local test repositories live in the temporary directory.
                ["Repositories:AllowedApiHosts:0"] = "127.0.0.1",
                ["Repositories:LocalRoot"] = Path.GetTempPath(),
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();
        services.AddWorkerServices();
        services.Replace(ServiceDescriptor.Singleton(clock));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>Runs one unit of work in its own scope, as a job or a request would.</summary>
    public static async Task<T> InScopeAsync<T>(this ServiceProvider services, Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = services.CreateAsyncScope();
        return await run(scope.ServiceProvider);
    }
}
