using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace Wgig.Translate.Bench.Faults;

/// <summary>
/// The README's own commands: ./run starts a private installation (cluster, migrate, demo, API, Worker), work is
/// done in it over HTTP, `./run backup` takes a backup while it runs, more work follows, ./run stops; the data
/// directory is moved aside, `./run restore` brings the backup into a fresh one, and ./run starts again. The restored
/// installation holds exactly what the backup held (every table of the store, row for row), not what came after,
/// and works: the admin's token, new claims and submissions, a sync of the demo's Git repository.
/// </summary>
internal sealed class BackupScenario : IFaultScenario
{
    private static readonly string[] French = ["fr"];

    public string Name => "backup";

    public string Description => "./run backup while it runs, ./run restore into a fresh data directory: the same data, and it runs";

    public async Task RunAsync(Harness harness, ScenarioReport report)
    {
        var data = Path.Combine(harness.RunDirectory, "installation");
        var url = $"http://127.0.0.1:{Cluster.FreePort()}";
        var port = Cluster.FreePort();
        var backup = Path.Combine(harness.RunDirectory, "backups", "wgig.tar");
        var environment = new Dictionary<string, string>
        {
            ["WGIG_DATA"] = data, ["WGIG_URL"] = url, ["WGIG_PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["WGIG_NO_BUILD"] = "1", ["WGIG_CONFIGURATION"] = harness.Configuration, ["WGIG_DEMO_DOCUMENT"] = ImportPipeline.FindSample("md"),
        };

        var run = await StartAsync(harness, environment, url, "first");
        string before;
        Guid projectId, documentId;
        using (var admin = AdminClient(data, url))
        {
            var me = (await Site.JsonAsync(await admin.GetAsync("/api/me"))).GetProperty("id").GetGuid();
            projectId = (await Site.JsonAsync(await admin.PostAsJsonAsync("/api/projects", new { name = "Backed up", sourceLanguage = "en", targetLanguages = French })))
                .GetProperty("id").GetGuid();
            documentId = (await Site.JsonAsync(await admin.PostAsync($"/api/projects/{projectId}/documents", Site.File("paper.md", Encoding.UTF8.GetBytes(Papers.Markdown(3, 6))))))
                .GetProperty("id").GetGuid();
            await Site.JsonAsync(await admin.PutAsJsonAsync($"/api/projects/{projectId}/members/{me}/languages/fr", new { canTranslate = true, canReview = false }));
            await TranslateNextAsync(admin, projectId, documentId, "Traduit avant la sauvegarde.");
            before = await FingerprintAsync(data, port);

            await ShellAsync(harness, environment, "backup", backup);
            report.Check(File.Exists(backup) && !File.Exists(backup + ".partial"), "./run backup writes one whole file while the installation runs", backup);
            report.Measure("backup file of the demo and a small project", new FileInfo(backup).Length / 1024.0, "KB");

            // Work after the backup: it must not come back with the restore.
            await TranslateNextAsync(admin, projectId, documentId, "Traduit après la sauvegarde.");
        }
        await run.StopAsync();

        Directory.Move(data, data + ".old");
        var clock = Stopwatch.StartNew();
        await ShellAsync(harness, environment, "restore", backup);
        report.Measure("./run restore into a fresh data directory", clock.Elapsed.TotalSeconds, "s");
        run = await StartAsync(harness, environment, url, "restored");
        try
        {
            var after = await FingerprintAsync(data, port);
            report.Check(after == before, "the restored store holds exactly what the backup held, table by table, row by row",
                string.Join("; ", after.Split('\n').Except(before.Split('\n'))));
            using var admin = AdminClient(data, url);
            report.Check(await SubmittedAsync(data, port, "Traduit avant la sauvegarde."), "work saved before the backup is there after the restore");
            report.Check(!await SubmittedAsync(data, port, "Traduit après la sauvegarde."), "work saved after the backup is not (a restore goes back to the backup's moment)");
            // It runs: the admin's token, claims and submissions, and the Worker's sync of the demo's repository restored beside it.
            await TranslateNextAsync(admin, projectId, documentId, "Traduit après la restauration.");
            report.Check(await SubmittedAsync(data, port, "Traduit après la restauration."), "the restored installation takes new work (claim, submit) with the restored admin token");
            var demo = (await Site.JsonAsync(await admin.GetAsync("/api/projects"))).GetProperty("items").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString()!.StartsWith("WGIG", StringComparison.Ordinal)).GetProperty("id").GetGuid();
            await Site.JsonAsync(await admin.PostAsync($"/api/projects/{demo}/repository/sync", null));
            report.Check(await Harness.WaitAsync(async () => (await Site.JsonAsync(await admin.GetAsync($"/api/projects/{demo}/repository"))).GetProperty("lastSyncedCommit").ValueKind
                    == System.Text.Json.JsonValueKind.String, TimeSpan.FromMinutes(1)),
                "the restored Worker syncs the demo project from its restored Git repository");
        }
        finally
        {
            await run.StopAsync();
        }
    }

