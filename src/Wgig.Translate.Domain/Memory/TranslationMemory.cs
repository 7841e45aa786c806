using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Memory;

/// <summary>
/// A project's translation memory: fed by every approval, searched for each segment (in-context, exact,
/// then fuzzy: candidates found by the segment's rarest words through a GIN index, ordered by the words they share, ranked
/// by word edit distance), and searched by phrase (concordance). A project reads its own memory and those shared with it.
/// </summary>
public sealed class TranslationMemory(TranslationDb db, IOptions<MemoryOptions> options, MemoryWordStatistics statistics, ILogger<TranslationMemory> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const string Columns = "id, project_id, source, target, codes::text, source_plain, context_key, document_id, author_id, author_name, origin, updated_at";

    /// <summary>
    /// Remembers an approved translation: call it in the approval's transaction, after the target's transition.
    /// The surroundings are the segments before and after it in the document.
    /// </summary>
    public async Task RecordApprovalAsync(Project project, Segment segment, Target target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (target.State != TargetState.Approved || target.ContentFor(segment.Content) is not { } translation)
        {
            return;
        }
        var author = target.History.LastOrDefault(e => e.Text is not null)?.ActorId ?? target.TranslatorId;
        var entry = MemoryEntry.Create(project.Id, project.SourceLanguage, target.Language, segment.Content, translation,
            await ContextAsync(segment, cancellationToken), MemoryOrigin.Approval, now, segment.DocumentId, segment.Key, author);
        if (entry is not null)
        {
            await MemoryStore.UpsertAsync(db, [entry], cancellationToken);
        }
    }

    /// <summary>The key of a segment's surroundings in its document (see <see cref="MemoryText.ContextOf"/>).</summary>
    public async Task<Guid> ContextAsync(Segment segment, CancellationToken cancellationToken)
    {
        var neighbours = await db.Segments.AsNoTracking()
            .Where(s => s.DocumentId == segment.DocumentId && s.RetiredInVersion == null && (s.Ordinal == segment.Ordinal - 1 || s.Ordinal == segment.Ordinal + 1))
            .Select(s => new { s.Ordinal, s.Source, s.SourceCodes }).ToListAsync(cancellationToken);
        string? Plain(int ordinal) => neighbours.FirstOrDefault(n => n.Ordinal == ordinal) is { } n ? new SegmentContent(n.Source, n.SourceCodes).PlainText : null;
        return MemoryText.ContextOf(Plain(segment.Ordinal - 1), Plain(segment.Ordinal + 1));
    }

    /// <summary>Matches for one segment, best first: in-context and exact ones, then fuzzy ones down to the minimum score.</summary>
    public async Task<List<MemoryMatch>> LookupAsync(IReadOnlyList<Guid> projects, string sourceLanguage, string targetLanguage, SegmentContent source,
        Guid? context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var plain = MemoryText.Normalize(source.PlainText);
        if (plain.Length == 0)
        {
            return [];
        }
        var matches = new List<MemoryMatch>();
        var seen = new HashSet<Guid>();
        var parameters = new Func<NpgsqlParameter[]>(() =>
        [
            new("projects", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = projects.ToArray() },
            new("source_language", sourceLanguage), new("target_language", targetLanguage),
        ]);
        await using (var exact = await MemoryStore.ReadAsync(db, $"""
            SELECT {Columns} FROM translate.memory_entries
            WHERE source_key = @key AND source_language = @source_language AND target_language = @target_language AND project_id = ANY(@projects)
            ORDER BY updated_at DESC LIMIT 50
            """, [.. parameters(), new NpgsqlParameter("key", MemoryText.KeyOf(plain))], cancellationToken))
        {
            while (await exact.ReadAsync(cancellationToken))
            {
                var match = Read(exact, source, context);
                seen.Add(match.EntryId);
                matches.Add(match);
            }
        }
        // Fuzzy matches in a transaction of their own, with a time budget set for it alone: past the budget the editor gets the
        // exact and in-context matches (inside a caller's transaction there is no budget to abort it).
        if (matches.Count(m => m.Score == 100) < settings.MaxMatches)
        {
            var anchors = FuzzyAnchors.For(plain, settings.MinimumScore, await statistics.FrequenciesAsync(db, cancellationToken));
            var own = db.Database.CurrentTransaction is null;
            await using var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var threshold = settings.TrigramThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var budget = own ? ((int)settings.FuzzyBudget.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) : "0";
            try
            {
                // Candidates hold the words of one of the anchor sets (FuzzyAnchors: every match of the minimum score does), found
                // through the word index and ordered by how many of the segment's words they share. A segment without words, or
                // of common ones only, searches every entry's trigrams instead, which on a large memory is slow (docs/benchmarks.md).
                // The settings go in the same round trip, as a statement of their own before the search.
                var words = MemoryEntry.WordsOf(plain);
                var sets = anchors ?? [];
                await using var fuzzy = await MemoryStore.ReadAsync(db, $"""
                    SELECT set_config('pg_trgm.similarity_threshold', @threshold, true), set_config('statement_timeout', @budget, true);
                    SELECT {Columns} FROM translate.memory_entries
                    WHERE {(anchors is null ? "source_plain % @plain" : "(" + string.Join(" OR ", sets.Select((_, i) => $"source_words @> @set{i}")) + ")")}
                      AND source_language = @source_language AND target_language = @target_language AND project_id = ANY(@projects)
                    ORDER BY {(anchors is null ? "similarity(source_plain, @plain) DESC" : "(SELECT count(*) FROM unnest(source_words) AS w WHERE w = ANY(@words)) DESC, abs(cardinality(source_words) - @word_count)")},
                        updated_at DESC
                    LIMIT @candidates
                    """,
                    [
                        .. parameters(), new NpgsqlParameter("plain", plain), new NpgsqlParameter("candidates", settings.Candidates),
                        new NpgsqlParameter("words", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = words },
                        new NpgsqlParameter("word_count", words.Length),
                        .. sets.Select((set, i) => new NpgsqlParameter($"set{i}", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = set }),
                        new NpgsqlParameter("threshold", threshold), new NpgsqlParameter("budget", budget),
                    ], cancellationToken);
                await fuzzy.NextResultAsync(cancellationToken);
                while (await fuzzy.ReadAsync(cancellationToken))
                {
                    var match = Read(fuzzy, source, context);
                    if (seen.Add(match.EntryId) && match.Score >= settings.MinimumScore)
                    {
                        matches.Add(match);
                    }
                }
            }
            catch (PostgresException e) when (own && e.SqlState == PostgresErrorCodes.QueryCanceled && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("The fuzzy memory search took longer than {Budget}; only exact and in-context matches are offered.", settings.FuzzyBudget);
            }
            if (transaction is not null)
            {
                await transaction.RollbackAsync(cancellationToken); // read only: nothing to keep
            }
        }
        return [.. matches.OrderBy(m => m.Kind).ThenByDescending(m => m.Score).ThenByDescending(m => m.At)
            .DistinctBy(m => m.Translation.CodedText).Take(settings.MaxMatches)];
    }

    /// <summary>
    /// For many segments at once (pre-translation), the best certain match of each: in context, else exact with
    /// every code mapped; null where there is none. One query for all of them.
    /// </summary>
    public async Task<MemoryMatch?[]> CertainMatchesAsync(IReadOnlyList<Guid> projects, string sourceLanguage, string targetLanguage,
        IReadOnlyList<(SegmentContent Source, Guid Context)> segments, CancellationToken cancellationToken)
    {
        var keys = segments.Select(s => MemoryText.KeyOf(s.Source.PlainText)).ToArray();
        var byKey = new Dictionary<Guid, List<int>>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (!byKey.TryGetValue(keys[i], out var list))
            {
                byKey[keys[i]] = list = [];
            }
            list.Add(i);
        }
        var best = new MemoryMatch?[segments.Count];
        await using var reader = await MemoryStore.ReadAsync(db, $"""
            SELECT {Columns}, source_key FROM translate.memory_entries
            WHERE source_key = ANY(@keys) AND source_language = @source_language AND target_language = @target_language AND project_id = ANY(@projects)
            ORDER BY updated_at DESC
            """,
            [
                new("projects", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = projects.ToArray() },
                new("source_language", sourceLanguage), new("target_language", targetLanguage),
                new("keys", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = byKey.Keys.ToArray() },
            ], cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            foreach (var i in byKey[reader.GetGuid(12)])
            {
                var match = Read(reader, segments[i].Source, segments[i].Context);
                if (match.Certain && (best[i] is null || best[i]!.Kind > match.Kind))
                {
                    best[i] = match;
                }
            }
        }
        return best;
    }

    /// <summary>Entries whose source (or translation) contains the phrase, newest first.</summary>
    public async Task<List<ConcordanceHit>> ConcordanceAsync(IReadOnlyList<Guid> projects, string sourceLanguage, string targetLanguage, string phrase,
        bool inTranslation, int skip, int take, CancellationToken cancellationToken)
    {
        var column = inTranslation ? "target_plain" : "source_plain";
        var pattern = "%" + MemoryText.Normalize(phrase).Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
        var hits = new List<ConcordanceHit>();
        await using var reader = await MemoryStore.ReadAsync(db, $"""
            SELECT {Columns} FROM translate.memory_entries
            WHERE {column} ILIKE @pattern AND source_language = @source_language AND target_language = @target_language AND project_id = ANY(@projects)
            ORDER BY updated_at DESC, id OFFSET @skip LIMIT @take
            """,
            [
                new("projects", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = projects.ToArray() },
                new("source_language", sourceLanguage), new("target_language", targetLanguage), new("pattern", pattern),
                new("skip", skip), new("take", take),
            ], cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var codes = JsonSerializer.Deserialize<List<InlineCode>>(reader.GetString(4), Json) ?? [];
            hits.Add(new ConcordanceHit(reader.GetGuid(0), sourceLanguage, targetLanguage, new SegmentContent(reader.GetString(2), codes),
                new SegmentContent(reader.GetString(3), codes), reader.GetGuid(1), reader.IsDBNull(7) ? null : reader.GetGuid(7),
                reader.GetFieldValue<DateTimeOffset>(11)));
        }
        return hits;
    }

    private static MemoryMatch Read(DbDataReader row, SegmentContent current, Guid? context)
    {
        var codes = JsonSerializer.Deserialize<List<InlineCode>>(row.GetString(4), Json) ?? [];
        var source = new SegmentContent(row.GetString(2), codes);
        var (translation, dropped) = CodeMapping.Map(row.GetString(3), codes, current);
        var (score, diff) = MatchScoring.Compare(MemoryText.Normalize(current.PlainText), row.GetString(5));
        // Codes that differ cost a point each, as in every CAT tool: the text is right, the formatting needs a hand.
        var codeDifference = MemoryText.Structure(source) == MemoryText.Structure(current) ? 0 : Math.Max(1, dropped + Math.Abs(current.Codes.Count - codes.Count));
        score = Math.Max(0, score - codeDifference);
        var kind = score < 100 ? MatchKind.Fuzzy
            : context is { } here && !row.IsDBNull(6) && row.GetGuid(6) == here ? MatchKind.InContext
            : MatchKind.Exact;
        return new MemoryMatch(row.GetGuid(0), kind, score, source, translation, dropped, diff, row.GetGuid(1),
            row.IsDBNull(7) ? null : row.GetGuid(7), row.IsDBNull(8) ? null : row.GetGuid(8), row.IsDBNull(9) ? null : row.GetString(9),
            Enum.Parse<MemoryOrigin>(row.GetString(10)), row.GetFieldValue<DateTimeOffset>(11));
    }
}
