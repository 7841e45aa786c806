using System.Diagnostics;
using System.Net.Http.Json;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Bench.Faults;

/// <summary>
/// A Worker SIGKILLed while it holds a project's lock, inside a repository sync and inside a publication. The lock
/// must be free at once (it is a session advisory lock; Hangfire's DisableConcurrentExecution row stayed ten
/// minutes), the next run on a restarted Worker must start without waiting for it, and the interrupted work must be
/// whole afterwards: every document imported with its segments, every publication with one commit.
/// </summary>
internal sealed class StaleLockScenario : IFaultScenario
{
    /// <summary>The stated bound for a lock left by a process that died on a machine that lives on.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private static readonly string[] French = ["fr"], Spanish = ["es"];

    public string Name => "stale-lock";

    public string Description => $"a Worker killed while holding a sync's or a publication's lock: the lock is free within {Bound.TotalSeconds:N0} s, the next run starts at once";

    public async Task RunAsync(Harness harness, ScenarioReport report)
    {
        await using var site = await Site.CreateAsync(harness, "stale_lock");
        var papers = harness.Size(30, 200);
        var repository = Papers.CreateRepository(Path.Combine(harness.RunDirectory, $"papers-{Guid.NewGuid():N}.git"), papers, 12);
        var (_, url) = await site.StartApiAsync();
        using var admin = Site.Client(url, site.Admin);
        var projectId = await site.CreateProjectAsync(admin, "Stale locks", "fr", "es");
        await Site.JsonAsync(await admin.PutAsJsonAsync($"/api/projects/{projectId}/repository",
            new { host = "LocalGit", name = Path.GetFileName(repository), branch = "main", sourcePattern = "papers/en/**/*.md", targetTemplate = "papers/{lang}/{path}", writeMode = "Direct" }));

        // Inside a sync.
        var worker = site.StartWorker();
        await Site.JsonAsync(await admin.PostAsync($"/api/projects/{projectId}/repository/sync", null));
        var documents = $"SELECT count(*) FROM translate.documents WHERE project_id = '{projectId}'";
        var (freed, next) = await KillHolderAsync(harness, site, report, ProjectWork.Sync, projectId, () => worker,
            () => worker = site.StartWorker(), () => admin.PostAsync($"/api/projects/{projectId}/repository/sync", null));
        var imported = await site.ScalarAsync<long>(documents);
        report.Check(await site.ScalarAsync<long>($"""
            SELECT count(*) FROM translate.documents d WHERE d.project_id = '{projectId}'
            AND NOT EXISTS (SELECT 1 FROM translate.segments s WHERE s.document_id = d.id)
            """) == 0, "a sync killed part-way left no document without its segments");
        report.Check(await Harness.WaitAsync(async () => await site.ScalarAsync<long>(documents) == papers
                && await site.ScalarAsync<string>($"SELECT last_synced_commit FROM translate.repository_connections WHERE project_id = '{projectId}'") is not null,
                TimeSpan.FromMinutes(3)), "the sync after the kill brings every paper in, and records the commit");
        report.Measure("sync killed while holding its lock", $"lock free {freed.TotalMilliseconds:N0} ms after the kill; the next sync held it {next.TotalMilliseconds:N0} ms after the kill");

        // Inside a publication.
        // Every paper approved in French and in Spanish: the killed publication commits the French, the next one the Spanish.
        await site.ApproveAsync(projectId, [.. French, .. Spanish]);
        await Site.JsonAsync(await admin.PostAsJsonAsync($"/api/projects/{projectId}/publications", new { languages = French, subset = true }));
        (freed, next) = await KillHolderAsync(harness, site, report, ProjectWork.Publish, projectId, () => worker, () => worker = site.StartWorker(),
            () => admin.PostAsJsonAsync($"/api/projects/{projectId}/publications", new { languages = Spanish, subset = true }));
        report.Check(await Harness.WaitAsync(async () => await site.ScalarAsync<long>(
                $"SELECT count(*) FROM translate.publications WHERE project_id = '{projectId}' AND status = 'Published'") == 2, TimeSpan.FromMinutes(2)),
            "both publications, the interrupted one and the next, are published");
        foreach (var publication in await site.QueryAsync<Guid>($"SELECT id FROM translate.publications WHERE project_id = '{projectId}'"))
        {
            report.Check(Papers.CommitsOf(repository, "main", publication).Count == 1, "each publication made exactly one commit", publication.ToString());
        }
        report.Measure("publication killed while holding its lock", $"lock free {freed.TotalMilliseconds:N0} ms after the kill; the next publication held it {next.TotalMilliseconds:N0} ms after the kill");
        report.Measure("documents a killed sync had imported", $"{imported} of {papers}, each whole");
    }

    // Waits until a Worker holds the lock, SIGKILLs it, and measures how long until the lock is free and until a
    // restarted Worker's next run of the same work holds it.
    private static async Task<(TimeSpan Freed, TimeSpan Next)> KillHolderAsync(Harness harness, Site site, ScenarioReport report, ProjectWork work, Guid projectId,
        Func<AppProcess> holder, Action restart, Func<Task<HttpResponseMessage>> nextRun)
    {
        var key = ProjectLocks.Key(work, projectId);
        var held = $"""
            SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
            AND classid::bigint = {(long)((ulong)key >> 32)} AND objid::bigint = {(long)((ulong)key & 0xFFFF_FFFF)}
            """;
        if (!await Harness.WaitAsync(async () => await site.ScalarAsync<long>(held) == 1, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(10)))
        {
            throw new InvalidOperationException($"The {work} never took its lock.");
        }
        await Task.Delay(TimeSpan.FromMilliseconds(harness.Random.Next(20, 120)));
        report.Check(await site.ScalarAsync<long>(held) == 1, $"the {work.ToString().ToLowerInvariant()} still held its lock when its Worker was killed");
        holder().Kill();
        var clock = Stopwatch.StartNew();
        var free = await Harness.WaitAsync(async () => await site.ScalarAsync<long>(held) == 0, TimeSpan.FromMinutes(11), TimeSpan.FromMilliseconds(10));
        var freed = clock.Elapsed;
        report.Check(free && freed < Bound, $"the lock of a killed Worker's {work.ToString().ToLowerInvariant()} is free within {Bound.TotalSeconds:N0} s", $"{freed.TotalMilliseconds:N0} ms");
        restart();
        await Site.JsonAsync(await nextRun());
        var taken = await Harness.WaitAsync(async () => await site.ScalarAsync<long>(held) == 1, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(10));
        report.Check(taken, $"a restarted Worker runs the next {work.ToString().ToLowerInvariant()} without waiting for a stale lock");
        return (freed, clock.Elapsed);
    }
}
