using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Wgig.Translate.Domain.Accounts;

namespace Wgig.Translate.Bench;

/// <summary>
/// The hot paths end to end: the real API build as its own process on a fresh PostgreSQL database, volunteers
/// calling it over HTTP, and beside each measurement the raw SQL a hand-written implementation would send,
/// driven by pgbench against the same database in the same run (<see cref="RawStatements"/>):
/// claim-next throughput at 1, 16 and 64 clients against the ideal dequeue; one client's latency of
/// claim-next, draft save and submit against their statements, with the API's CPU per call; and the web
/// editor's mix (segment pages, a draft saved every few seconds per active volunteer, submissions, review
/// batches and decisions) against the same statements in the same proportions at the same rate.
/// Reads PGHOST/PGPORT/PGUSER/PGPASSWORD (pg_virtualenv sets them).
/// </summary>
public static class LoadHarness
{
    private const string Language = "fr";
    private const int WordsPerClaim = 20; // four five-word sentences
    // Where the API listens: --url, or WGIG_URL as for ./run, so that runs on one machine do not collide.
    private static string Url = Environment.GetEnvironmentVariable("WGIG_URL") ?? "http://127.0.0.1:5199";

    public sealed record Run(string Name, int Clients, int Calls, double Seconds, double[] LatenciesMs)
    {
        /// <summary>CPU the API process spent per call (HTTP runs only).</summary>
        public double? ApiCpuMsPerCall { get; init; }

        public double PerSecond => Calls / Seconds;

        public double Percentile(double p) => LoadHarness.Percentile(LatenciesMs, p);
    }

