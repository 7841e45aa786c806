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
/// Claim-next under load, end to end: the real API and Worker builds as separate processes on a fresh
/// PostgreSQL database, N volunteers each claiming (and, in the workflow run, submitting) over HTTP, and
/// next to it the same claim statement as raw SQL driven by pgbench with N clients against the same
/// database in the same run. Reads PGHOST/PGPORT/PGUSER/PGPASSWORD (pg_virtualenv sets them).
/// </summary>
public static class LoadHarness
{
    private const string Language = "fr";
    private const int WordsPerClaim = 20; // four five-word sentences

    public sealed record Run(string Name, int Clients, int Calls, double Seconds, double[] LatenciesMs)
    {
        /// <summary>CPU the API process spent per call (HTTP runs only).</summary>
        public double? ApiCpuMsPerCall { get; init; }

        public double PerSecond => Calls / Seconds;

        public double Percentile(double p)
        {
            var sorted = LatenciesMs.Order().ToArray();
            return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        }
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var clientCounts = Option(args, "--clients", "1,16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var claimsPerClient = int.Parse(Option(args, "--claims", "50"), CultureInfo.InvariantCulture);
        var root = Option(args, "--root", FindRoot());
        var database = await FreshDatabaseAsync("wgig_load", root);
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Translation"] = database,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("WGIG_LOAD_SQL_LOG") ?? "Warning",
            ["Claims__MaxOpenWords"] = "1000000",
        };
        const string url = "http://127.0.0.1:5199";
        using var api = Process(root, "src/Wgig.Translate.Api/bin/Release/net10.0/Wgig.Translate.Api.dll", ["--urls", url], environment);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
            await WaitReadyAsync(http);
            var maxClients = clientCounts.Max();
            var (coordinatorToken, volunteers) = await SeedAccountsAsync(database, maxClients);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", coordinatorToken);
            var project = await PostJsonAsync(http, "/api/projects", new { name = "Load", sourceLanguage = "en", targetLanguages = new[] { Language } });
            var projectId = project.GetProperty("id").GetGuid();
            await GrantAsync(database, projectId, volunteers.Select(v => v.Id));

