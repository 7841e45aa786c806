using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Wgig.Translate.Worker.Storage;

namespace Wgig.Translate.Tests;

// For the tests that run the API or the Worker: the migrate step's schemas (store and job storage) and a key ring.
public sealed partial class TestDatabase
{
    private static (string Kind, System.Reflection.Assembly[] Builds) TemplateSource =>
        ("migrate", [typeof(StoreMigrator).Assembly, typeof(Wgig.Translate.Domain.Storage.TranslationDb).Assembly]);

    private static async partial Task PrepareTemplateAsync(NpgsqlDataSource dataSource, string connectionString)
    {
        await StoreMigrator.MigrateAsync(dataSource, NullLogger.Instance, CancellationToken.None);
        StoreMigrator.EnsureKeyRing(connectionString, KeyRingKey);
    }
}
