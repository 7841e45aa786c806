using Microsoft.Extensions.DependencyInjection;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Formats;

namespace Wgig.Translate.Domain.Documents;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>Document import, with every <see cref="IDocumentImporter"/> in this assembly.</summary>
    public static IServiceCollection AddDocumentImport(this IServiceCollection services)
    {
        services.Scan(scan => scan
            .FromAssemblyOf<IDocumentImporter>()
            .AddClasses(classes => classes.AssignableTo<IDocumentImporter>(), publicOnly: true)
            .As<IDocumentImporter>()
            .WithSingletonLifetime());
        services.AddSingleton<ImporterCatalog>();
        services.AddScoped<DocumentImport>();
        services.AddScoped<DocumentExport>();
        services.AddScoped<Xliff.XliffExport>();
        services.AddScoped<Xliff.XliffImport>();
        services.AddScoped<Publishing.PublicationPlanner>();
        services.AddCheckedSettings<DocumentLimits, DocumentLimitsValidator>(DocumentLimits.Section);
        return services;
    }
}
