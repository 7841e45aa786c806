using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Wgig.Translate.Domain.Storage;

/// <summary>
/// Writes many entities at once with PostgreSQL's binary COPY, in the store's current transaction: a
/// 28,000-segment paper goes in at the database's speed instead of one INSERT per row. The columns, their
/// store types and value conversions come from the EF model, so every column is named (the schema has no
/// defaults) and a property added to the model is written without touching this.
/// </summary>
public static class BulkCopy
{
    /// <summary>A mapped column of an entity: its name and how to read its stored value.</summary>
    public sealed record Column(string Name, string StoreType, Func<object, object?> Read);

    public static IReadOnlyList<Column> Columns<T>(TranslationDb db) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the store.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return [.. entity.GetProperties()
            // xmin is the system's own column, written by PostgreSQL on every change.
            .Where(p => !(p.IsConcurrencyToken && p.ValueGenerated == ValueGenerated.OnAddOrUpdate))
            .Select(p =>
            {
                var getter = p.GetGetter();
                var converter = p.GetTypeMapping().Converter;
                var storeType = p.GetColumnType();
                var parenthesis = storeType.IndexOf('(', StringComparison.Ordinal);
                return new Column(p.GetColumnName(table)!, parenthesis < 0 ? storeType : storeType[..parenthesis],
                    row =>
                    {
                        var value = getter.GetClrValue(row);
                        return value is not null && converter is not null ? converter.ConvertToProvider(value) : value;
                    });
            })];
    }

    /// <summary>COPY the rows into the entity's table, or into <paramref name="into"/> (a table of the same columns).</summary>
    public static async Task WriteAsync<T>(TranslationDb db, IEnumerable<T> rows, CancellationToken cancellationToken, string? into = null) where T : class
    {
        var columns = Columns<T>(db);
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = into ?? $"{entity.GetSchema()}.{entity.GetTableName()}";
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var writer = await connection.BeginBinaryImportAsync(
                $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                foreach (var column in columns)
                {
                    if (column.Read(row) is { } value)
                    {
                        await writer.WriteAsync(value, column.StoreType, cancellationToken);
                    }
                    else
                    {
                        await writer.WriteNullAsync(cancellationToken);
                    }
                }
            }
            await writer.CompleteAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
