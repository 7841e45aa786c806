using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Suggestions;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests;

/// <summary>The Domain's own service registrations (store, document import, claims, translation aids), on a test database and a test clock.</summary>
internal static class DomainServices
{
    public static ServiceProvider Build(TestDatabase database, TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Translation"] = database.ConnectionString })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();
        services.AddTranslationStore();
        services.AddDocumentImport();
        services.AddClaims();
        services.AddTranslationAids();
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