            // Warm up the API (JIT, connection pools, plans) on a document of its own, with every client.
            await HttpRunAsync(url, "warm-up", await UploadAsync(http, projectId, maxClients * 5 * 4 + 100), projectId, volunteers, 5, submit: true);
            var runs = new List<Run>();
            foreach (var clients in clientCounts)
            {
                var segments = clients * claimsPerClient * 4 + 100;
                runs.Add(await MeasuredAsync(api, HttpRunAsync(url, "HTTP claim-next", await UploadAsync(http, projectId, segments), projectId, volunteers.Take(clients).ToList(), claimsPerClient, submit: false)));
                runs.Add(PgbenchRun(root, database, await UploadAsync(http, projectId, segments), clients, claimsPerClient));
                runs.Add(await MeasuredAsync(api, HttpRunAsync(url, "HTTP claim-next + submit", await UploadAsync(http, projectId, segments), projectId, volunteers.Take(clients).ToList(), claimsPerClient, submit: true)));
            }
            Report(runs);
        }
        finally
        {
            api.Kill(entireProcessTree: true);
        }
        return 0;
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
        };
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await Execute(admin, $"CREATE DATABASE {name}");
        }
        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
        using var migrate = Process(root, "src/Wgig.Translate.Worker/bin/Release/net10.0/Wgig.Translate.Worker.dll", ["migrate"],
            new Dictionary<string, string> { ["ConnectionStrings__Translation"] = database, ["Logging__LogLevel__Default"] = "Warning" });
        await migrate.WaitForExitAsync();
        return migrate.ExitCode == 0 ? database : throw new InvalidOperationException("migrate failed");
    }

    private static async Task<Run> MeasuredAsync(System.Diagnostics.Process api, Task<Run> running)
    {
        api.Refresh();
        var before = api.TotalProcessorTime;
        var run = await running;
        api.Refresh();
        return run with { ApiCpuMsPerCall = (api.TotalProcessorTime - before).TotalMilliseconds / run.Calls };
    }

    private static async Task<Run> HttpRunAsync(string url, string name, Guid documentId, Guid projectId, List<(Guid Id, string Token)> volunteers,
        int claimsPerClient, bool submit)
    {
        var latencies = new List<double>[volunteers.Count];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(volunteers.Select((volunteer, index) => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", volunteer.Token);
            var mine = latencies[index] = [];
            for (var i = 0; i < claimsPerClient; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/claims", new { language = Language, words = WordsPerClaim });
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"claim-next failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                if (submit)
                {
                    var claim = await response.Content.ReadFromJsonAsync<JsonElement>();
                    foreach (var segment in claim.GetProperty("segmentIds").EnumerateArray())
                    {
                        using var put = await client.PutAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/segments/{segment.GetGuid()}/translations/{Language}",
                            new { runs = new[] { new { text = "Le paragraphe dit une chose." } } });
                        put.EnsureSuccessStatusCode();
                    }
                }
            }
        })));
        clock.Stop();
        return new Run(name, volunteers.Count, volunteers.Count * claimsPerClient, clock.Elapsed.TotalSeconds, [.. latencies.SelectMany(l => l)]);
    }

    // The claim statement of ClaimNext as one SQL transaction: the open-words check, then lock the next four
    // open segments (SKIP LOCKED), open the claim, create the claimed targets and their history events.
    // pgbench substitutes :doc and :v textually.
    private const string ClaimScript = """
        \set v random(1, :clients)
        BEGIN;
        SELECT coalesce(sum(s.word_count), 0) FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id
          WHERE t.claimed_by = ('00000000-0000-0000-0000-' || lpad(:v::text, 12, '0'))::uuid AND t.state = 'Claimed' AND t.claim_expires_at > now();
        WITH picked AS (
            SELECT s.id FROM translate.segments s
            LEFT JOIN translate.targets t ON t.segment_id = s.id AND t.language = 'fr'
            WHERE s.document_id = :doc AND s.retired_in_version IS NULL
              AND (t.id IS NULL OR t.state IN ('Untranslated', 'NeedsUpdate', 'Rejected') OR (t.state = 'Claimed' AND t.claim_expires_at <= now()))
            ORDER BY s.ordinal LIMIT 4
            FOR UPDATE OF s SKIP LOCKED),
          claim AS (
            INSERT INTO translate.claims (id, volunteer_id, document_id, language, words, created_at, expires_at, kind)
            VALUES (gen_random_uuid(), ('00000000-0000-0000-0000-' || lpad(:v::text, 12, '0'))::uuid, :doc, 'fr', 20, now(), now() + interval '48 hours', 'Translation')
            RETURNING id, volunteer_id),
          claimed AS (
            INSERT INTO translate.targets (id, segment_id, language, state, updated_at, claim_expires_at, claim_id, claimed_by, events_recorded, state_before_claim)
            SELECT gen_random_uuid(), picked.id, 'fr', 'Claimed', now(), now() + interval '48 hours', claim.id, claim.volunteer_id, 1, 'Untranslated'
            FROM picked, claim
            -- A segment claimed and committed after this statement's snapshot is unlocked but taken: skip it,
            -- as ClaimNext's re-check does.
            ON CONFLICT (segment_id, language) DO NOTHING
            RETURNING id, claimed_by)
        INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, at)
        SELECT gen_random_uuid(), claimed.id, 1, 'Claimed', 'Claimed', claimed.claimed_by, now() FROM claimed;
        COMMIT;
        """;

    private static Run PgbenchRun(string root, string database, Guid documentId, int clients, int claimsPerClient)
    {
        var work = Directory.CreateTempSubdirectory("pgbench");
        var script = Path.Combine(work.FullName, "claim.sql");
        File.WriteAllText(script, ClaimScript);
        var builder = new NpgsqlConnectionStringBuilder(database);
        var pgbench = Directory.GetFiles("/usr/lib/postgresql", "pgbench", SearchOption.AllDirectories).Order().Last();
        var info = new ProcessStartInfo(pgbench, ["-n", "-c", $"{clients}", "-j", $"{Math.Min(clients, 4)}", "-t", $"{claimsPerClient}", "-f", script,
            "-D", $"doc='{documentId}'", "-D", $"clients={clients}", "-l", "--log-prefix", Path.Combine(work.FullName, "log"), builder.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        info.Environment["PGHOST"] = builder.Host;
        info.Environment["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture);
        info.Environment["PGUSER"] = builder.Username;
        info.Environment["PGPASSWORD"] = builder.Password;
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pgbench failed: {output}");
        }
        var latencies = Directory.GetFiles(work.FullName, "log*").SelectMany(File.ReadLines)
            .Select(line => double.Parse(line.Split(' ')[2], CultureInfo.InvariantCulture) / 1000).ToArray();
        var tps = double.Parse(System.Text.RegularExpressions.Regex.Match(output, @"tps = ([\d.]+) \(without initial connection time\)").Groups[1].Value, CultureInfo.InvariantCulture);
        work.Delete(recursive: true);
        return new Run("pgbench, same claim statement", clients, latencies.Length, latencies.Length / tps, latencies);
    }

    private static void Report(List<Run> runs)
    {
        Console.WriteLine("| run | clients | calls | calls/s | p50 ms | p99 ms | API CPU ms/call | HTTP claim-next ÷ raw |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            var raw = runs.Single(r => r.Clients == run.Clients && r.Name.StartsWith("pgbench", StringComparison.Ordinal));
            var ratio = run.Name == "HTTP claim-next" ? (run.PerSecond / raw.PerSecond).ToString("0.00", CultureInfo.InvariantCulture) : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run.Name} | {run.Clients} | {run.Calls:N0} | {run.PerSecond:N0} | {run.Percentile(0.5):0.0} | {run.Percentile(0.99):0.0} | {run.ApiCpuMsPerCall:0.0} | {ratio} |"));
        }
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

    internal static async Task GrantAsync(string database, Guid projectId, IEnumerable<Guid> volunteers)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await Execute(connection, $"""
            INSERT INTO translate.project_members (id, project_id, account_id, language, can_translate, can_review, granted_by, granted_at)
            SELECT gen_random_uuid(), '{projectId}', id, '{Language}', true, false, id, now() FROM unnest(ARRAY[{string.Join(",", volunteers.Select(v => $"'{v}'::uuid"))}]) AS id
            """);
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
