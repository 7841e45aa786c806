using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Suggestions;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Bench.Faults;

/// <summary>
/// Mutation fuzzing of every importer (Markdown, UN plain text, DOCX, HTML) and of the XLIFF reader, through the
/// entry points uploads use (<see cref="DocumentImport.ImportNewAsync"/>, <see cref="XliffImport.ApplyAsync"/>) on a
/// real database, mutants from a fixed seed. No mutant may throw (over HTTP: a 500), run past the parse time limit,
/// allocate past a bound proportional to its size, or leave a partial write. A sample of mutants also goes over
/// HTTP to the API process. Inputs that break an invariant are kept in the run directory, to become regression files.
/// </summary>
internal sealed class FuzzScenario : IFaultScenario
{
    /// <summary>
    /// Beyond the parse limit itself (30 s), any input that takes this much CPU is kept as a finding. CPU time, not
    /// the wall clock: on a shared machine the wall clock measures the neighbours.
    /// </summary>
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(2);

    private static TimeSpan Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    private sealed record Format(string Name, string Extension, IReadOnlyList<byte[]> Seeds, Func<Mutator, byte[], byte[], byte[]> Mutate);

    public string Name => "fuzz";

    public string Description => "mutants of every importer's and the XLIFF reader's inputs: never a 500, never past the limits in time or memory, never a partial write";

