using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Bench;

/// <summary>
/// A whole document checked as GET …/documents/{id}/checks does it: the 200-fold sample report (28,400 segments),
/// every segment translated, a glossary of 200 entries; levels, glossary, mutes and the project's other
/// translations of the same sources read from the database, every check run. Baseline, same run: reading the
/// same segments and translations, the least a document check must do.
/// </summary>
public static class DocumentChecksBenchmark
{
    private static readonly Guid Project = Guid.Parse("00000000-0000-0000-0000-0000000000cc");
    private static readonly Guid Document = Guid.Parse("00000000-0000-0000-0000-0000000000cd");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var times = int.Parse(LoadHarness.Option(args, "--sample", "200"), CultureInfo.InvariantCulture);
        var root = LoadHarness.Option(args, "--root", LoadHarness.FindRoot());
        var database = await LoadHarness.FreshDatabaseAsync("wgig_checks", root);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var translations = ChecksBenchmarks.Translations(times);
        await SeedAsync(dataSource, translations);

        // Wall-clock time, and this process's processor time (what the checks cost, whatever else the machine runs; PostgreSQL's
        // share of the queries is in its own processes).
        Console.WriteLine("| run | segments | time ms | ratio | bench CPU ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var round = 0; round <= 3; round++)
        {
            await using var db = StoreServiceCollectionExtensions.OpenStore(dataSource);
            var target = new DocumentLanguage(await db.Projects.SingleAsync(p => p.Id == Project), await db.Documents.SingleAsync(d => d.Id == Document), "fr");
            var checks = new SegmentChecks(db, new QualityChecks(typeof(ICheck).Assembly.GetTypes()
                .Where(t => t.IsClass && !t.IsAbstract && typeof(ICheck).IsAssignableFrom(t)).Select(t => (ICheck)Activator.CreateInstance(t)!)), new Glossaries(db));
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var rows = await db.Segments.AsNoTracking().Where(s => s.DocumentId == Document && s.RetiredInVersion == null)
                .Join(db.Targets.AsNoTracking().Where(t => t.Language == "fr"), s => s.Id, t => t.SegmentId, (s, t) => new { s, t.Text }).ToListAsync();
            var baseline = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            var baselineCpu = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            cpu = process.TotalProcessorTime;
            clock.Restart();
            var reports = await checks.RunDocumentAsync(target, CancellationToken.None);
            var checkedMs = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            var checkedCpu = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            // Round 0 warms up (EF model, JIT, plans), as in a running API.
            if (round > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| round {round}: read segments and translations (baseline) | {rows.Count:N0} | {baseline:N0} | 1.00 | {baselineCpu:N0} |"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| round {round}: check the document ({reports.Sum(r => r.Report.Findings.Count):N0} findings on {reports.Count:N0} segments) | {rows.Count:N0} | {checkedMs:N0} | {checkedMs / baseline:0.0} | {checkedCpu:N0} |"));
            }
        }
        return 0;
    }

    private static async Task SeedAsync(NpgsqlDataSource dataSource, List<(Wgig.Translate.Domain.Segmentation.SegmentContent Source, Wgig.Translate.Domain.Segmentation.SegmentContent Target)> translations)
    {
        await using (var command = dataSource.CreateCommand($"""
            INSERT INTO translate.projects (id, name, normalized_name, source_language, target_languages, created_at,
                ladder_overdue_notice, ladder_reassign_lapsed_work, ladder_alert_coordinators)
            VALUES ('{Project}', 'Checks', 'CHECKS', 'en', ARRAY['fr'], now(), true, true, true);
            INSERT INTO translate.documents (id, project_id, path, format, current_version, created_at, origin)
            VALUES ('{Document}', '{Project}', 'report.md', 'Markdown', 1, now(), 'Upload');
            """))
        {
            await command.ExecuteNonQueryAsync();
        }
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            var ids = translations.Select(_ => Guid.CreateVersion7()).ToList();
            await using (var segments = await connection.BeginBinaryImportAsync("""
                COPY translate.segments (id, document_id, key, ordinal, paragraph, sentence, kind, level, source, source_codes, space_after, word_count, added_in_version)
                FROM STDIN (FORMAT BINARY)
                """))
            {
                for (var i = 0; i < translations.Count; i++)
                {
                    await segments.StartRowAsync();
                    await segments.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                    await segments.WriteAsync(Document, NpgsqlDbType.Uuid);
                    await segments.WriteAsync($"s{i}", NpgsqlDbType.Varchar);
                    await segments.WriteAsync(i + 1, NpgsqlDbType.Integer);
                    await segments.WriteAsync(i, NpgsqlDbType.Integer);
                    await segments.WriteAsync(0, NpgsqlDbType.Integer);
                    await segments.WriteAsync("Paragraph", NpgsqlDbType.Varchar);
                    await segments.WriteAsync(0, NpgsqlDbType.Integer);
                    await segments.WriteAsync(translations[i].Source.CodedText, NpgsqlDbType.Text);
                    await segments.WriteAsync(JsonSerializer.Serialize(translations[i].Source.Codes, Json), NpgsqlDbType.Jsonb);
                    await segments.WriteAsync(" ", NpgsqlDbType.Text);
                    await segments.WriteAsync(10, NpgsqlDbType.Integer);
                    await segments.WriteAsync(1, NpgsqlDbType.Integer);
                }
                await segments.CompleteAsync();
            }
            await using (var targets = await connection.BeginBinaryImportAsync("""
                COPY translate.targets (id, segment_id, language, document_id, ordinal, word_count, state, text, translator_id, updated_at, events_recorded)
                FROM STDIN (FORMAT BINARY)
                """))
            {
                for (var i = 0; i < translations.Count; i++)
                {
                    await targets.StartRowAsync();
                    await targets.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await targets.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                    await targets.WriteAsync("fr", NpgsqlDbType.Varchar);
                    await targets.WriteAsync(Document, NpgsqlDbType.Uuid);
                    await targets.WriteAsync(i + 1, NpgsqlDbType.Integer);
                    await targets.WriteAsync(10, NpgsqlDbType.Integer);
                    await targets.WriteAsync("Translated", NpgsqlDbType.Varchar);
                    await targets.WriteAsync(translations[i].Target.CodedText, NpgsqlDbType.Text);
                    await targets.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                    await targets.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz);
                    await targets.WriteAsync(0, NpgsqlDbType.Integer);
                }
                await targets.CompleteAsync();
            }
        }
        await using (var db = StoreServiceCollectionExtensions.OpenStore(dataSource))
        {
            db.GlossaryEntries.AddRange(ChecksBenchmarks.Glossary().Select(e =>
                GlossaryEntry.Create(Project, "en", new GlossaryEntryDraft(e.Definition, e.Note, e.DoNotTranslate, [.. e.Terms.Select(t => new GlossaryTermDraft(t.Language, t.Text))]), null, DateTimeOffset.UtcNow).Value!));
            await db.SaveChangesAsync();
        }
        await using var analyze = dataSource.CreateCommand("VACUUM ANALYZE");
        await analyze.ExecuteNonQueryAsync();
    }
}
