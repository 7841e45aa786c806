using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Wgig.Translate.Bench;

/// <summary>
/// The translation editor of a 2,000-segment document, served by the Release API process on a fresh database:
/// the time to answer its first page (and its filtered and searched pages) beside the JSON API's read of the
/// same segments with their translations in the same run, and the bytes a first visit costs over the wire
/// (the page and its stylesheet and scripts, compressed as the server sends them). Reads PGHOST/PGPORT/PGUSER/
/// PGPASSWORD (pg_virtualenv sets them).
/// </summary>
public static class EditorBenchmark
{
    private const string Url = "http://127.0.0.1:5198";
    private static readonly string[] French = ["fr"];

    public static async Task<int> RunAsync(string[] args)
    {
        var segments = int.Parse(LoadHarness.Option(args, "--segments", "2000"), CultureInfo.InvariantCulture);
        var requests = int.Parse(LoadHarness.Option(args, "--requests", "60"), CultureInfo.InvariantCulture);
        var root = LoadHarness.Option(args, "--root", LoadHarness.FindRoot());
        var database = await LoadHarness.FreshDatabaseAsync("wgig_editor", root);
        using var api = LoadHarness.Process(root, "src/Wgig.Translate.Api/bin/Release/net10.0/Wgig.Translate.Api.dll", ["--urls", Url],
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Translation"] = database,
                ["DataProtection__KeyRingKey"] = LoadHarness.BenchKeyRingKey,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
            });
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(Url) };
            await LoadHarness.WaitReadyAsync(http);
            var (coordinator, volunteers) = await LoadHarness.SeedAccountsAsync(database, 1);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", coordinator);
            var project = (await LoadHarness.PostJsonAsync(http, "/api/projects", new { name = "Editor", sourceLanguage = "en", targetLanguages = French }))
                .GetProperty("id").GetGuid();
            var document = await UploadAsync(http, project, segments);
            await LoadHarness.GrantAsync(database, project, [volunteers[0].Id], translate: true);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", volunteers[0].Token);
            await LoadHarness.PostJsonAsync(http, $"/api/projects/{project}/documents/{document}/claims", new { language = "fr", words = 250 });

            var editor = $"/projects/{project}/documents/{document}/fr";
            var json = $"/api/projects/{project}/documents/{document}/segments?language=fr&pageSize=50";
            var cases = new (string Name, string Path)[]
            {
                ("JSON API: first 50 segments with translations (baseline)", json),
                ("Editor: first page (50 segments, the batch's page)", editor),
                ("JSON API: untranslated, page 10", json + "&filter=Untranslated&page=10"),
                ("Editor: untranslated, page 10", editor + "?filter=Untranslated&page=10"),
                ("JSON API: search \"governance\"", json + "&q=governance"),
                ("Editor: search \"governance\"", editor + "?q=governance"),
            };
            // Warm-up: the JIT takes the hot paths through its tiers over the first few hundred calls; a server's steady state is measured.
            var warmUp = int.Parse(LoadHarness.Option(args, "--warm-up", "30"), CultureInfo.InvariantCulture);
            foreach (var (_, path) in cases)
            {
                for (var i = 0; i < warmUp; i++)
                {
                    await GetAsync(http, path, null);
                }
            }
            var results = new List<(string Name, double[] Ms, long Bytes)>();
            for (var round = 0; round < requests; round++)
            {
                // Interleaved, so load on the shared machine falls on both sides alike.
                foreach (var (name, path) in cases)
                {
                    var (ms, bytes) = await GetAsync(http, path, null);
                    var entry = results.FindIndex(r => r.Name == name);
                    if (entry < 0)
                    {
                        results.Add((name, [ms], bytes));
                    }
                    else
                    {
                        results[entry] = (name, [.. results[entry].Ms, ms], bytes);
                    }
                }
            }
            Console.WriteLine($"{segments:N0} segments, {requests} requests each, interleaved; client-measured on loopback.");
            Console.WriteLine("| Request | median ms | p95 ms | ratio to baseline (median) | bytes |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            var baseline = Median(results[0].Ms);
            foreach (var (name, ms, bytes) in results)
            {
                Console.WriteLine($"| {name} | {Median(ms):0.0} | {Percentile(ms, 0.95):0.0} | {Median(ms) / baseline:0.00} | {bytes:N0} |");
            }

            Console.WriteLine();
            Console.WriteLine("First visit of the editor over the wire (Accept-Encoding: br, gzip):");
            Console.WriteLine("| Resource | uncompressed | sent |");
            Console.WriteLine("|---|---:|---:|");
            var page = await http.GetStringAsync(editor);
            var assets = System.Text.RegularExpressions.Regex.Matches(page, "(?:href|src)=\"(/(?:css|js)/[^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
            long plain = 0, sent = 0;
            foreach (var path in (string[])[editor, .. assets])
            {
                var (_, raw) = await GetAsync(http, path, null);
                var (_, compressed) = await GetAsync(http, path, "br, gzip");
                plain += raw;
                sent += compressed;
                Console.WriteLine($"| {path.Split('?')[0].Replace(editor, "editor page (HTML)", StringComparison.Ordinal)} | {raw:N0} | {compressed:N0} |");
            }
            Console.WriteLine($"| total | {plain:N0} | {sent:N0} |");
            return 0;
        }
        finally
        {
            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
        }
    }

    private static async Task<(double Ms, long Bytes)> GetAsync(HttpClient http, string path, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        }
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return response.IsSuccessStatusCode ? (ms, body.Length) : throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
    }

    // A paper of numbered paragraphs of two sentences each, one in four with a link, one in four with bold: realistic codes.
    private static async Task<Guid> UploadAsync(HttpClient http, Guid project, int segments)
    {
        var text = new StringBuilder("# A long paper\n\n");
        for (var i = 1; i < segments / 2; i++)
        {
            var first = (i % 4) switch
            {
                0 => $"The [Working Group](https://www.wgig.org/p{i}) discussed issue {i} of Internet governance at length.",
                1 => $"Stakeholders raised **{i} questions** about the governance of the Internet and its names.",
                _ => $"Paragraph {i} sets out what the Working Group on Internet Governance found about public policy.",
            };
            text.Append(CultureInfo.InvariantCulture, $"{i}. {first} It also proposed a way forward for the second phase of the Summit.\n\n");
        }
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString())), "file", "long-paper.md" } };
        using var response = await http.PostAsync($"/api/projects/{project}/documents", form);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid()
            : throw new InvalidOperationException($"upload failed: {body}");
    }

    private static double Median(double[] values) => Percentile(values, 0.5);

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
