using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Bench;

/// <summary>
/// Translation memory lookups on a large memory: N entries for one language pair (en→fr), made from the sample
/// report's sentences with one to three words replaced by others of its vocabulary, so the memory is full of
/// near neighbours, as a UN team's is. Then Q lookups of fresh variants, each through the whole path the
/// editor uses (exact, then pg_trgm candidates re-ranked by word edit distance), beside an exact-key lookup on
/// the same table in the same run. Reads PGHOST/PGPORT/PGUSER/PGPASSWORD (pg_virtualenv sets them).
/// </summary>
public static class MemoryBenchmark
{
    private static readonly Guid Project = Guid.Parse("00000000-0000-0000-0000-0000000000aa");

    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(LoadHarness.Option(args, "--entries", "1000000"), CultureInfo.InvariantCulture);
        var lookups = int.Parse(LoadHarness.Option(args, "--lookups", "300"), CultureInfo.InvariantCulture);
        var root = LoadHarness.Option(args, "--root", LoadHarness.FindRoot());
        var skipTrigram = args.Contains("--no-trigram");
        var sentences = Sentences();
        var vocabulary = sentences.SelectMany(s => s.Split(' ')).Where(w => w.Length > 0 && w.All(char.IsLetter)).Distinct().Order(StringComparer.Ordinal).ToArray();
        // --reuse keeps a memory seeded by an earlier run of the same size (the seed is the same every time).
        var seeded = args.Contains("--reuse") ? await SeededAsync(count) : null;
        await using var dataSource = NpgsqlDataSource.Create(seeded ?? await LoadHarness.FreshDatabaseAsync("wgig_memory", root));
        if (seeded is null)
        {
            var clock = Stopwatch.StartNew();
            await SeedAsync(dataSource, count, sentences, vocabulary, new Random(2005));
            Console.WriteLine($"Seeded {count:N0} entries ({sentences.Count:N0} base sentences, {vocabulary.Length:N0} words) in {clock.Elapsed.TotalSeconds:N0} s.");
        }

        var random = new Random(15);
        var queries = Enumerable.Range(0, lookups).Select(_ => SegmentContent.FromText(Variant(sentences[random.Next(sentences.Count)], vocabulary, random))).ToList();
        await using var db = StoreServiceCollectionExtensions.OpenStore(dataSource);
        // No time budget here: the bench measures how long the fuzzy search takes, not how often the editor would be spared it.
        var settings = new MemoryOptions { FuzzyBudget = TimeSpan.FromSeconds(10) };
        var memory = new TranslationMemory(db, Options.Create(settings), new MemoryWordStatistics(TimeProvider.System),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<TranslationMemory>.Instance);
        Guid[] projects = [Project];
        // Warm up like a running API: plans, JIT, the index pages a first query reads from disk.
        foreach (var query in queries.Take(20))
        {
            await memory.LookupAsync(projects, "en", "fr", query, null, CancellationToken.None);
            await ExactAsync(dataSource, query);
            await TrigramAsync(dataSource, query, settings);
        }
        var exact = new List<double>();
        var trigram = new List<double>();
        var fuzzy = new List<double>();
        var found = 0;
        foreach (var query in queries)
        {
            exact.Add(await TimeAsync(() => ExactAsync(dataSource, query)));
            if (!skipTrigram)
            {
                trigram.Add(await TimeAsync(() => TrigramAsync(dataSource, query, settings)));
            }
            fuzzy.Add(await TimeAsync(async () => found += (await memory.LookupAsync(projects, "en", "fr", query, null, CancellationToken.None)).Count > 0 ? 1 : 0));
        }
        Console.WriteLine($"{found} of {lookups} lookups found a match of {new MemoryOptions().MinimumScore}% or more.");
        if (args.Contains("--slowest"))
        {
            foreach (var (time, query) in fuzzy.Zip(queries).OrderByDescending(p => p.First).Take(10))
            {
                Console.WriteLine($"{time:0} ms: {query.PlainText}");
            }
        }
        Console.WriteLine("| lookup | entries | p50 ms | p95 ms | p99 ms | p95 ratio |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row("exact key (baseline)", count, exact, Percentile(exact, 95));
        if (!skipTrigram)
        {
            Row("former fuzzy candidates alone: pg_trgm % over every entry", count, trigram, Percentile(exact, 95));
        }
        Row("in-context, exact and fuzzy (rare-word candidates + word edit distance)", count, fuzzy, Percentile(exact, 95));
        return 0;
    }

