using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Wgig.Translate.Domain.Storage;

/// <summary>
/// Lets `dotnet ef migrations add` build the model without a server; no connection is opened.
/// </summary>
internal sealed class TranslationDbDesignFactory : IDesignTimeDbContextFactory<TranslationDb>
{
    public TranslationDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TranslationDb>()
            .UseNpgsql("Host=localhost;Database=design", npgsql => npgsql.MigrationsHistoryTable(StoreServiceCollectionExtensions.MigrationsHistoryTable, TranslationDb.Schema))
            .UseSnakeCaseNamingConvention();
        return new TranslationDb(options.Options);
    }
}