    private static async Task<ShellProcess> StartAsync(Harness harness, Dictionary<string, string> environment, string url, string name)
    {
        var run = ShellProcess.Start(harness, $"backup-run-{name}", [], environment);
        using var probe = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        if (!await Harness.WaitAsync(async () => run.HasExited || (await probe.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromMinutes(4), TimeSpan.FromMilliseconds(250))
            || run.HasExited)
        {
            throw new InvalidOperationException($"./run did not start; see {run.LogFile}");
        }
        return run;
    }

    private static async Task ShellAsync(Harness harness, Dictionary<string, string> environment, params string[] arguments)
    {
        var shell = ShellProcess.Start(harness, $"backup-{arguments[0]}", arguments, environment);
        await shell.WaitAsync();
        if (shell.ExitCode != 0)
        {
            throw new InvalidOperationException($"./run {string.Join(' ', arguments)} failed; see {shell.LogFile}");
        }
    }

    private static HttpClient AdminClient(string data, string url)
    {
        var token = File.ReadAllLines(Path.Combine(data, "admin.txt")).Single(l => l.StartsWith("token=", StringComparison.Ordinal))["token=".Length..];
        var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task TranslateNextAsync(HttpClient client, Guid projectId, Guid documentId, string text)
    {
        var claim = await Site.JsonAsync(await client.PostAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/claims", new { language = "fr", words = 5 }));
        var segment = claim.GetProperty("segmentIds")[0].GetGuid();
        await Site.JsonAsync(await client.PutAsJsonAsync($"/api/projects/{projectId}/documents/{documentId}/segments/{segment}/translations/fr",
            new { runs = new[] { new { text } }, acknowledge = Site.AcknowledgedWarnings }));
    }

    private static NpgsqlDataSource Store(string data, int port) => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = port, Username = "wgig", Database = "wgig", Password = File.ReadAllText(Path.Combine(data, "postgres.password")).Trim(), Pooling = false,
    }.ConnectionString);

    private static async Task<bool> SubmittedAsync(string data, int port, string text)
    {
        await using var store = Store(data, port);
        await using var command = store.CreateCommand("SELECT count(*) FROM translate.target_events WHERE kind = 'Submitted' AND text = $1");
        command.Parameters.AddWithValue(text);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    // Every table of the store, as a count and a hash of its rows.
    private static async Task<string> FingerprintAsync(string data, int port)
    {
        await using var store = Store(data, port);
        var tables = new List<string>();
        await using (var list = store.CreateCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'translate' ORDER BY tablename"))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var fingerprint = new StringBuilder();
        // Progress is the folded rows plus the changes not folded yet; the Worker folds them every minute (before or after a
        // backup, and as soon as a restored installation starts), which moves rows between the two tables without changing
        // the progress any reader sees: compared as that sum, per document and language.
        string[] progressLedger = ["document_progress", "document_progress_changes"];
        await using (var progress = store.CreateCommand("""
            SELECT coalesce(md5(string_agg(p::text, '|' ORDER BY p::text)), '') FROM (
                SELECT document_id, language, sum(translated_segments), sum(translated_words), sum(approved_segments), sum(approved_words)
                FROM (SELECT document_id, language, translated_segments, translated_words, approved_segments, approved_words FROM translate.document_progress
                      UNION ALL
                      SELECT document_id, language, translated_segments, translated_words, approved_segments, approved_words FROM translate.document_progress_changes) x
                GROUP BY document_id, language) p
            """))
        {
            fingerprint.Append("progress=").Append(await progress.ExecuteScalarAsync()).Append('\n');
        }
        foreach (var table in tables.Except(progressLedger))
        {
            await using var rows = store.CreateCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM translate.\"{table}\" t");
            fingerprint.Append(table).Append('=').Append(await rows.ExecuteScalarAsync()).Append('\n');
        }
        return fingerprint.ToString();
    }
}

/// <summary>./run itself, with its arguments; stopped as Ctrl+C would (its trap stops API, Worker and the cluster).</summary>
internal sealed class ShellProcess
{
    private readonly Process _process;
    private readonly Task _logging;

    private ShellProcess(Process process, string logFile, Task logging) => (_process, LogFile, _logging) = (process, logFile, logging);

    public string LogFile { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ShellProcess Start(Harness harness, string name, string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(Path.Combine(harness.Root, "run"), arguments)
        {
            WorkingDirectory = harness.Root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        info.Environment.Remove("ConnectionStrings__Translation");
        var logFile = Path.Combine(harness.RunDirectory, $"{name}.log");
        var process = Process.Start(info)!;
        return new ShellProcess(process, logFile, AppProcess.CopyOutputAsync(process, logFile));
    }

    public async Task WaitAsync()
    {
        await _process.WaitForExitAsync();
        await _logging;
    }

    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            // TERM, which ./run handles as Ctrl+C: a shell started in the background (CI, nohup) ignores SIGINT from birth and
            // cannot trap it, so an INT would leave it running for ever.
            using var interrupt = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await interrupt.WaitForExitAsync();
        }
        await WaitAsync();
    }
}
