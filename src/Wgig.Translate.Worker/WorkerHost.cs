using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Suggestions;
using Wgig.Translate.Worker.Accounts;
using Wgig.Translate.Worker.Demo;
using Wgig.Translate.Worker.Jobs;
using Wgig.Translate.Domain.Security;
using Wgig.Translate.Jobs;
using Wgig.Translate.Security;

namespace Wgig.Translate.Worker;

/// <summary>The Worker process: the Hangfire server that runs every background job.</summary>
public static class WorkerHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddWorkerServices();
        builder.Services.AddHangfireServer((provider, server) =>
        {
            var options = provider.GetRequiredService<IOptions<JobOptions>>().Value;
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.SchedulePollingInterval;
            server.ServerName = $"worker:{Environment.MachineName}:{Environment.ProcessId}";
        });
        builder.Services.AddHostedService<RecurringJobs>();
        return builder;
    }

    /// <summary>Everything the Worker's jobs and set-up commands use, without the job server itself.</summary>
    public static IServiceCollection AddWorkerServices(this IServiceCollection services)
    {
        services.AddTranslationStore();
        services.AddKeyRing();
        services.AddOptions<RepositoryAccessOptions>().BindConfiguration(RepositoryAccessOptions.Section);
        services.AddDocumentImport();
        services.AddTranslationAids();
        services.AddClaims();
        services.AddJobStorage();
        services.AddCheckedSettings<JobOptions, JobOptionsValidator>(JobOptions.Section);
        services.AddJobs();
        services.AddSingleton<ProjectLocks>();
        services.AddOptions<Notifications.MailOptions>().BindConfiguration(Notifications.MailOptions.Section);
        services.AddScoped<DemoProject>();
        services.AddOptions<Publishing.GitHubOptions>().BindConfiguration(Publishing.GitHubOptions.Section);
        services.AddSingleton<Domain.Publishing.IRepositoryGateway, Publishing.GitHubGateway>();
        services.AddSingleton<Domain.Publishing.IRepositoryGateway, Publishing.LocalGitGateway>();
        // The same account and password rules as the API: the first admin's generated password is checked by them.
        services.AddIdentityCore<Account>(AccountRules.Apply)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<TranslationDb>();
        services.AddScoped<AdminAccount>();
        return services;
    }

    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        ImplementationFilterProvider.RegisterOnce();
        return services.Scan(scan => scan
            .FromAssemblyOf<IBackgroundJob>()
            .AddClasses(classes => classes.AssignableTo<IBackgroundJob>())
            .AsSelf()
            // The contracts the API queues by (Domain.Jobs) resolve to the same classes.
            .AsImplementedInterfaces(contract => contract != typeof(IBackgroundJob))
            .WithScopedLifetime());
    }
}
