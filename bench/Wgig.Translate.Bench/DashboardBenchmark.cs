using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Wgig.Translate.Bench;

/// <summary>
/// The coordinator's dashboard of a project with 50 documents × 6 target languages and 200 volunteers (a third of them
/// holding claims, every document × language with a deadline and counted progress), served by the Release API process
/// on a fresh database: the time to answer the dashboard page and its JSON read beside the bare progress query (the
/// project's progress rows straight from PostgreSQL) in the same run, interleaved. Reads PGHOST/PGPORT/PGUSER/PGPASSWORD.
/// </summary>
public static class DashboardBenchmark
{
    private const string Url = "http://127.0.0.1:5197";
    private static readonly string[] Targets = ["ar", "zh", "fr", "ru", "es", "pt"];

    public static async Task<int> RunAsync(string[] args)
    {
        var documents = int.Parse(LoadHarness.Option(args, "--documents", "50"), CultureInfo.InvariantCulture);
        var people = int.Parse(LoadHarness.Option(args, "--volunteers", "200"), CultureInfo.InvariantCulture);
        var requests = int.Parse(LoadHarness.Option(args, "--requests", "40"), CultureInfo.InvariantCulture);
        var root = LoadHarness.Option(args, "--root", LoadHarness.FindRoot());
        var database = await LoadHarness.FreshDatabaseAsync("wgig_dashboard", root);
        using var api = LoadHarness.Process(root, "src/Wgig.Translate.Api/bin/Release/net10.0/Wgig.Translate.Api.dll", ["--urls", Url],
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Translation"] = database,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Claims__MaxOpenWords"] = "1000000",
            });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(5) };
            await LoadHarness.WaitReadyAsync(http);
            var (coordinator, volunteers) = await LoadHarness.SeedAccountsAsync(database, people);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", coordinator);
            var project = (await LoadHarness.PostJsonAsync(http, "/api/projects", new { name = "Dashboard", sourceLanguage = "en", targetLanguages = Targets }))
                .GetProperty("id").GetGuid();
            var seeding = Stopwatch.StartNew();
            var ids = new List<Guid>();
            for (var d = 0; d < documents; d++)
            {
                ids.Add(await UploadAsync(http, project, d));
            }
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                // Each volunteer translates into one language and reviews it; the coordinator sets every deadline.
                await LoadHarness.Execute(connection, string.Concat(volunteers.Select((v, i) => $"""
                    INSERT INTO translate.project_members (id, project_id, account_id, language, can_translate, can_review, granted_by, granted_at)
                    VALUES (gen_random_uuid(), '{project}', '{v.Id}', '{Targets[i % Targets.Length]}', true, true, '{v.Id}', now());

                    """)));
            }
            foreach (var (volunteer, i) in volunteers.Select((v, i) => (v, i)).Where(x => x.i % 3 == 0))
            {
                using var claim = new HttpRequestMessage(HttpMethod.Post, $"/api/projects/{project}/documents/{ids[i % ids.Count]}/claims")
                {
                    Content = JsonContent(new { language = Targets[i % Targets.Length], words = 150 }),
                };
                claim.Headers.Authorization = new AuthenticationHeaderValue("Bearer", volunteer.Token);
                (await http.SendAsync(claim)).EnsureSuccessStatusCode();
            }
            var due = DateTimeOffset.UtcNow.AddDays(14).ToString("O", CultureInfo.InvariantCulture);
            foreach (var document in ids)
            {
                foreach (var language in Targets)
                {
                    using var put = await http.PutAsync($"/api/projects/{project}/documents/{document}/deadlines/{language}", JsonContent(new { dueAt = due }));
                    put.EnsureSuccessStatusCode();
                }
            }
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                await LoadHarness.Execute(connection, RecountAll(project));
            }
            Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:0} s.");

            var bare = $"SELECT * FROM translate.document_progress WHERE document_id IN (SELECT id FROM translate.documents WHERE project_id = '{project}')";
            var cases = new (string Name, Func<Task<double>> Run)[]
            {
                ("Bare progress query (baseline: PostgreSQL, 300 rows)", () => QueryAsync(database, bare)),
                ("JSON API: GET /api/projects/{id}/dashboard", () => GetAsync(http, $"/api/projects/{project}/dashboard")),
                ("JSON API: GET /api/projects/{id}/activity (the page's feed)", () => GetAsync(http, $"/api/projects/{project}/activity")),
                ("Dashboard page: GET /projects/{id} (HTML)", () => GetAsync(http, $"/projects/{project}")),
                ("People page: GET /projects/{id}/people (50 of 200)", () => GetAsync(http, $"/projects/{project}/people")),
            };
            foreach (var (_, run) in cases)
            {
                for (var i = 0; i < 8; i++)
                {
                    await run();
                }
            }
            var times = cases.Select(_ => new List<double>()).ToList();
            for (var round = 0; round < requests; round++)
            {
                // Interleaved, so load on the shared machine falls on every case alike.
                for (var c = 0; c < cases.Length; c++)
                {
                    times[c].Add(await cases[c].Run());
                }
            }
            Console.WriteLine($"{documents} documents × {Targets.Length} languages, {people} volunteers, {requests} requests each, interleaved; client-measured on loopback.");
            Console.WriteLine("| Request | median ms | p95 ms | ratio to baseline (median) |");
            Console.WriteLine("|---|---:|---:|---:|");
            var baseline = Percentile(times[0], 0.5);
            for (var c = 0; c < cases.Length; c++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {cases[c].Name} | {Percentile(times[c], 0.5):0.0} | {Percentile(times[c], 0.95):0.0} | {Percentile(times[c], 0.5) / baseline:0.0} |"));
            }
            return 0;
        }
        finally
        {
            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
        }
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<double> GetAsync(HttpClient http, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return response.IsSuccessStatusCode ? ms : throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
    }

    // A pooled connection, as the API's: open, query, read every row.
    private static async Task<double> QueryAsync(string database, string sql)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
        }
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    // The progress rows as the recount job writes them, for every document of the project at once.
    private static string RecountAll(Guid project) => $"""
        INSERT INTO translate.document_progress (document_id, language, segment_count, word_count, translated_segments, translated_words,
            approved_segments, approved_words, recounted_at)
        SELECT d.id, lang.code, count(s.id), coalesce(sum(s.word_count), 0),
               count(t.id) FILTER (WHERE t.state IN ('Translated', 'Approved')),
               coalesce(sum(s.word_count) FILTER (WHERE t.state IN ('Translated', 'Approved')), 0),
               count(t.id) FILTER (WHERE t.state = 'Approved'),
               coalesce(sum(s.word_count) FILTER (WHERE t.state = 'Approved'), 0), now()
        FROM translate.documents d
        JOIN translate.projects p ON p.id = d.project_id
        CROSS JOIN LATERAL unnest(p.target_languages) AS lang(code)
        LEFT JOIN translate.segments s ON s.document_id = d.id AND s.retired_in_version IS NULL
        LEFT JOIN translate.targets t ON t.segment_id = s.id AND t.language = lang.code
        WHERE d.project_id = '{project}'
        GROUP BY d.id, lang.code
        ON CONFLICT (document_id, language) DO NOTHING
        """;

    // A paper of 30 numbered paragraphs of two sentences each: 60 segments, about 1,000 words.
    private static async Task<Guid> UploadAsync(HttpClient http, Guid project, int number)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# Paper {number}\n\n");
        for (var i = 1; i <= 30; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{i}. Paragraph {i} of paper {number} sets out what the Working Group found about public policy. It also proposed a way forward.\n\n");
        }
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString())), "file", $"paper-{number:D2}.md" } };
        using var response = await http.PostAsync($"/api/projects/{project}/documents", form);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid()
            : throw new InvalidOperationException($"upload failed: {body}");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
