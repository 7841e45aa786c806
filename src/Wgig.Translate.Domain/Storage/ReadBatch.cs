using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Wgig.Translate.Domain.Storage;

/// <summary>
/// Reads that different parts of the Domain make for one request, sent to PostgreSQL together: one round trip for all of
/// them, each statement still written, and its rows still read, where its rule lives. A part adds its statement and gets
/// back <see cref="Rows{T}"/>, which hold its rows once <see cref="RunAsync"/> has run. On the store's connection (and in
/// its transaction, if one is open), without EF Core's query pipeline, which the statements do not need.
/// </summary>
public sealed class ReadBatch
{
    private readonly List<NpgsqlBatchCommand> _commands = [];
    private readonly List<Func<DbDataReader, CancellationToken, Task>> _readers = [];

    /// <summary>The rows of one statement of the batch: there after the batch ran.</summary>
    public sealed class Rows<T>
    {
        private IReadOnlyList<T>? _rows;

        public IReadOnlyList<T> Value => _rows ?? throw new InvalidOperationException("The batch these rows belong to has not run yet.");

        internal void Set(IReadOnlyList<T> rows) => _rows = rows;
    }

    /// <summary>Adds a statement; <paramref name="row"/> reads each of its rows by ordinal.</summary>
    public Rows<T> Add<T>(string sql, Func<DbDataReader, T> row, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        var rows = new Rows<T>();
        _commands.Add(command);
        _readers.Add(async (reader, cancellationToken) =>
        {
            var read = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                read.Add(row(reader));
            }
            rows.Set(read);
        });
        return rows;
    }

    /// <summary>Sends every statement added, in one round trip, and reads their rows.</summary>
    public async Task RunAsync(TranslationDb db, CancellationToken cancellationToken)
    {
        if (_commands.Count == 0)
        {
            return;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            foreach (var command in _commands)
            {
                batch.BatchCommands.Add(command);
            }
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            for (var i = 0; i < _readers.Count; i++)
            {
                if (i > 0)
                {
                    await reader.NextResultAsync(cancellationToken);
                }
                await _readers[i](reader, cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Reading the rows of a <see cref="ReadBatch"/> statement by ordinal.</summary>
public static class BatchRows
{
    /// <summary>A column's value, or null where it is NULL (for a value type, ask for its nullable type: <c>OrNull&lt;int?&gt;</c>).</summary>
    public static T? OrNull<T>(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? default : reader.GetFieldValue<T>(ordinal);
}
