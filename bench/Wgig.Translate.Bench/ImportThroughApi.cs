using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Bench;

/// <summary>
/// A large paper through the API, upload to answer, beside its baseline measured in the same run: the in-memory
/// import of the same file (split, segment, keys) plus PostgreSQL's binary COPY of the very rows the import
/// writes (the document, its version, every segment and a target per segment and target language). Then a new
/// version of the same size (one sentence in ten edited) through the API, against the same baseline.
/// </summary>
public static class ImportThroughApi
{
    public static async Task<int> RunAsync(string[] args)
    {
        var times = int.Parse(LoadHarness.Option(args, "--sample", "200"), CultureInfo.InvariantCulture);
        var languages = LoadHarness.Option(args, "--languages", "ar,zh,fr,ru,es").Split(',');
        var rounds = int.Parse(LoadHarness.Option(args, "--rounds", "3"), CultureInfo.InvariantCulture);
        LoadHarness.UseUrl(args);
        var setup = await LoadHarness.StartAsync("wgig_import", LoadHarness.Option(args, "--root", LoadHarness.FindRoot()), 1, 0);
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(setup.Database);
            var content = ImportPipeline.Sample(times);
            var edited = Edit(content);
            // Warm up both sides on a small copy: the API's JIT and pools, the bench's importer and COPY.
            var warm = await ProjectAsync(setup, languages);
            await UploadAsync(setup, warm, ImportPipeline.Sample(5), "warm.md");
            await BaselineAsync(dataSource, ImportPipeline.Sample(5), warm, languages);

            Console.WriteLine($"| round | step | bytes | segments | time ms | baseline ms (in-memory + COPY) | ratio |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
            for (var round = 1; round <= rounds; round++)
            {
                var project = await ProjectAsync(setup, languages);
                var (memory, copy, segments) = await BaselineAsync(dataSource, content, await ProjectAsync(setup, languages), languages);
                var clock = Stopwatch.StartNew();
                var documentId = await UploadAsync(setup, project, content, "report.md");
                var upload = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                await VersionAsync(setup, project, documentId, edited);
                var version = clock.Elapsed.TotalMilliseconds;
                var baseline = memory + copy;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {round} | new document, {languages.Length} target languages | {content.Length:N0} | {segments:N0} | {upload:N0} | {baseline:N0} ({memory:N0} + {copy:N0}) | {upload / baseline:0.00} |"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {round} | new version, one sentence in ten edited | {edited.Length:N0} | {segments:N0} | {version:N0} | {baseline:N0} | {version / baseline:0.00} |"));
            }
        }
        finally
        {
            setup.Api.Kill(entireProcessTree: true);
        }
        return 0;
    }

    // The in-memory import (what DocumentImport does before it writes), then a binary COPY of the rows it writes.
    private static async Task<(double Memory, double Copy, int Segments)> BaselineAsync(NpgsqlDataSource dataSource, byte[] content, Guid projectId, string[] languages)
    {
        var clock = Stopwatch.StartNew();
        var importer = new MarkdownImporter();
        var drafts = DocumentSegmentation.Segment(importer.Split(content).Value!, "en");
        var now = DateTimeOffset.UtcNow;
        var document = Document.Import(projectId, DocumentPath.Parse($"baseline-{Guid.NewGuid():N}.md").Value!, importer.Format, content, drafts, VersionOrigin.Upload, now);
        var memory = clock.Elapsed.TotalMilliseconds;
        var targets = document.Segments.SelectMany(s => languages.Select(l => Target.Start(s, l, now))).ToList();
        clock.Restart();
        await using var db = StoreServiceCollectionExtensions.OpenStore(dataSource);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await BulkCopy.WriteAsync(db, [document], CancellationToken.None);
        await BulkCopy.WriteAsync(db, document.Versions, CancellationToken.None);
        await BulkCopy.WriteAsync(db, document.Segments, CancellationToken.None);
        await BulkCopy.WriteAsync(db, targets, CancellationToken.None);
        await transaction.CommitAsync();
        return (memory, clock.Elapsed.TotalMilliseconds, document.Segments.Count);
    }

    // Every tenth paragraph gets a word more: edited sentences keep their keys, the rest stay as they were.
    private static byte[] Edit(byte[] content)
    {
        var paragraphs = Encoding.UTF8.GetString(content).Split("\n\n");
        return Encoding.UTF8.GetBytes(string.Join("\n\n", paragraphs.Select((p, i) => i % 10 == 5 && p.TrimEnd().EndsWith('.') ? p.TrimEnd()[..^1] + " indeed." : p)));
    }

    private static async Task<Guid> ProjectAsync(LoadHarness.Setup setup, string[] languages)
    {
        using var response = await setup.Coordinator.PostAsJsonAsync("/api/projects", new { name = $"Import {Guid.NewGuid():N}", sourceLanguage = "en", targetLanguages = languages });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> UploadAsync(LoadHarness.Setup setup, Guid projectId, byte[] content, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        using var response = await setup.Coordinator.PostAsync($"/api/projects/{projectId}/documents", form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? body.GetProperty("id").GetGuid() : throw new InvalidOperationException($"upload failed: {body}");
    }

    private static async Task VersionAsync(LoadHarness.Setup setup, Guid projectId, Guid documentId, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "report.md" } };
        using var response = await setup.Coordinator.PostAsync($"/api/projects/{projectId}/documents/{documentId}/versions", form);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"new version failed: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
