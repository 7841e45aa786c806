using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Npgsql;

namespace Wgig.Translate.Bench;

/// <summary>
/// The web editor's load: translators who claim a batch, open a page of segments, autosave a draft of each
/// segment every few seconds (twice) and submit it; reviewers who claim review batches and approve each
/// translation after reading it. Every call is timed per operation. Then pgbench drives the raw statement of
/// each operation in the same proportions, at the same rate, with as many clients, on a document prepared
/// the same way: the raw equivalent beside each operation.
/// </summary>
public static class EditorMix
{
    private const string Language = "fr";
    private const int ClaimWords = 20;
    private const int ReviewWords = 40;
    private const int DraftsPerSegment = 2;

    private static readonly string[] Operations = ["claim-next", "segment page", "draft save", "submit", "review-next", "review decision"];

    public static async Task RunAsync(LoadHarness.Setup setup, int editors, TimeSpan think, int seconds)
    {
        var translators = setup.Volunteers.Take(editors).ToList();
        var reviewers = setup.Reviewers;
        // Enough open segments for everyone for the whole run, and half as many handed in already for the reviewers.
        var perTranslator = 2 * (int)Math.Ceiling(seconds / (think.TotalSeconds * DraftsPerSegment)) + 8;
        var paragraphs = translators.Count * perTranslator * 2;
        var httpDocument = await PrepareAsync(setup, paragraphs, translators, reviewers);
        var rawDocument = await PrepareAsync(setup, paragraphs, translators, reviewers);

        var latencies = Operations.ToDictionary(o => o, _ => new ConcurrentBag<double>());
        var deadline = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        setup.Api.Refresh();
        var cpuBefore = setup.Api.TotalProcessorTime;
        var tasks = translators.Select((t, i) => Task.Run(() => TranslateAsync(setup, httpDocument, t.Token, think, i, latencies, deadline, until)))
            .Concat(reviewers.Select((r, i) => Task.Run(() => ReviewAsync(setup, httpDocument, r.Token, think, i, latencies, deadline, until))));
        await Task.WhenAll(tasks);
        var elapsed = deadline.Elapsed.TotalSeconds;
        setup.Api.Refresh();
        var calls = latencies.Values.Sum(l => l.Count);
        var cpuPerCall = (setup.Api.TotalProcessorTime - cpuBefore).TotalMilliseconds / calls;

        var raw = Pgbench.Run(setup.Database, setup.Root,
            [
                new("claim-next", RawStatements.IdealClaim, Weight(latencies, "claim-next")),
                new("segment page", RawStatements.SegmentPage, Weight(latencies, "segment page")),
                new("draft save", RawStatements.DraftSave(fixedTarget: false), Weight(latencies, "draft save")),
                new("submit", RawStatements.Submit(listed: false), Weight(latencies, "submit")),
                new("review-next", RawStatements.IdealReviewClaim, Weight(latencies, "review-next")),
                new("review decision", RawStatements.Approve, Weight(latencies, "review decision")),
            ],
            translators.Count + reviewers.Count,
            new Dictionary<string, string>(LoadHarness.Variables(setup, rawDocument, translators.Count))
            {
                ["firstreviewer"] = (setup.Volunteers.Count + 1).ToString(CultureInfo.InvariantCulture),
                ["lastreviewer"] = (setup.Volunteers.Count + reviewers.Count).ToString(CultureInfo.InvariantCulture),
            },
            seconds: seconds, rate: calls / elapsed);

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The editor's mix: {translators.Count} translators and {reviewers.Count} reviewers for {elapsed:0} s, a draft saved every {think.TotalSeconds:0.#} s per active translator; " +
            $"{calls:N0} calls ({calls / elapsed:0.#}/s), API CPU {cpuPerCall:0.00} ms/call; pgbench ran the same statements in the same proportions at the same rate" +
            $"{(_ranOut > 0 ? $"; {_ranOut} translators found nothing left to claim before the end" : "")}"));
        Console.WriteLine();
        Console.WriteLine("| operation | calls | HTTP p50 ms | p95 | p99 | raw SQL p50 ms | p95 | p99 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var operation in Operations)
        {
            var http = latencies[operation].ToArray();
            var sql = raw.LatenciesMs[operation];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {operation} | {http.Length:N0} | {P(http, 0.5)} | {P(http, 0.95)} | {P(http, 0.99)} | {P(sql, 0.5)} | {P(sql, 0.95)} | {P(sql, 0.99)} |"));
        }
    }

    private static string P(double[] latencies, double p) =>
        latencies.Length == 0 ? "–" : LoadHarness.Percentile(latencies, p).ToString("0.00", CultureInfo.InvariantCulture);

    private static int Weight(Dictionary<string, ConcurrentBag<double>> latencies, string operation) => Math.Max(1, latencies[operation].Count);

    // A document with its first half handed in by the translators (review material), and every translator and
    // reviewer already holding a batch, as in an editor that has been in use for a while.
    private static async Task<Guid> PrepareAsync(LoadHarness.Setup setup, int paragraphs, List<(Guid Id, string Token)> translators,
        List<(Guid Id, string Token)> reviewers)
    {
        var document = await LoadHarness.UploadAsync(setup, paragraphs);
        await using (var connection = new NpgsqlConnection(setup.Database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"""
                UPDATE translate.targets t
                SET state = 'Translated', text = 'Le paragraphe dit une chose.', translator_id = ('00000000-0000-0000-0000-' || lpad((1 + t.ordinal % {translators.Count})::text, 12, '0'))::uuid,
                    events_recorded = 1, updated_at = now()
                WHERE t.document_id = '{document}' AND t.ordinal <= {paragraphs / 2};
                INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
                SELECT gen_random_uuid(), t.id, 1, 'Submitted', 'Translated', t.translator_id, t.text, NULL, now()
                FROM translate.targets t WHERE t.document_id = '{document}' AND t.ordinal <= {paragraphs / 2};
                ANALYZE translate.targets;
                """, connection);
            await command.ExecuteNonQueryAsync();
        }
        foreach (var (_, token) in translators)
        {
            using var client = LoadHarness.Client(token);
            await LoadHarness.ClaimAsync(client, setup.ProjectId, document, 2 * ClaimWords);
        }
        foreach (var (_, token) in reviewers)
        {
            using var client = LoadHarness.Client(token);
            await LoadHarness.ClaimAsync(client, setup.ProjectId, document, ReviewWords, "reviews");
        }
        return document;
    }

    private static async Task TranslateAsync(LoadHarness.Setup setup, Guid documentId, string token, TimeSpan think, int index,
        Dictionary<string, ConcurrentBag<double>> latencies, Stopwatch clock, TimeSpan until)
    {
        using var client = LoadHarness.Client(token);
        var random = new Random(index);
        var document = $"/api/projects/{setup.ProjectId}/documents/{documentId}";
        // Editors start at different moments, not in lockstep.
        await Task.Delay(TimeSpan.FromSeconds(random.NextDouble() * think.TotalSeconds));
        while (clock.Elapsed < until)
        {
            var claim = await TimedAsync(latencies, "claim-next", () => client.PostAsJsonAsync($"{document}/claims", new { language = Language, words = ClaimWords }),
                nothingLeftIsFine: true);
            if (claim.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // The document ran out (fast editors on a quiet machine): this editor's day is over, the others go on.
                Interlocked.Increment(ref _ranOut);
                return;
            }
            var segments = (await claim.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("segmentIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
            (await TimedAsync(latencies, "segment page", () => client.GetAsync($"{document}/segments?page={1 + random.Next(20)}&pageSize=50"))).Dispose();
            foreach (var segment in segments)
            {
                var translation = $"{document}/segments/{segment}/translations/{Language}";
                for (var draft = 1; draft <= DraftsPerSegment && clock.Elapsed < until; draft++)
                {
                    await Task.Delay(think * (0.75 + random.NextDouble() / 2));
                    (await TimedAsync(latencies, "draft save", () => client.PutAsJsonAsync($"{translation}/draft",
                        new { runs = new[] { new { text = $"Le paragraphe dit {draft}" } } }))).Dispose();
                }
                (await TimedAsync(latencies, "submit", () => client.PutAsJsonAsync(translation,
                    new { runs = new[] { new { text = "Le paragraphe dit une chose." } }, acknowledge = Faults.Site.AcknowledgedWarnings }))).Dispose();
            }
        }
    }

    private static async Task ReviewAsync(LoadHarness.Setup setup, Guid documentId, string token, TimeSpan think, int index,
        Dictionary<string, ConcurrentBag<double>> latencies, Stopwatch clock, TimeSpan until)
    {
        using var client = LoadHarness.Client(token);
        var random = new Random(1000 + index);
        var document = $"/api/projects/{setup.ProjectId}/documents/{documentId}";
        await Task.Delay(TimeSpan.FromSeconds(random.NextDouble() * think.TotalSeconds));
        while (clock.Elapsed < until)
        {
            var batch = await TimedAsync(latencies, "review-next", () => client.PostAsJsonAsync($"{document}/reviews", new { language = Language, words = ReviewWords }));
            var segments = (await batch.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("segmentIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
            foreach (var segment in segments)
            {
                await Task.Delay(think * (0.75 + random.NextDouble() / 2));
                (await TimedAsync(latencies, "review decision", () => client.PostAsJsonAsync($"{document}/segments/{segment}/translations/{Language}/review",
                    new { decision = "approve" }))).Dispose();
            }
        }
    }

    private static int _ranOut;

    private static async Task<HttpResponseMessage> TimedAsync(Dictionary<string, ConcurrentBag<double>> latencies, string operation, Func<Task<HttpResponseMessage>> call,
        bool nothingLeftIsFine = false)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await call();
        latencies[operation].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (!response.IsSuccessStatusCode && !(nothingLeftIsFine && response.StatusCode == System.Net.HttpStatusCode.Conflict))
        {
            throw new InvalidOperationException($"{operation} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return response;
    }
}
