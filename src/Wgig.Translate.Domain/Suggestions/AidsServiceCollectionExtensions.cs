using Microsoft.Extensions.DependencyInjection;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.MachineTranslation;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Memory.Tmx;

namespace Wgig.Translate.Domain.Suggestions;

public static class AidsServiceCollectionExtensions
{
    /// <summary>
    /// The translation aids: every <see cref="ICheck"/> and <see cref="IMachineTranslationEngine"/> of this assembly
    /// (found by scanning), the translation memory, glossaries and machine translation with their options.
    /// </summary>
    public static IServiceCollection AddTranslationAids(this IServiceCollection services)
    {
        services.Scan(scan => scan
            .FromAssemblyOf<ICheck>()
            .AddClasses(classes => classes.AssignableTo<ICheck>(), publicOnly: true)
            .As<ICheck>()
            .WithSingletonLifetime()
            .AddClasses(classes => classes.AssignableTo<IMachineTranslationEngine>(), publicOnly: true)
            .As<IMachineTranslationEngine>()
            .WithSingletonLifetime());
        services.AddSingleton<QualityChecks>();
        services.AddScoped<SegmentChecks>();
        services.AddScoped<Glossaries>();
        services.AddScoped<GlossaryExchange>();
        services.AddScoped<TranslationMemory>();
        services.AddSingleton<MemoryWordStatistics>();
        services.AddScoped<TmxExchange>();
        services.AddScoped<Pretranslation>();
        services.AddScoped<MachineTranslator>();
        services.AddScoped<SegmentSuggestions>();
        services.AddHttpClient(MachineTranslator.HttpClientName);
        services.AddCheckedSettings<MemoryOptions, MemoryOptionsValidator>(MemoryOptions.Section);
        services.AddOptions<MachineTranslationOptions>().BindConfiguration(MachineTranslationOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromSeconds(30), "MachineTranslation:Timeout is between 0 and 30 seconds.")
            .Validate(o => o.Engines.Values.All(e => e.Url is { IsAbsoluteUri: true } && e.Kind.Length > 0),
                "Each MachineTranslation:Engines:{name} needs a Kind (Apertium, LibreTranslate, DeepL) and an absolute Url.")
            .ValidateOnStart();
        return services;
    }
}
