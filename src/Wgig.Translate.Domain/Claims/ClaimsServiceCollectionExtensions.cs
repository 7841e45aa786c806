using Microsoft.Extensions.DependencyInjection;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Suggestions;

namespace Wgig.Translate.Domain.Claims;

public static class ClaimsServiceCollectionExtensions
{
    /// <summary>The workflow's services: claims and leases, the translator's and reviewer's writes, suggestions, comments, my work.</summary>
    public static IServiceCollection AddClaims(this IServiceCollection services)
    {
        services.AddScoped<BatchFilling>();
        services.AddScoped<ClaimNext>();
        services.AddScoped<ReviewNext>();
        services.AddScoped<ClaimLeases>();
        services.AddScoped<ClaimTakeBack>();
        services.AddScoped<Targets.TranslationWork>();
        services.AddScoped<Comments.CommentThreads>();
        services.AddScoped<Work.MyWork>();
        services.AddScoped<Balancing.WorkBalancer>();
        services.AddScoped<Balancing.WorkAssignment>();
        services.AddScoped<Balancing.LapsedWorkReassignment>();
        services.AddScoped<Projects.MemberRights>();
        services.AddScoped<People.PeopleDirectory>();
        services.AddScoped<Dashboard.ProjectDashboard>();
        services.AddScoped<Activity.ActivityFeed>();
        services.Scan(scan => scan
            .FromAssemblyOf<ISuggestionSource>()
            .AddClasses(classes => classes.AssignableTo<ISuggestionSource>(), publicOnly: true)
            .AsSelfWithInterfaces()
            .WithScopedLifetime());
        services.AddScoped<SuggestionPanel>();
        services.AddCheckedSettings<ClaimOptions, ClaimOptionsValidator>(ClaimOptions.Section);
        return services;
    }
}