    private static void Row(string name, int count, List<double> times, double baseline) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {count:N0} | {Percentile(times, 50):0.00} | {Percentile(times, 95):0.00} | {Percentile(times, 99):0.00} | {Percentile(times, 95) / baseline:0.0} |"));

    // The database of an earlier run when it holds a memory of this size.
    private static async Task<string?> SeededAsync(int count)
    {
        var database = new NpgsqlConnectionStringBuilder
        {
            Host = Environment.GetEnvironmentVariable("PGHOST") ?? "localhost",
            Port = int.Parse(Environment.GetEnvironmentVariable("PGPORT") ?? "5432", CultureInfo.InvariantCulture),
            Username = Environment.GetEnvironmentVariable("PGUSER") ?? "postgres",
            Password = Environment.GetEnvironmentVariable("PGPASSWORD"),
            Database = "wgig_memory",
        }.ConnectionString;
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(database);
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM translate.memory_entries");
            return (long)(await command.ExecuteScalarAsync())! == count ? database : null;
        }
        catch (PostgresException)
        {
            return null;
        }
    }

    // The exact-match lookup on its own: one btree probe on the source key, as the memory's first query does.
    private static async Task ExactAsync(NpgsqlDataSource dataSource, SegmentContent query)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, target, codes::text FROM translate.memory_entries
            WHERE source_key = $1 AND source_language = 'en' AND target_language = 'fr' AND project_id = ANY($2) LIMIT 50
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = MemoryText.KeyOf(query.PlainText) });
        command.Parameters.Add(new NpgsqlParameter { Value = new[] { Project } });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    // The fuzzy search as it was before the word index (the candidates alone: pg_trgm's % through the trigram GIN index,
    // ordered by similarity), for the before/after comparison in the same run.
    private static async Task TrigramAsync(NpgsqlDataSource dataSource, SegmentContent query, MemoryOptions settings)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand($"SET LOCAL pg_trgm.similarity_threshold = {settings.TrigramThreshold.ToString(CultureInfo.InvariantCulture)}", connection, transaction))
        {
            await set.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand("""
            SELECT id, source, target, codes::text, source_plain FROM translate.memory_entries
            WHERE source_plain % $1 AND source_language = 'en' AND target_language = 'fr' AND project_id = ANY($2)
            ORDER BY similarity(source_plain, $1) DESC LIMIT $3
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = MemoryText.Normalize(query.PlainText) });
        command.Parameters.Add(new NpgsqlParameter { Value = new[] { Project } });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.Candidates });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static async Task SeedAsync(NpgsqlDataSource dataSource, int count, List<string> sentences, string[] vocabulary, Random random)
    {
        await Execute(dataSource, $"""
            INSERT INTO translate.projects (id, name, normalized_name, source_language, target_languages, created_at,
                ladder_overdue_notice, ladder_reassign_lapsed_work, ladder_alert_coordinators)
            VALUES ('{Project}', 'Memory', 'MEMORY', 'en', ARRAY['fr'], now(), true, true, true);
            DROP INDEX translate.ix_memory_entries_source_plain;
            DROP INDEX translate.ix_memory_entries_target_plain;
            DROP INDEX translate.ix_memory_entries_source_words;
            """);
        // Bulk load first, indexes after: how a large TMX import or a restore would build them.
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var import = await connection.BeginBinaryImportAsync("""
            COPY translate.memory_entries (id, project_id, source_language, target_language, source, target, codes, source_plain, target_plain,
                source_words, source_key, pair_key, context_key, word_count, origin, document_id, segment_key, author_id, author_name, created_at, updated_at)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            var at = DateTimeOffset.UtcNow;
            var seen = new HashSet<Guid>();
            for (var i = 0; seen.Count < count; i++)
            {
                var source = Variant(sentences[i % sentences.Count], vocabulary, random);
                var entry = MemoryEntry.Create(Project, "en", "fr", SegmentContent.FromText(source), SegmentContent.FromText("FR " + source),
                    MemoryText.ContextOf(sentences[(i + 1) % sentences.Count], null), MemoryOrigin.Import, at.AddTicks(i))!;
                if (!seen.Add(entry.PairKey))
                {
                    continue;
                }
                await import.StartRowAsync();
                await import.WriteAsync(entry.Id, NpgsqlDbType.Uuid);
                await import.WriteAsync(entry.ProjectId, NpgsqlDbType.Uuid);
                await import.WriteAsync(entry.SourceLanguage, NpgsqlDbType.Varchar);
                await import.WriteAsync(entry.TargetLanguage, NpgsqlDbType.Varchar);
                await import.WriteAsync(entry.Source, NpgsqlDbType.Text);
                await import.WriteAsync(entry.Target, NpgsqlDbType.Text);
                await import.WriteAsync("[]", NpgsqlDbType.Jsonb);
                await import.WriteAsync(entry.SourcePlain, NpgsqlDbType.Text);
                await import.WriteAsync(entry.TargetPlain, NpgsqlDbType.Text);
                await import.WriteAsync(entry.SourceWords, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(entry.SourceKey, NpgsqlDbType.Uuid);
                await import.WriteAsync(entry.PairKey, NpgsqlDbType.Uuid);
                await import.WriteAsync(entry.ContextKey!.Value, NpgsqlDbType.Uuid);
                await import.WriteAsync(entry.WordCount, NpgsqlDbType.Integer);
                await import.WriteAsync("Import", NpgsqlDbType.Varchar);
                await import.WriteNullAsync();
                await import.WriteNullAsync();
                await import.WriteNullAsync();
                await import.WriteNullAsync();
                await import.WriteAsync(entry.CreatedAt, NpgsqlDbType.TimestampTz);
                await import.WriteAsync(entry.UpdatedAt, NpgsqlDbType.TimestampTz);
            }
            await import.CompleteAsync();
        }
        await Execute(dataSource, """
            SET maintenance_work_mem = '1GB';
            CREATE INDEX ix_memory_entries_source_plain ON translate.memory_entries USING gin (source_plain gin_trgm_ops);
            CREATE INDEX ix_memory_entries_target_plain ON translate.memory_entries USING gin (target_plain gin_trgm_ops);
            CREATE INDEX ix_memory_entries_source_words ON translate.memory_entries USING gin (source_words);
            """);
        // As the migration sets it: the lookups anchor on the rarest words by these statistics.
        await Execute(dataSource, "ALTER TABLE translate.memory_entries ALTER COLUMN source_words SET STATISTICS 1000");
        await Execute(dataSource, "VACUUM ANALYZE translate.memory_entries");
    }

    // A sentence of the report with one to three words replaced by other words of the report.
    private static string Variant(string sentence, string[] vocabulary, Random random)
    {
        var words = sentence.Split(' ');
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            words[random.Next(words.Length)] = vocabulary[random.Next(vocabulary.Length)];
        }
        return string.Join(' ', words);
    }

    /// <summary>
    /// Real English sentences: the sample report's, and the messages of every gettext catalogue installed under
    /// /usr/share/locale (the English originals of the machine's translated software), four to forty words each.
    /// </summary>
    private static List<string> Sentences()
    {
        var blocks = new MarkdownImporter().Split(ImportPipeline.Sample(1)).Value!;
        var report = DocumentSegmentation.Segment(blocks, "en").Select(d => MemoryText.Normalize(d.Content.PlainText));
        var catalogues = Directory.Exists("/usr/share/locale")
            ? Directory.EnumerateFiles("/usr/share/locale", "*.mo", SearchOption.AllDirectories).SelectMany(GettextOriginals)
            : [];
        return [.. report.Concat(catalogues.Select(MemoryText.Normalize))
            .Where(s => s.Split(' ').Length is >= 4 and <= 40 && s.Count(char.IsLetter) > s.Length / 2)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    // The original (msgid) strings of a compiled gettext catalogue: a little-endian header, then a table of (length, offset).
    private static IEnumerable<string> GettextOriginals(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            yield break;
        }
        if (bytes.Length < 28 || BitConverter.ToUInt32(bytes, 0) != 0x950412de)
        {
            yield break;
        }
        var count = BitConverter.ToInt32(bytes, 8);
        var table = BitConverter.ToInt32(bytes, 12);
        for (var i = 0; i < count && table + i * 8 + 8 <= bytes.Length; i++)
        {
            var length = BitConverter.ToInt32(bytes, table + i * 8);
            var offset = BitConverter.ToInt32(bytes, table + i * 8 + 4);
            if (length <= 0 || offset < 0 || offset + length > bytes.Length)
            {
                continue;
            }
            // Plural forms are separated by NUL; the context (msgctxt) by EOT before the message.
            var text = System.Text.Encoding.UTF8.GetString(bytes, offset, length);
            foreach (var form in text[(text.IndexOf('\u0004', StringComparison.Ordinal) + 1)..].Split('\0'))
            {
                yield return form;
            }
        }
    }

    private static async Task<double> TimeAsync(Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static async Task Execute(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 3600;
        await command.ExecuteNonQueryAsync();
    }
}
