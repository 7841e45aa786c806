using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Memory;

/// <summary>
/// Writes memory entries set-based: one statement per batch, the same pair in the same surroundings updating
/// its entry (newest author, document and date win) instead of adding a second one. It runs on the caller's
/// connection and transaction, so an approval and its memory entry are saved together or not at all.
/// </summary>
public static class MemoryStore
{
    public const int BatchSize = 2000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Adds or refreshes the entries; returns how many were new.</summary>
    public static async Task<int> UpsertAsync(TranslationDb db, IEnumerable<MemoryEntry> entries, CancellationToken cancellationToken)
    {
        var added = 0;
        // One row per key and batch: ON CONFLICT may touch a row once per statement.
        foreach (var batch in entries.GroupBy(e => (e.ProjectId, e.SourceLanguage, e.TargetLanguage, e.PairKey)).Select(g => g.MaxBy(e => e.UpdatedAt)!).Chunk(BatchSize))
        {
            await using var reader = await ReadAsync(db, """
                WITH written AS (
                    INSERT INTO translate.memory_entries (id, project_id, source_language, target_language, source, target, codes, source_plain,
                        target_plain, source_words, source_key, pair_key, context_key, word_count, origin, document_id, segment_key, author_id, author_name,
                        created_at, updated_at)
                    SELECT r.id, r.project_id, r.source_language, r.target_language, r.source, r.target, r.codes::jsonb, r.source_plain,
                        r.target_plain, string_to_array(r.source_words, ' '), r.source_key, r.pair_key, r.context_key, r.word_count, r.origin, r.document_id, r.segment_key, r.author_id,
                        r.author_name, r.created_at, r.updated_at
                    FROM unnest(@id, @project_id, @source_language, @target_language, @source, @target, @codes, @source_plain, @target_plain,
                        @source_words, @source_key, @pair_key, @context_key, @word_count, @origin, @document_id, @segment_key, @author_id, @author_name,
                        @created_at, @updated_at)
                        AS r(id, project_id, source_language, target_language, source, target, codes, source_plain, target_plain, source_words,
                        source_key, pair_key, context_key, word_count, origin, document_id, segment_key, author_id, author_name, created_at, updated_at)
                    ON CONFLICT (project_id, source_language, target_language, pair_key) DO UPDATE SET
                        updated_at = excluded.updated_at,
                        origin = excluded.origin,
                        author_id = excluded.author_id,
                        author_name = excluded.author_name,
                        document_id = coalesce(excluded.document_id, memory_entries.document_id),
                        segment_key = coalesce(excluded.segment_key, memory_entries.segment_key),
                        source_words = excluded.source_words
                    WHERE memory_entries.updated_at <= excluded.updated_at
                    RETURNING (xmax = 0) AS inserted)
                SELECT count(*)::int FROM written WHERE inserted
                """,
                [
                Parameter("id", NpgsqlDbType.Uuid, batch.Select(e => e.Id)),
                Parameter("project_id", NpgsqlDbType.Uuid, batch.Select(e => e.ProjectId)),
                Parameter("source_language", NpgsqlDbType.Text, batch.Select(e => e.SourceLanguage)),
                Parameter("target_language", NpgsqlDbType.Text, batch.Select(e => e.TargetLanguage)),
                Parameter("source", NpgsqlDbType.Text, batch.Select(e => e.Source)),
                Parameter("target", NpgsqlDbType.Text, batch.Select(e => e.Target)),
                Parameter("codes", NpgsqlDbType.Text, batch.Select(e => JsonSerializer.Serialize(e.Codes, Json))),
                Parameter("source_plain", NpgsqlDbType.Text, batch.Select(e => e.SourcePlain)),
                Parameter("target_plain", NpgsqlDbType.Text, batch.Select(e => e.TargetPlain)),
                // Words hold no white space (the space separates them), and unnest cannot take an array of arrays.
                Parameter("source_words", NpgsqlDbType.Text, batch.Select(e => string.Join(' ', e.SourceWords))),
                Parameter("source_key", NpgsqlDbType.Uuid, batch.Select(e => e.SourceKey)),
                Parameter("pair_key", NpgsqlDbType.Uuid, batch.Select(e => e.PairKey)),
                Parameter("context_key", NpgsqlDbType.Uuid, batch.Select(e => e.ContextKey)),
                Parameter("word_count", NpgsqlDbType.Integer, batch.Select(e => e.WordCount)),
                Parameter("origin", NpgsqlDbType.Text, batch.Select(e => e.Origin.ToString())),
                Parameter("document_id", NpgsqlDbType.Uuid, batch.Select(e => e.DocumentId)),
                Parameter("segment_key", NpgsqlDbType.Text, batch.Select(e => e.SegmentKey)),
                Parameter("author_id", NpgsqlDbType.Uuid, batch.Select(e => e.AuthorId)),
                Parameter("author_name", NpgsqlDbType.Text, batch.Select(e => e.AuthorName)),
                Parameter("created_at", NpgsqlDbType.TimestampTz, batch.Select(e => e.CreatedAt)),
                Parameter("updated_at", NpgsqlDbType.TimestampTz, batch.Select(e => e.UpdatedAt)),
                ], cancellationToken);
            await reader.ReadAsync(cancellationToken);
            added += reader.GetInt32(0);
        }
        return added;
    }

    /// <summary>The projects whose memory (or glossary) a project reads: its own and those shared with it.</summary>
    public static async Task<List<Guid>> ProjectsReadByAsync(TranslationDb db, Guid projectId, SharedResource resource, CancellationToken cancellationToken) =>
        [projectId, .. await db.ProjectShares.Where(s => s.ProjectId == projectId && s.Resource == resource).Select(s => s.OwnerProjectId).ToListAsync(cancellationToken)];

    private static NpgsqlParameter Parameter<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };

    internal static async Task<DbDataReader> ReadAsync(TranslationDb db, string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteReaderAsync(cancellationToken);
    }
}
