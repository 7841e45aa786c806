using System.Diagnostics;
using System.Net.Http.Json;
using Wgig.Translate.Worker.Tests.Publishing;

namespace Wgig.Translate.Bench.Faults;

/// <summary>
/// The Worker SIGKILLed at a random point of a publication, again and again, each time restarted: to the local Git
/// repository (direct commits) and to the fake GitHub (pull-request mode). Afterwards every publication is
/// published with exactly one commit carrying its marker, the commit and tree it records are that commit's, no
/// lock file or broken object is left in the repository, one pull request serves the branch, and no publication
/// or job is left running.
/// </summary>
internal sealed class WorkerKillScenario : IFaultScenario
{
    private static readonly string[] Languages = ["fr", "es"];

    public string Name => "worker-kills";

    public string Description => "the Worker SIGKILLed at random points of publications: exactly one commit each, nothing half-written, none left running";

    public async Task RunAsync(Harness harness, ScenarioReport report)
    {
        await RunAsync(harness, report, github: false, kills: harness.Size(3, 20));
        await RunAsync(harness, report, github: true, kills: harness.Size(1, 20));
    }

    private static async Task RunAsync(Harness harness, ScenarioReport report, bool github, int kills)
    {
        var gateway = github ? "fake GitHub" : "local Git";
        await using var site = await Site.CreateAsync(harness, github ? "kill_github" : "kill_local");
        await using var fake = github ? await FakeGitHub.StartAsync(new Dictionary<string, string>
        {
            ["README.md"] = "The WGIG papers.\n",
        }) : null;
        var papers = kills / 2 + 3;
        var repository = fake?.RepositoryPath ?? Papers.CreateRepository(Path.Combine(harness.RunDirectory, $"papers-{Guid.NewGuid():N}.git"), papers, 12);
        if (fake is not null)
        {
            fake.Commit("main", "The papers", Enumerable.Range(1, papers).ToDictionary(i => $"papers/en/paper-{i:D3}.md", i => Papers.Markdown(i, 12)));
        }
        var (_, url) = await site.StartApiAsync();
        var worker = site.StartWorker();
        using var admin = Site.Client(url, site.Admin);
        var projectId = await site.CreateProjectAsync(admin, $"Kills over {gateway}", Languages);
        await Site.JsonAsync(await admin.PutAsJsonAsync($"/api/projects/{projectId}/repository", github
            ? new { host = "GitHub", owner = FakeGitHub.Owner, name = FakeGitHub.Name, branch = "main", sourcePattern = "papers/en/**/*.md",
                targetTemplate = "papers/{lang}/{path}", writeMode = "PullRequest", apiBaseUrl = fake!.BaseUrl, token = "token-1" }
            : (object)new { host = "LocalGit", name = Path.GetFileName(repository), branch = "main", sourcePattern = "papers/en/**/*.md", targetTemplate = "papers/{lang}/{path}", writeMode = "Direct" }));
        await Site.JsonAsync(await admin.PostAsync($"/api/projects/{projectId}/repository/sync", null));
        if (!await Harness.WaitAsync(async () => await site.ScalarAsync<long>($"SELECT count(*) FROM translate.documents WHERE project_id = '{projectId}'") == papers,
            TimeSpan.FromMinutes(2)))
        {
            throw new InvalidOperationException("The sync did not bring the papers in.");
        }
        // A paper approved in one language at a time: each publication has something new to commit.
        await site.ApproveNextAsync(projectId, Languages);

        // Publications without a fault first (the first warms the Worker up): how long one takes here, to place the kills inside one.
        var first = await PublishAsync(admin, projectId);
        report.Check(await FinishesAsync(site, first, TimeSpan.FromMinutes(2)), $"a publication without a fault finishes ({gateway})");
        await site.ApproveNextAsync(projectId, Languages);
        var clock = Stopwatch.StartNew();
        var second = await PublishAsync(admin, projectId);
        report.Check(await FinishesAsync(site, second, TimeSpan.FromMinutes(2)), $"a publication without a fault finishes ({gateway})");
        var duration = clock.Elapsed;
        report.Measure($"one publication ({gateway}, no fault)", duration.TotalMilliseconds, "ms");
        var branch = await site.ScalarAsync<string>($"SELECT branch FROM translate.publications WHERE id = '{first}'");

        var points = new Dictionary<string, int>();
        var recovery = new List<double>();
        var publications = new List<Guid> { first, second };
        for (var kill = 1; kill <= kills; kill++)
        {
            await site.ApproveNextAsync(projectId, Languages);
            var publication = await PublishAsync(admin, projectId);
            publications.Add(publication);
            // Anywhere from the request's first moments to half as long again as a whole publication takes.
            await Task.Delay(TimeSpan.FromMilliseconds(harness.Random.NextDouble() * duration.TotalMilliseconds * 1.5));
            worker.Kill();
            var killedAt = Stopwatch.StartNew();
            var point = await KillPointAsync(site, publication, repository, branch);
            points[point] = points.GetValueOrDefault(point) + 1;
            worker = site.StartWorker();
            report.Check(await FinishesAsync(site, publication, TimeSpan.FromMinutes(2)),
                $"a publication whose Worker was killed finishes after the restart ({gateway})", $"publication {publication}, killed {point}");
            recovery.Add(killedAt.Elapsed.TotalSeconds);
        }

        foreach (var publication in publications)
        {
            var status = await site.ScalarAsync<string>($"SELECT status FROM translate.publications WHERE id = '{publication}'");
            var commits = Papers.CommitsOf(repository, branch, publication);
            report.Check(status == "Published", $"every publication is published, none left queued or waiting ({gateway})", $"{publication}: {status}");
            report.Check(commits.Count == 1, $"exactly one commit carries each publication's marker ({gateway})", $"{publication}: {commits.Count}");
            var recorded = (await site.QueryAsync<string>($"SELECT commit_sha || ' ' || tree_sha FROM translate.publications WHERE id = '{publication}'")).Single();
            report.Check(commits.Count == 1 && recorded == $"{commits[0].Sha} {commits[0].Tree}",
                $"the commit and tree a publication records are its commit's ({gateway})", $"{publication}: recorded {recorded}");
            if (commits.Count == 1)
            {
                var files = await site.QueryAsync<string>($"SELECT f->>'path' FROM translate.publications, jsonb_array_elements(files) f WHERE id = '{publication}'");
                var paths = Papers.PathsIn(repository, commits[0].Sha);
                report.Check(files.Count > 0 && files.All(paths.Contains), $"every file a publication lists is in its commit ({gateway})",
                    $"{publication}: missing {string.Join(", ", files.Where(f => !paths.Contains(f)))}");
            }
        }
        report.Check(Papers.LockFiles(repository) is [], $"no lock file is left in the repository ({gateway})", string.Join(", ", Papers.LockFiles(repository)));
        var (intact, fsck) = Papers.Fsck(repository);
        report.Check(intact, $"git fsck finds every object and ref intact ({gateway})", fsck);
        if (fake is not null)
        {
            report.Check(fake.PullRequests.Count == 1, "one pull request serves the publication branch, however many times its Worker died", $"{fake.PullRequests.Count} pull requests");
        }
        // Only the publication jobs: the hourly repository sync (the Worker's Publishing namespace) may be running at any moment.
        const string PublicationJobsLeft = """
            SELECT id || ' ' || statename || ' ' || (invocationdata::jsonb->>'Method') || ' created ' || to_char(createdat, 'HH24:MI:SS')
            FROM hangfire.job
            WHERE statename IN ('Processing', 'Enqueued', 'Scheduled') AND invocationdata::jsonb->>'Type' LIKE '%IPublishTranslations%'
            """;
        var left = (IReadOnlyList<string>)[];
        report.Check(await Harness.WaitAsync(async () => (left = await site.QueryAsync<string>(PublicationJobsLeft)).Count == 0, TimeSpan.FromSeconds(30)),
            $"no publication job is left running, queued or scheduled ({gateway})",
            $"{string.Join("; ", left)}; publications {string.Join(", ", await site.QueryAsync<string>(
                $"SELECT id || ' ' || status || ' ' || attempts FROM translate.publications WHERE project_id = '{projectId}' ORDER BY number"))}");
        report.Check(await site.ScalarAsync<long>("SELECT count(*) FROM hangfire.job WHERE statename = 'Failed'") == 0, $"no job failed ({gateway})");
        report.Measure($"Worker kills inside publications ({gateway})", $"{kills}: {string.Join(", ", points.OrderBy(p => p.Key).Select(p => $"{p.Value} {p.Key}"))}");
        if (recovery.Count > 0)
        {
            report.Measure($"from the kill to the publication recorded, median / max ({gateway})",
                $"{recovery.Order().ElementAt(recovery.Count / 2):N1} s / {recovery.Max():N1} s (a killed job waits the 5 s invisibility timeout; production: 1 min)");
        }
    }

    private static async Task<Guid> PublishAsync(HttpClient admin, Guid projectId) =>
        (await Site.JsonAsync(await admin.PostAsJsonAsync($"/api/projects/{projectId}/publications", new { languages = Languages, subset = true })))
            .GetProperty("id").GetGuid();

    private static Task<bool> FinishesAsync(Site site, Guid publication, TimeSpan timeout) => Harness.WaitAsync(async () =>
        await site.ScalarAsync<string>($"SELECT status FROM translate.publications WHERE id = '{publication}'") is "Published" or "Unchanged" or "Failed", timeout);

    // Where the kill landed, from what the job storage, the database and the repository held just after it.
    private static async Task<string> KillPointAsync(Site site, Guid publication, string repository, string branch)
    {
        var job = await site.ScalarAsync<string>($"SELECT statename FROM hangfire.job WHERE arguments::text LIKE '%{publication}%' ORDER BY id LIMIT 1");
        var (status, attempts) = (await site.QueryAsync<string>($"SELECT status || ' ' || attempts FROM translate.publications WHERE id = '{publication}'")).Single().Split(' ') switch
        {
            var parts => (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)),
        };
        return status == "Published" ? "after it was recorded"
            : Papers.CommitsOf(repository, branch, publication).Count > 0 ? "after the commit, before it was recorded"
            : attempts > 0 ? "while writing (attempt recorded, no commit yet)"
            : job == "Processing" ? "while reading and planning (no attempt recorded yet)"
            : "before the job began";
    }
}
