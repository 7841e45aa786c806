using System.Diagnostics;
using System.Net;

namespace Wgig.Translate.Bench.Faults;

/// <summary>
/// PostgreSQL stopped (immediate mode: every session cut, crash recovery at the next start) for 10 seconds while
/// volunteers claim, save drafts, submit, upload XLIFF and review over HTTP, and view the editor and the dashboard.
/// While it is down the API answers 503 problem details with Retry-After, the web app a 503 page with Retry-After,
/// readiness is red and liveness green (probed with a bearer token); afterwards
/// the same API and Worker processes serve again without a restart, every write answered 2xx is stored exactly
/// once, and the Worker's jobs, recurring and queued, run again.
/// </summary>
internal sealed class DatabaseRestartScenario : IFaultScenario
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    public string Name => "db-restart";

    public string Description => "PostgreSQL stopped for 10 s under the mixed load: 503s with Retry-After while down, every acknowledged write stored once, jobs resume";

    public async Task RunAsync(Harness harness, ScenarioReport report)
    {
        await using var site = await Site.CreateAsync(harness, "db_restart", translators: harness.Size(8, 24), reviewers: harness.Size(3, 6));
        var (api, url) = await site.StartApiAsync();
        var worker = site.StartWorker(("Jobs__Schedules__reclaim-expired-claims", "*/5 * * * * *"));
        var load = await MixedLoad.PrepareAsync(site, url, harness.Size(3, 6));
        // The load before the outage, and for this long after the database is back.
        var (before, after) = (TimeSpan.FromSeconds(harness.Size(10, 40)), TimeSpan.FromSeconds(harness.Size(20, 60)));

        using var probing = new CancellationTokenSource();
        using var ending = new CancellationTokenSource();
        var probes = ProbeAsync(url, site.Admin, probing.Token);
        var running = load.RunAsync(TimeSpan.FromHours(1), [url], until: ending.Token);
        await Task.Delay(before);
        var stoppedAt = DateTimeOffset.UtcNow;
        await harness.Cluster.StopImmediatelyAsync();
        await Task.Delay(Outage);
        var startingAt = DateTimeOffset.UtcNow;
        await harness.Cluster.StartAsync();
        var startedAt = DateTimeOffset.UtcNow;
        site.DataSource.Clear(); // the harness's own pooled connections died with the server
        await Task.Delay(after);
        await ending.CancelAsync();
        await running;
        await probing.CancelAsync();
        var probed = await probes;

        // Surely down: from a second after the stop until the start began (the server accepts connections somewhere inside pg_ctl's start).
        var during = probed.Where(p => p.At > stoppedAt.AddSeconds(1) && p.At < startingAt).ToList();
        report.Check(probed.Where(p => p.Path == "/health/live").All(p => p.Status == 200), "liveness is green throughout, even for a probe carrying a bearer token",
            string.Join(", ", probed.Where(p => p.Path == "/health/live" && p.Status != 200).Take(5).Select(p => $"{p.Status} at {p.At:T}")));
        var ready = during.Where(p => p.Path == "/health/ready").ToList();
        report.Check(ready.Count > 0 && ready.All(p => p.Status == 503 && p.RetryAfter && p.Problem), "readiness is a 503 problem with Retry-After while the database is down",
            string.Join(", ", ready.GroupBy(p => (p.Status, p.RetryAfter, p.Problem)).Select(g => $"{g.Count()}× {g.Key}")));
        var recovered = probed.FirstOrDefault(p => p.Path == "/health/ready" && p.At > startedAt && p.Status == 200);
        report.Check(recovered is not null, "readiness is green again after the database is back, without restarting the API");
        report.Check(!api.HasExited && !worker.HasExited, "the API and the Worker lived through the outage (no restart)");
        var failures = load.Failures.ToList();
        report.Check(failures.Where(f => f.At < stoppedAt.AddSeconds(-1) || f.At > startedAt.AddSeconds(30)).ToList() is [],
            "outside the outage (and the half minute after it) no call failed");
        report.Check(load.Writes.Any(w => w.At > startedAt && w.Kind != "draft"), "writes are acknowledged again after the outage");
        var pages = failures.Where(f => MixedLoad.PageViews.Contains(f.Call)).ToList();
        report.Check(pages.Count > 0 && pages.All(f => f.Status == 503 && f.AsExpected),
            "while the database was down the web app answered its pages with a 503 page with Retry-After (the live figures with a 503 text), never a 500",
            string.Join(", ", pages.GroupBy(f => (f.Call, f.Status, f.AsExpected)).Select(g => $"{g.Count()}× {g.Key}")));
        await load.CheckAsync(report, "PostgreSQL restarted under load");

        // The Worker's jobs: a recurring occurrence after the restart, and a job queued by the API after it.
        report.Check(await Harness.WaitAsync(async () => await site.ScalarAsync<long>($"""
                SELECT count(*) FROM hangfire.job j JOIN hangfire.jobparameter r ON r.jobid = j.id AND r.name = 'RecurringJobId'
                WHERE j.statename = 'Succeeded' AND j.createdat > '{startedAt:O}'::timestamptz
                """) > 0, TimeSpan.FromSeconds(60)), "recurring jobs run again after the restart");
        using var admin = Site.Client(url, site.Admin);
        var queuedAt = DateTimeOffset.UtcNow;
        await Site.JsonAsync(await admin.PostAsync($"/api/projects/{load.ProjectId}/documents/{await site.ScalarAsync<Guid>($"SELECT id FROM translate.documents WHERE project_id = '{load.ProjectId}' LIMIT 1")}/progress/recount", null));
        report.Check(await Harness.WaitAsync(async () => await site.ScalarAsync<long>($"""
                SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded' AND createdat >= '{queuedAt.AddSeconds(-1):O}'::timestamptz AND invocationdata::text LIKE '%Recount%'
                """) > 0, TimeSpan.FromSeconds(60)), "a job the API queues after the restart reaches the Worker and runs");
        report.Check(await site.ScalarAsync<long>("SELECT count(*) FROM hangfire.job WHERE statename = 'Failed'") == 0, "no job failed for good");

        report.Measure("outage", $"{Outage.TotalSeconds:N0} s stopped (immediate), then {(startedAt - startingAt).TotalSeconds:N1} s of pg_ctl start (crash recovery)");
        report.Measure("readiness green again", recovered is null ? "never" : $"{(recovered.At - startedAt).TotalSeconds:N1} s after PostgreSQL accepted connections");
        report.Measure("answers while down", $"{failures.Count(f => f.Status == 503)} × 503 with Retry-After to the load ({pages.Count(f => f.Status == 503)} of them pages), " +
            $"{failures.Count(f => f.Status == 0)} network errors, {failures.Count(f => f.Status is not (0 or 503))} other failures");
        report.Measure("load", $"{site.Translators.Count} translators, {site.Reviewers.Count} reviewers, {load.Seconds:N0} s, {load.Throughput:N1} operations/s answered 2xx, " +
            $"{load.Writes.Count(w => w.Kind != "draft"):N0} acknowledged writes and {load.Writes.Count(w => w.Kind == "draft"):N0} drafts");
        foreach (var row in load.Table())
        {
            report.Measure("table", row);
        }
    }

    private sealed record Probe(DateTimeOffset At, string Path, int Status, bool RetryAfter, bool Problem);

    // Liveness with a bearer token (the case that was a 500), readiness without, five times a second.
    private static async Task<List<Probe>> ProbeAsync(string url, Person admin, CancellationToken stop)
    {
        using var client = Site.Client(url, admin, TimeSpan.FromSeconds(5));
        using var anonymous = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        var probes = new List<Probe>();
        while (!stop.IsCancellationRequested)
        {
            foreach (var (path, http) in new[] { ("/health/live", client), ("/health/ready", anonymous) })
            {
                var at = DateTimeOffset.UtcNow;
                try
                {
                    using var response = await http.GetAsync(path, CancellationToken.None);
                    probes.Add(new Probe(at, path, (int)response.StatusCode, response.Headers.RetryAfter is not null,
                        response.Content.Headers.ContentType?.MediaType == "application/problem+json"));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    probes.Add(new Probe(at, path, 0, false, false));
                }
            }
            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return probes;
    }
}