    public async Task RunAsync(Harness harness, ScenarioReport report)
    {
        var count = harness.Size(200, 10_000);
        await using var site = await Site.CreateAsync(harness, "fuzz");
        var (_, url) = await site.StartApiAsync(null, ("Claims__MaxOpenWords", "1000000"));
        using var admin = Site.Client(url, site.Admin);
        using var translator = Site.Client(url, site.Translators[0]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Translation"] = site.Database,
            ["Claims:MaxOpenWords"] = "1000000",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddTranslationStore();
        services.AddDocumentImport();
        services.AddTranslationAids();
        services.AddClaims();
        await using var provider = services.BuildServiceProvider();
        var limits = provider.GetRequiredService<IOptions<DocumentLimits>>().Value;
        var crashes = Path.Combine(harness.RunDirectory, "fuzz-findings");

        foreach (var format in Formats())
        {
            var projectId = await site.CreateProjectAsync(admin, $"Fuzz {format.Name}", "fr");
            var mutator = new Mutator(new Random(harness.Seed * 31 + format.Name.Length), format.Name switch
            {
                "Markdown" => Mutator.MarkdownTokens, "HTML" => Mutator.HtmlTokens, "DOCX" => Mutator.DocxTokens, _ => Mutator.PlainTextTokens,
            });
            var random = new Random(harness.Seed);
            var outcomes = new Dictionary<string, int>();
            var stored = new List<(string Path, int Segments)>();
            var refused = new List<string>();
            var (slowest, mostAllocated, findings) = (TimeSpan.Zero, 0.0, 0);
            for (var i = 0; i < count; i++)
            {
                var seed = format.Seeds[random.Next(format.Seeds.Count)];
                var input = format.Mutate(mutator, seed, format.Seeds[random.Next(format.Seeds.Count)]);
                var path = $"fuzz-{i:D5}.{format.Extension}";
                var allocated = GC.GetTotalAllocatedBytes();
                var (clock, cpu) = (Stopwatch.StartNew(), Cpu());
                string outcome;
                try
                {
                    await using var scope = provider.CreateAsyncScope();
                    var result = await scope.ServiceProvider.GetRequiredService<DocumentImport>().ImportNewAsync(projectId, new DocumentUpload(path, null, input), CancellationToken.None);
                    if (result.Succeeded)
                    {
                        stored.Add((path, result.Value.Segments.Count));
                        outcome = "imported";
                    }
                    else
                    {
                        refused.Add(path);
                        outcome = result.Error is ImportTooSlow ? "too slow" : $"refused: {result.Error.Title}";
                    }
                }
                catch (Exception e) when (StoreOutage.Classify(e) is null)
                {
                    outcome = "crashed";
                    refused.Add(path);
                    Keep(crashes, format.Name, input, format.Extension, e.ToString());
                    findings++;
                }
                clock.Stop();
                cpu = Cpu() - cpu;
                var bytes = (GC.GetTotalAllocatedBytes() - allocated) / (1024.0 * 1024);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                if (cpu > Slow || outcome == "too slow")
                {
                    Keep(crashes, format.Name + "-slow", input, format.Extension, $"{cpu.TotalMilliseconds:N0} ms of CPU, {clock.Elapsed.TotalMilliseconds:N0} ms");
                    findings++;
                }
                report.Check(cpu < Slow, $"no {format.Name} mutant takes more than {Slow.TotalSeconds:N0} s of CPU", $"{path}: {cpu.TotalMilliseconds:N0} ms");
                (slowest, mostAllocated) = (cpu > slowest ? cpu : slowest, Math.Max(mostAllocated, bytes / Math.Max(1.0, input.Length / (1024.0 * 1024))));
                report.Check(outcome != "crashed", $"no {format.Name} mutant makes the import throw (a 500)", path);
                report.Check(clock.Elapsed < limits.ParseTimeout && outcome != "too slow", $"no {format.Name} mutant runs past the parse time limit ({limits.ParseTimeout.TotalSeconds:N0} s)",
                    $"{path}: {clock.Elapsed.TotalMilliseconds:N0} ms");
                report.Check(bytes < 64 + 200.0 * input.Length / (1024 * 1024), $"no {format.Name} mutant allocates more than 64 MB + 200 bytes per input byte",
                    $"{path}: {bytes:N0} MB for {input.Length:N0} bytes");
            }
            await CheckNoPartialWritesAsync(site, report, format.Name, projectId, stored, refused);
            await OverHttpAsync(harness, report, admin, format, mutator, projectId, harness.Size(10, 100));
            report.Measure($"{format.Name}: {count:N0} mutants", $"{string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Value} {o.Key}"))}; " +
                $"most CPU {slowest.TotalMilliseconds:N0} ms, most allocated {mostAllocated:N0} MB per MB of input; {findings} kept");
        }
        await FuzzXliffAsync(harness, report, site, admin, translator, provider, count, crashes);
    }

    private static IEnumerable<Format> Formats()
    {
        static byte[] Sample(string extension) => File.ReadAllBytes(ImportPipeline.FindSample(extension));
        yield return new Format("Markdown", "md", [Sample("md"), Encoding.UTF8.GetBytes("""
            # Title *with* `code`

            1. A list item with a [link](http://e.example "t") and a footnote.[^1]
               - nested **bold _and italic_** text
                 > a quote inside
            2. Second item

            | Column | Other |
            |---|:-:|
            | a | b |

            ```
            code block
            ```

            <div>raw <b>html</b></div>

            [^1]: The footnote, with ![an image](i.png).
            """)], (m, seed, other) => m.Mutate(seed, other));
        yield return new Format("UN text", "txt", [Sample("txt"), Encoding.UTF8.GetBytes("""
            WGIG/2005/1

            I. Introduction

            1. The Group met.¹

            (a) Sub-heading

            (i) An item · with a bullet
            · another bullet

            2. A second paragraph that runs on and on.

            ¹ The footnote.
            """)], (m, seed, other) => m.Mutate(seed, other));
        yield return new Format("DOCX", "docx", [Sample("docx")], (m, seed, other) => m.MutateDocx(seed, other));
        yield return new Format("HTML", "html", [Sample("html"), Encoding.UTF8.GetBytes("""
            <!DOCTYPE html><html lang="en"><head><title>T</title><style>p{}</style></head><body>
            <h1>Heading</h1><p>Text with <a href="x">a link</a>, <b>bold</b><br>and a break.<sup><a href="#fn1">1</a></sup></p>
            <ol start="3"><li>Three<ul><li>nested</li></ul></li></ol><table><tr><td>cell</td></tr></table>
            <blockquote><p>quoted</p></blockquote><script>var x = "<p>";</script><p id="fn1">1. Note.</p></body></html>
            """)], (m, seed, other) => m.Mutate(seed, other));
    }

    // Refused mutants left nothing; stored ones are whole (every segment the import reported, one version).
    private static async Task CheckNoPartialWritesAsync(Site site, ScenarioReport report, string format, Guid projectId, List<(string Path, int Segments)> stored, List<string> refused)
    {
        var found = (await site.QueryAsync<string>($"""
            SELECT d.path || ' ' || (SELECT count(*) FROM translate.segments s WHERE s.document_id = d.id)
                || ' ' || (SELECT count(*) FROM translate.document_versions v WHERE v.document_id = d.id)
            FROM translate.documents d WHERE d.project_id = '{projectId}'
            """)).Select(r => r.Split(' ')).ToDictionary(r => r[0], r => (Segments: int.Parse(r[1], CultureInfo.InvariantCulture), Versions: int.Parse(r[2], CultureInfo.InvariantCulture)));
        var partial = refused.Where(found.ContainsKey).ToList();
        report.Check(partial.Count == 0, $"a refused {format} mutant leaves nothing in the store", string.Join(", ", partial.Take(5)));
        var broken = stored.Where(s => !found.TryGetValue(s.Path, out var f) || f.Segments != s.Segments || f.Versions != 1).ToList();
        report.Check(broken.Count == 0, $"an imported {format} mutant is stored whole: every segment, one version", string.Join(", ", broken.Take(5)));
    }

    // The same mutants through the real API process: multipart, limits, problem details.
    private static async Task OverHttpAsync(Harness harness, ScenarioReport report, HttpClient admin, Format format, Mutator mutator, Guid projectId, int count)
    {
        var random = new Random(harness.Seed + 7);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            var input = format.Mutate(mutator, format.Seeds[random.Next(format.Seeds.Count)], format.Seeds[random.Next(format.Seeds.Count)]);
            using var response = await admin.PostAsync($"/api/projects/{projectId}/documents", Site.File($"http-{i:D4}.{format.Extension}", input));
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            report.Check((int)response.StatusCode < 500, $"no {format.Name} mutant uploaded over HTTP is answered with a 5xx", $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            report.Check(response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                $"every refused {format.Name} upload is a problem details answer");
        }
        report.Measure($"{format.Name} over HTTP: {count} mutants", string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}× {s.Key}")));
    }

    private static async Task FuzzXliffAsync(Harness harness, ScenarioReport report, Site site, HttpClient admin, HttpClient translator, ServiceProvider provider,
        int count, string crashes)
    {
        var projectId = await site.CreateProjectAsync(admin, "Fuzz XLIFF", "fr");
        var paper = Encoding.UTF8.GetBytes(Papers.Markdown(7, 24) + "Text with **bold**, a [link](http://e.example) and `code`.\n");
        // A fresh document under a fresh claim, whenever a mutant's units were applied (they are no longer open to it).
        async Task<(Guid Document, List<byte[]> Seeds)> FreshAsync(int number)
        {
            var documentId = (await Site.JsonAsync(await admin.PostAsync($"/api/projects/{projectId}/documents", Site.File($"offline-{number}.md", paper)))).GetProperty("id").GetGuid();
            await Site.JsonAsync(await translator.PostAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/claims", new { language = "fr", words = 100_000 }));
            var seeds = new List<byte[]>();
            foreach (var version in new[] { "2.1", "2.0", "1.2" })
            {
                seeds.Add(Papers.TranslateXliff(await translator.GetStringAsync($"/api/projects/{projectId}/documents/{documentId}/xliff?language=fr&units=claimedByMe&version={version}"), out _));
            }
            return (documentId, seeds);
        }
        var (documentId, seeds) = await FreshAsync(0);
        const string fingerprint = """
            SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '') || (SELECT count(*) FROM translate.target_events e JOIN translate.targets t2 ON t2.id = e.target_id
                JOIN translate.segments s2 ON s2.id = t2.segment_id WHERE s2.document_id = '{0}')
            FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id WHERE s.document_id = '{0}'
            """;
        var mutator = new Mutator(new Random(harness.Seed * 37), Mutator.XliffTokens);
        var random = new Random(harness.Seed);
        var outcomes = new Dictionary<string, int>();
        var (slowest, findings, documents) = (TimeSpan.Zero, 0, 1);
        for (var i = 0; i < count; i++)
        {
            var input = mutator.Mutate(seeds[random.Next(seeds.Count)], seeds[random.Next(seeds.Count)]);
            var before = await site.ScalarAsync<string>(string.Format(CultureInfo.InvariantCulture, fingerprint, documentId));
            var (clock, cpu) = (Stopwatch.StartNew(), Cpu());
            string outcome;
            var applied = false;
            try
            {
                await using var scope = provider.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<XliffImport>().ApplyAsync(projectId, documentId, "fr", site.Translators[0].Id,
                    new MemoryStream(input), acknowledgeWarnings: false, CancellationToken.None);
                applied = result.Succeeded && result.Value.Applied > 0;
                outcome = result.Succeeded ? (applied ? "applied" : "read, nothing applied") : $"refused: {result.Error.Title}";
            }
            catch (Exception e) when (StoreOutage.Classify(e) is null)
            {
                outcome = "crashed";
                Keep(crashes, "XLIFF", input, "xlf", e.ToString());
                findings++;
            }
            clock.Stop();
            cpu = Cpu() - cpu;
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            slowest = cpu > slowest ? cpu : slowest;
            if (cpu > Slow)
            {
                Keep(crashes, "XLIFF-slow", input, "xlf", $"{cpu.TotalMilliseconds:N0} ms of CPU, {clock.Elapsed.TotalMilliseconds:N0} ms");
                findings++;
            }
            report.Check(cpu < Slow, $"no XLIFF mutant takes more than {Slow.TotalSeconds:N0} s of CPU", $"mutant {i}: {cpu.TotalMilliseconds:N0} ms");
            report.Check(outcome != "crashed", "no XLIFF mutant makes the upload throw (a 500)", $"mutant {i}");
            report.Check(clock.Elapsed < TimeSpan.FromSeconds(30), "no XLIFF mutant takes longer than 30 s", $"mutant {i}: {clock.Elapsed.TotalMilliseconds:N0} ms");
            if (!applied)
            {
                var after = await site.ScalarAsync<string>(string.Format(CultureInfo.InvariantCulture, fingerprint, documentId));
                report.Check(after == before, "an XLIFF mutant that applied nothing changed nothing (no partial write)", $"mutant {i}: {outcome}");
            }
            else
            {
                // Its units are handed in, no longer open to the translator: the next mutants go to a fresh document.
                (documentId, seeds) = await FreshAsync(++documents);
            }
        }
        // Over HTTP: mutants of the last seeds, to the API process.
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < harness.Size(10, 100); i++)
        {
            var input = mutator.Mutate(seeds[random.Next(seeds.Count)], seeds[random.Next(seeds.Count)]);
            using var response = await translator.PostAsync($"/api/projects/{projectId}/documents/{documentId}/xliff?language=fr&acknowledgeWarnings=true", Site.File("mutant.xlf", input));
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            report.Check(response.StatusCode < HttpStatusCode.InternalServerError, "no XLIFF mutant uploaded over HTTP is answered with a 5xx",
                $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        await site.CheckWorkflowInvariantsAsync(report);
        report.Measure($"XLIFF: {count:N0} mutants of 2.1, 2.0 and 1.2 files", $"{string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Value} {o.Key}"))}; " +
            $"most CPU {slowest.TotalMilliseconds:N0} ms; {documents} documents claimed; {findings} kept; over HTTP {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}× {s.Key}"))}");
    }

    private static void Keep(string directory, string kind, byte[] input, string extension, string why)
    {
        Directory.CreateDirectory(directory);
        var name = $"{kind.ToLowerInvariant().Replace(' ', '-')}-{Convert.ToHexStringLower(SHA256.HashData(input))[..12]}";
        File.WriteAllBytes(Path.Combine(directory, $"{name}.{extension}"), input);
        File.WriteAllText(Path.Combine(directory, $"{name}.txt"), why);
    }
}