    // The throwaway database's key ring key, fresh for each run.
    internal static readonly string BenchKeyRingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static double Percentile(IReadOnlyCollection<double> latencies, double p)
    {
        var sorted = latencies.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    /// <summary>Where the API of this run listens: --url, else WGIG_URL, else port 5199.</summary>
    public static void UseUrl(string[] args) => Url = Option(args, "--url", Url);

    /// <summary>What the parts of a run share: the API process and its client, the database, the project and the accounts.</summary>
    public sealed record Setup(string Root, string Database, System.Diagnostics.Process Api, HttpClient Coordinator, Guid ProjectId,
        List<(Guid Id, string Token)> Volunteers, List<(Guid Id, string Token)> Reviewers);

    public static async Task<int> RunAsync(string[] args)
    {
        var clientCounts = Option(args, "--clients", "1,16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var claimsPerClient = int.Parse(Option(args, "--claims", "50"), CultureInfo.InvariantCulture);
        var latencyCalls = int.Parse(Option(args, "--latency", "200"), CultureInfo.InvariantCulture);
        var editors = int.Parse(Option(args, "--editors", "32"), CultureInfo.InvariantCulture);
        var think = TimeSpan.FromSeconds(double.Parse(Option(args, "--think", "2"), CultureInfo.InvariantCulture));
        var mixSeconds = int.Parse(Option(args, "--mix-seconds", "60"), CultureInfo.InvariantCulture);
        var parts = Option(args, "--parts", "claims,latency,mix").Split(',');
        UseUrl(args);
        var setup = await StartAsync("wgig_load", Option(args, "--root", FindRoot()), Math.Max(clientCounts.Max(), editors), Math.Max(1, editors / 4));
        try
        {
            var maxClients = clientCounts.Max();
            // Warm up the API (JIT and its tiers, connection pools, plans) on a document of its own, with every client: a
            // server runs for days, so its steady state is what is measured, not the first minute of a fresh process
            // (with a few claims only, the JIT was still promoting the hot paths' methods through its tiers during the
            // measured runs, a third of the API's CPU). Claims, draft saves and submissions, as the measured parts make.
            var warmUp = int.Parse(Option(args, "--warm-up", "30"), CultureInfo.InvariantCulture);
            var warmClients = Math.Min(maxClients, 16);
            await HttpClaimsAsync(setup, "warm-up", await UploadAsync(setup, warmClients * warmUp * 4 + 100), setup.Volunteers.Take(warmClients).ToList(),
                warmUp, submit: true, draftFirst: true);
            await HttpClaimsAsync(setup, "warm-up", await UploadAsync(setup, maxClients * 5 * 4 + 100), setup.Volunteers.Take(maxClients).ToList(), 5, submit: true);
            await WaitUntilIdleAsync(setup.Api);
            if (parts.Contains("claims"))
            {
                await ClaimThroughputAsync(setup, clientCounts, claimsPerClient);
            }
            if (parts.Contains("latency"))
            {
                await OneClientLatencyAsync(setup, latencyCalls);
            }
            if (parts.Contains("mix"))
            {
                await EditorMix.RunAsync(setup, editors, think, mixSeconds);
            }
        }
        finally
        {
            setup.Api.Kill(entireProcessTree: true);
        }
        return 0;
    }

    /// <summary>A fresh database, the API started on it, a coordinator, volunteers with the translate right and reviewers with the review right.</summary>
    public static async Task<Setup> StartAsync(string name, string root, int volunteers, int reviewers)
    {
        var database = await FreshDatabaseAsync(name, root);
        var environment = new Dictionary<string, string>
        {
            // WGIG_LOAD_CONNECTION_EXTRA adds settings to the API's connection string (e.g. "Max Auto Prepare=20"), to try them.
            ["ConnectionStrings__Translation"] = database + Environment.GetEnvironmentVariable("WGIG_LOAD_CONNECTION_EXTRA"),
            ["DataProtection__KeyRingKey"] = BenchKeyRingKey,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("WGIG_LOAD_SQL_LOG") ?? "Warning",
            ["Claims__MaxOpenWords"] = "1000000",
        };
        if (Environment.GetEnvironmentVariable("WGIG_LOAD_PROFILER") == "perf")
        {
            environment["DOTNET_PerfMapEnabled"] = "1";
            // Without this, JIT-compiled code runs from a double-mapped memfd that perf cannot match to the perf map's names.
            environment["DOTNET_EnableWriteXorExecute"] = "0";
        }
        var api = Process(root, "src/Wgig.Translate.Api/bin/Release/net10.0/Wgig.Translate.Api.dll", ["--urls", Url], environment);
        var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(5) };
        await WaitReadyAsync(http);
        var (coordinatorToken, accounts) = await SeedAccountsAsync(database, volunteers + reviewers);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", coordinatorToken);
        var project = await PostJsonAsync(http, "/api/projects", new { name = $"Load {Guid.NewGuid():N}", sourceLanguage = "en", targetLanguages = new[] { Language } });
        var projectId = project.GetProperty("id").GetGuid();
        await GrantAsync(database, projectId, accounts.Take(volunteers).Select(v => v.Id), translate: true);
        await GrantAsync(database, projectId, accounts.Skip(volunteers).Select(v => v.Id), translate: false);
        return new Setup(root, database, api, http, projectId, accounts.Take(volunteers).ToList(), accounts.Skip(volunteers).ToList());
    }

    private static async Task ClaimThroughputAsync(Setup setup, int[] clientCounts, int claimsPerClient)
    {
        var runs = new List<Run>();
        // Most clients first, right after the warm-up with as many: each run then starts with the pool its clients keep busy,
        // as at a server under that load (a run with more clients than the pool holds would time the connections' opening),
        // and each smaller one waits until the pool has shrunk to its clients (below).
        foreach (var clients in clientCounts.OrderDescending())
        {
            var segments = clients * claimsPerClient * 4 + 100;
            var volunteers = setup.Volunteers.Take(clients).ToList();
            // Rehearsed first on a document of its own, as the one-client calls are (OneClientLatencyAsync): with one client and
            // 600 claims, unrehearsed, the API's CPU per claim was 1.9 ms against 0.3 rehearsed, the JIT's tiers of its paths.
            // By other volunteers where there are enough: the measured ones' cap is read from every claim they hold.
            var rehearsers = setup.Volunteers.Count >= 2 * clients ? setup.Volunteers.Skip(clients).Take(clients).ToList() : volunteers;
            await HttpClaimsAsync(setup, "rehearsal", await UploadAsync(setup, segments), rehearsers, claimsPerClient, submit: false);
            await WaitUntilIdleAsync(setup.Api);
            var document = await UploadAsync(setup, segments);
            // The warm-up and the run with more clients before leave more connections in the API's pool than this run's clients use.
            await WaitUntilPoolShrunkAsync(setup.Database, Math.Max(2, clients));
            runs.Add(await MeasuredAsync(setup.Api, () => HttpClaimsAsync(setup, "HTTP claim-next", document, volunteers, claimsPerClient, submit: false)));
            var raw = Pgbench.Run(setup.Database, setup.Root, [new("claim", RawStatements.IdealClaim)], clients,
                Variables(setup, await UploadAsync(setup, segments), clients), transactions: claimsPerClient);
            runs.Add(new Run("pgbench, ideal dequeue", clients, raw.Transactions, raw.Seconds, raw.LatenciesMs["claim"]));
        }
        Console.WriteLine();
        Console.WriteLine("Claim-next throughput (4 segments, 20 words a claim)");
        Console.WriteLine();
        Console.WriteLine("| run | clients | calls | calls/s | p50 ms | p99 ms | API CPU ms/call | HTTP ÷ ideal raw |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs.OrderBy(r => r.Clients))
        {
            var raw = runs.Single(r => r.Clients == run.Clients && r.Name.StartsWith("pgbench", StringComparison.Ordinal));
            var ratio = run.Name.StartsWith("HTTP", StringComparison.Ordinal) ? (run.PerSecond / raw.PerSecond).ToString("0.00", CultureInfo.InvariantCulture) : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run.Name} | {run.Clients} | {run.Calls:N0} | {run.PerSecond:N0} | {run.Percentile(0.5):0.00} | {run.Percentile(0.99):0.00} | {run.ApiCpuMsPerCall:0.00} | {ratio} |"));
        }
    }

    // One volunteer, one call after the other: the HTTP call against its statement, and the API's CPU per call.
    private static async Task OneClientLatencyAsync(Setup setup, int calls)
    {
        // A rehearsal first, by another volunteer, then a pause until the API is idle: each operation's own code paths
        // (one segment's draft saved again and again, one large claim handed in) reach their last JIT tier before they are
        // timed. Without it the tiered compiler's background thread took over half the API's CPU during the first
        // 1,500 claim-next calls (perf, 2026-11-29), and the figures measured the first minute of a process, not a server.
        await OneClientPassAsync(setup, setup.Volunteers[1], calls, measured: false);
        await WaitUntilIdleAsync(setup.Api);
        // After the throughput part the API's pool holds a connection per client it served at once, and a pool hands out its
        // least recently used one: one client's calls would each go to a connection, and a PostgreSQL process, left cold
        // while 63 others ran (nearly twice as slow, issue 17's tenth pass). The store closes connections idle for 30
        // seconds, so one client's server soon holds one or two again: measured in that state, as pgbench's one connection is.
        await WaitUntilPoolShrunkAsync(setup.Database, 2);
        var rows = await OneClientPassAsync(setup, setup.Volunteers[0], calls, measured: true);

        // The least an HTTP call costs here: the same client and API, a route that touches neither the database nor the
        // token check. What a call adds to its raw statement can be no less than this.
        using var anonymous = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(1) };
        var floor = await TimedAsync("HTTP floor", calls, _ => anonymous.GetAsync("/health/live"));

        Console.WriteLine();
        Console.WriteLine($"One client, {calls} calls each, one after the other");
        Console.WriteLine();
        Console.WriteLine("| operation | HTTP p50 ms | HTTP p99 ms | raw SQL p50 ms | raw SQL p99 ms | HTTP ÷ raw (p50) | API CPU ms/call |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (operation, h, r) in rows)
        {
            var latencies = r!.LatenciesMs.Values.Single();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {operation} | {h.Percentile(0.5):0.00} | {h.Percentile(0.99):0.00} | {Percentile(latencies, 0.5):0.00} | {Percentile(latencies, 0.99):0.00} | {h.Percentile(0.5) / Percentile(latencies, 0.5):0.00} | {h.ApiCpuMsPerCall:0.00} |"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| HTTP floor: GET /health/live (no database, no token) | {floor.Percentile(0.5):0.00} | {floor.Percentile(0.99):0.00} | | | | |"));
    }

