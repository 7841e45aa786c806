using Microsoft.Extensions.DependencyInjection;

namespace Wgig.Translate.Domain.Claims;

public static class ClaimsServiceCollectionExtensions
{
    public static IServiceCollection AddClaims(this IServiceCollection services)
    {
        services.AddScoped<BatchFilling>();
        services.AddSingleton<Targets.TranslationWork>();
        services.AddScoped<ClaimNext>();
        services.AddScoped<ReviewNext>();
        services.AddScoped<Balancing.WorkBalancer>();
        services.AddScoped<Balancing.WorkAssignment>();
        services.AddScoped<Balancing.LapsedWorkReassignment>();
        services.AddOptions<ClaimOptions>().BindConfiguration(ClaimOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
