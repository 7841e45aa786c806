using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Tests;

// The Domain's tests reference the Domain alone: the store's schema is all they need (no job storage, no key ring).
public sealed partial class TestDatabase
{
    private static (string Kind, System.Reflection.Assembly[] Builds) TemplateSource => ("store", [typeof(TranslationDb).Assembly]);

    private static partial Task PrepareTemplateAsync(NpgsqlDataSource dataSource, string connectionString) =>
        StoreSchema.MigrateAsync(dataSource, NullLogger.Instance, CancellationToken.None);
}