    // One volunteer, one call after the other: the HTTP call against its statement, and the API's CPU per call.
    // Claim-next, draft saves and submissions by one volunteer; when measured, each beside its raw statement run as
    // volunteer 1 (the first volunteer's account).
    private static async Task<List<(string Operation, Run Http, Pgbench.Result? Raw)>> OneClientPassAsync(Setup setup, (Guid Id, string Token) volunteer,
        int calls, bool measured)
    {
        using var client = Client(volunteer.Token);
        var rows = new List<(string Operation, Run Http, Pgbench.Result? Raw)>();
        async Task<Run> TimeAsync(Func<Task<Run>> run) => measured ? await MeasuredAsync(setup.Api, run) : await run();

        var claimDocument = await UploadAsync(setup, calls * 4 + 100);
        var http = await TimeAsync(() => HttpClaimsAsync(setup, "claim-next", claimDocument, [volunteer], calls, submit: false));
        var raw = !measured ? null : Pgbench.Run(setup.Database, setup.Root, [new("claim", RawStatements.IdealClaim)], 1,
            Variables(setup, await UploadAsync(setup, calls * 4 + 100), 1), transactions: calls);
        rows.Add(("claim-next (4 segments)", http, raw));

        // Draft saves on one held segment: the editor's autosave of the segment in focus.
        var draftDocument = await UploadAsync(setup, 100);
        var held = await ClaimAsync(client, setup.ProjectId, draftDocument, WordsPerClaim);
        var segment = held.GetProperty("segmentIds")[0].GetGuid();
        http = await TimeAsync(() => TimedAsync("draft save", calls, i => client.PutAsJsonAsync(
            $"/api/projects/{setup.ProjectId}/documents/{draftDocument}/segments/{segment}/translations/{Language}/draft",
            new { runs = new[] { new { text = $"Le paragraphe dit {i}" } } })));
        var rawVariables = new Dictionary<string, string>(Variables(setup, draftDocument, 1))
        {
            ["v"] = "1",
            ["target"] = $"'{await TargetIdAsync(setup.Database, segment)}'",
        };
        raw = !measured ? null : Pgbench.Run(setup.Database, setup.Root, [new("draft", RawStatements.DraftSave(fixedTarget: true))], 1, rawVariables, transactions: calls);
        rows.Add(("draft save", http, raw));

        // Submissions: every segment of one large claim handed in, one after the other.
        var submitDocument = await UploadAsync(setup, 2 * calls + 10);
        var batch = (await ClaimAsync(client, setup.ProjectId, submitDocument, calls * 5)).GetProperty("segmentIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        http = await TimeAsync(() => TimedAsync("submit", batch.Count, i => client.PutAsJsonAsync(
            $"/api/projects/{setup.ProjectId}/documents/{submitDocument}/segments/{batch[i]}/translations/{Language}",
            new { runs = new[] { new { text = "Le paragraphe dit une chose." } }, acknowledge = Faults.Site.AcknowledgedWarnings })));
        raw = null;
        if (measured)
        {
            // The raw side's own claim, on the rest of the document, handed in target by target in document order.
            var rawBatch = (await ClaimAsync(client, setup.ProjectId, submitDocument, calls * 5)).GetProperty("segmentIds").EnumerateArray().Select(e => e.GetGuid());
            await ExecuteAsync(setup.Database, RawStatements.SubmitListSql(await TargetIdsAsync(setup.Database, rawBatch)));
            raw = Pgbench.Run(setup.Database, setup.Root, [new("submit", RawStatements.Submit(listed: true))], 1,
                new Dictionary<string, string>(Variables(setup, submitDocument, 1)) { ["v"] = "1" }, transactions: calls);
        }
        rows.Add(("submit", http, raw));
        return rows;
    }

    public static IReadOnlyDictionary<string, string> Variables(Setup setup, Guid documentId, int clients) => new Dictionary<string, string>
    {
        ["doc"] = $"'{documentId}'",
        ["project"] = $"'{setup.ProjectId}'",
        ["clients"] = clients.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task<Guid> TargetIdAsync(string database, Guid segmentId) => (await TargetIdsAsync(database, [segmentId])).Single();

    // The segments' targets in the bench's language, in the segments' order.
    private static async Task<List<Guid>> TargetIdsAsync(string database, IEnumerable<Guid> segmentIds)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT t.id FROM unnest(@segments) WITH ORDINALITY AS s(id, o) JOIN translate.targets t ON t.segment_id = s.id AND t.language = @language
            ORDER BY s.o
            """, connection)
        {
            Parameters = { new("segments", segmentIds.ToArray()), new("language", Language) },
        };
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await Execute(connection, sql);
    }

    public static HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> ClaimAsync(HttpClient client, Guid projectId, Guid documentId, int words, string what = "claims")
    {
        using var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/{what}", new { language = Language, words });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"{what} failed: {(int)response.StatusCode} {body}");
    }

    private static async Task<Run> TimedAsync(string name, int calls, Func<int, Task<HttpResponseMessage>> call)
    {
        var latencies = new double[calls];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await call(i);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{name} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        return new Run(name, 1, calls, clock.Elapsed.TotalSeconds, latencies);
    }

    /// <summary>A new, empty database migrated by the Worker's own set-up step; its connection string.</summary>
    internal static async Task<string> FreshDatabaseAsync(string name, string root)
    {
        var server = new NpgsqlConnectionStringBuilder
        {
            Host = Environment.GetEnvironmentVariable("PGHOST") ?? "localhost",
            Port = int.Parse(Environment.GetEnvironmentVariable("PGPORT") ?? "5432", CultureInfo.InvariantCulture),
            Username = Environment.GetEnvironmentVariable("PGUSER") ?? "postgres",
            Password = Environment.GetEnvironmentVariable("PGPASSWORD"),
            Database = "postgres",
            MaxPoolSize = 200,
            // ./run's private cluster has no TLS (initdb's default), so the API and the raw side talk to PostgreSQL in clear
            // here too; pg_virtualenv's throwaway clusters turn TLS on, which cost the API a fifth of its CPU per call.
            SslMode = SslMode.Disable,
        };
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await Execute(admin, $"CREATE DATABASE {name}");
        }
        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
        using var migrate = Process(root, "src/Wgig.Translate.Worker/bin/Release/net10.0/Wgig.Translate.Worker.dll", ["migrate"],
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Translation"] = database, ["DataProtection__KeyRingKey"] = BenchKeyRingKey, ["Logging__LogLevel__Default"] = "Warning",
            });
        await migrate.WaitForExitAsync();
        return migrate.ExitCode == 0 ? database : throw new InvalidOperationException("migrate failed");
    }

    /// <summary>
    /// Runs one measured part and adds the API's CPU per call. With WGIG_LOAD_TRACE set to a folder, the API is also
    /// profiled during the part (<see cref="Profiler"/>: dotnet-trace, or perf with WGIG_LOAD_PROFILER=perf) to see where
    /// that CPU goes; the profiler's own cost then shows in the figures, so traced runs are not the ones recorded.
    /// </summary>
    /// <summary>
    /// Waits until the API process has been idle (under 2 % of one core) for half a second, at most 30 seconds: the
    /// tiered compiler recompiles the methods the last calls made hot on a background thread, and that work belongs to
    /// the warm-up, not to the next measured part.
    /// </summary>
    public static async Task WaitUntilIdleAsync(System.Diagnostics.Process api)
    {
        var window = TimeSpan.FromMilliseconds(500);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            api.Refresh();
            var before = api.TotalProcessorTime;
            await Task.Delay(window);
            api.Refresh();
            if (api.TotalProcessorTime - before < window * 0.02)
            {
                return;
            }
        }
    }

    // The store names each process's connections after it.
    private const string ApiApplicationName = "Wgig.Translate.Api";

    /// <summary>Until the API holds at most <paramref name="connections"/> connections to the database (a minute at most); says how long that took.</summary>
    private static async Task WaitUntilPoolShrunkAsync(string database, int connections)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND application_name = @api", connection);
        count.Parameters.AddWithValue("api", ApiApplicationName);
        var waited = Stopwatch.StartNew();
        var first = (int)(await count.ExecuteScalarAsync())!;
        var held = first;
        while (held > connections && waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            held = (int)(await count.ExecuteScalarAsync())!;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(the API's connections: {first}, then {held} after {waited.Elapsed.TotalSeconds:0} s)"));
        if (held > connections)
        {
            await using var what = new NpgsqlCommand(
                "SELECT state || ' ' || coalesce(wait_event, '') || ' ' || left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 80) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @api", connection);
            what.Parameters.AddWithValue("api", ApiApplicationName);
            await using var reader = await what.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine("  " + reader.GetString(0));
            }
        }
    }

    public static async Task<Run> MeasuredAsync(System.Diagnostics.Process api, Func<Task<Run>> running)
    {
        var traceFolder = Environment.GetEnvironmentVariable("WGIG_LOAD_TRACE");
        using var trace = traceFolder is null ? null : await Profiler.StartAsync(api, traceFolder);
        api.Refresh();
        var before = api.TotalProcessorTime;
        var run = await running();
        api.Refresh();
        var cpu = (api.TotalProcessorTime - before).TotalMilliseconds / run.Calls;
        if (trace is not null)
        {
            await trace.StopAsync($"{run.Name}-{run.Clients}");
        }
        return run with { ApiCpuMsPerCall = cpu };
    }

    private static async Task<Run> HttpClaimsAsync(Setup setup, string name, Guid documentId, List<(Guid Id, string Token)> volunteers,
        int claimsPerClient, bool submit, bool draftFirst = false)
    {
        var latencies = new List<double>[volunteers.Count];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(volunteers.Select((volunteer, index) => Task.Run(async () =>
        {
            using var client = Client(volunteer.Token);
            var mine = latencies[index] = [];
            for (var i = 0; i < claimsPerClient; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var claim = await ClaimAsync(client, setup.ProjectId, documentId, WordsPerClaim);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (submit)
                {
                    foreach (var segment in claim.GetProperty("segmentIds").EnumerateArray())
                    {
                        if (draftFirst)
                        {
                            using var draft = await client.PutAsJsonAsync($"/api/projects/{setup.ProjectId}/documents/{documentId}/segments/{segment.GetGuid()}/translations/{Language}/draft",
                                new { runs = new[] { new { text = "Le paragraphe dit" } } });
                            draft.EnsureSuccessStatusCode();
                        }
                        using var put = await client.PutAsJsonAsync($"/api/projects/{setup.ProjectId}/documents/{documentId}/segments/{segment.GetGuid()}/translations/{Language}",
                            new { runs = new[] { new { text = "Le paragraphe dit une chose." } }, acknowledge = Faults.Site.AcknowledgedWarnings });
                        put.EnsureSuccessStatusCode();
                    }
                }
            }
        })));
        clock.Stop();
        return new Run(name, volunteers.Count, volunteers.Count * claimsPerClient, clock.Elapsed.TotalSeconds, [.. latencies.SelectMany(l => l)]);
    }

    internal static async Task<(string Coordinator, List<(Guid Id, string Token)> Volunteers)> SeedAccountsAsync(string database, int count)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await Execute(connection, """
            INSERT INTO translate.roles (id, name, normalized_name) VALUES
              (gen_random_uuid(), 'volunteer', 'VOLUNTEER'), (gen_random_uuid(), 'coordinator', 'COORDINATOR')
            """);
        var accounts = new List<(Guid Id, string Token, string Role)> { (Guid.NewGuid(), Secrets.New("wgig_"), "coordinator") };
        accounts.AddRange(Enumerable.Range(1, count).Select(i => (Guid.Parse($"00000000-0000-0000-0000-{i:D12}"), Secrets.New("wgig_"), "volunteer")));
        var sql = new StringBuilder();
        foreach (var (id, token, role) in accounts)
        {
            sql.Append(CultureInfo.InvariantCulture, $"""
                INSERT INTO translate.accounts (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp,
                    display_name, created_at, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
                VALUES ('{id}', '{id}@load.example', '{id}@LOAD.EXAMPLE', '{id}@load.example', '{id}@LOAD.EXAMPLE', true, '{Guid.NewGuid()}', '{role} {id}', now(), false, false, true, 0);
                INSERT INTO translate.account_roles (user_id, role_id) SELECT '{id}', id FROM translate.roles WHERE name = '{role}';
                INSERT INTO translate.api_tokens (id, account_id, name, hash, hint, created_at, expires_at)
                VALUES (gen_random_uuid(), '{id}', 'load', '{Secrets.Hash(token)}', '{token[..9]}', now(), now() + interval '1 day');

                """);
        }
        await Execute(connection, sql.ToString());
        return (accounts[0].Token, [.. accounts.Skip(1).Select(a => (a.Id, a.Token))]);
    }

    internal static async Task GrantAsync(string database, Guid projectId, IEnumerable<Guid> accounts, bool translate)
    {
        var ids = accounts.ToList();
        if (ids.Count == 0)
        {
            return;
        }
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await Execute(connection, $"""
            INSERT INTO translate.project_members (id, project_id, account_id, language, can_translate, can_review, granted_by, granted_at)
            SELECT gen_random_uuid(), '{projectId}', id, '{Language}', {translate}, {!translate}, id, now()
            FROM unnest(ARRAY[{string.Join(",", ids.Select(v => $"'{v}'::uuid"))}]) AS id
            """);
    }

    /// <summary>
    /// Uploads a document of the given size, then brings the planner's statistics up to date, as autovacuum would have
    /// on a server that runs for days: the bench's database is minutes old and grows with every upload, and plans cached
    /// on a connection (the API's prepared statements, the triggers' PL/pgSQL plans) made while a table looked empty
    /// scan it whole until its first ANALYZE (auto_explain showed the progress trigger scanning every segment per claim).
    /// </summary>
    public static async Task<Guid> UploadAsync(Setup setup, int paragraphs)
    {
        var document = await UploadAsync(setup.Coordinator, setup.ProjectId, paragraphs);
        await ExecuteAsync(setup.Database, "ANALYZE translate.segments, translate.targets, translate.claims, translate.target_events");
        return document;
    }

    private static async Task<Guid> UploadAsync(HttpClient http, Guid projectId, int paragraphs)
    {
        var text = new StringBuilder();
        for (var i = 1; i <= paragraphs; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Paragraph {i} says one thing.\n\n");
        }
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString())), "file", $"load-{Guid.NewGuid():N}.md" } };
        using var response = await http.PostAsync($"/api/projects/{projectId}/documents", form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? body.GetProperty("id").GetGuid() : throw new InvalidOperationException($"upload failed: {body}");
    }

    internal static async Task<JsonElement> PostJsonAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? json : throw new InvalidOperationException($"{path} failed: {json}");
    }

    internal static async Task WaitReadyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The API did not become ready.");
    }

    internal static System.Diagnostics.Process Process(string root, string dll, string[] arguments, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(root, dll), .. arguments]) { WorkingDirectory = root };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        return System.Diagnostics.Process.Start(info)!;
    }

    internal static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    internal static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Wgig.Translate.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository, or pass --root.");
    }
}
