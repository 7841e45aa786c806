using System.Globalization;

namespace Wgig.Translate.Bench.Faults;

/// <summary>
/// The mixed load against one API and one Worker, then against two of each on one database (volunteers spread
/// over the two APIs), each on a fresh installation with the same volunteers and papers. With two: every recurring
/// job runs once per occurrence (schedules shortened to every two seconds), no segment goes to two volunteers,
/// every acknowledged write is stored once, and throughput is at least that of one of each.
/// </summary>
internal sealed class ScaleOutScenario : IFaultScenario
{
    /// <summary>Two of each share the same two cores as one of each, with the database and the load: the measurement's own noise.</summary>
    private const double Noise = 0.10;

    public string Name => "scale-out";

    public string Description => "two APIs and two Workers on one database under the mixed load: recurring jobs once per occurrence, no segment twice, throughput at least one of each's";

    public async Task RunAsync(Harness harness, ScenarioReport report)
    {
        var duration = TimeSpan.FromSeconds(harness.Size(30, 120));
        var single = await RunAsync(harness, report, 1, duration);
        var pair = await RunAsync(harness, report, 2, duration);
        var ratio = pair / single;
        report.Check(ratio >= 1 - Noise, $"two APIs and two Workers answer at least as many operations per second as one of each (within the {Noise:P0} this shared machine's runs differ by)",
            string.Create(CultureInfo.InvariantCulture, $"{pair:N1} against {single:N1} operations/s"));
        report.Measure("throughput, two of each ÷ one of each", ratio, "");
    }

    private static async Task<double> RunAsync(Harness harness, ScenarioReport report, int processes, TimeSpan duration)
    {
        var run = processes == 1 ? "one API, one Worker" : $"{processes} APIs, {processes} Workers";
        await using var site = await Site.CreateAsync(harness, $"scale_{processes}", translators: harness.Size(8, 24), reviewers: harness.Size(3, 6));
        var schedules = Worker.Jobs.RecurringJobs.Ids.Select(id => ($"Jobs__Schedules__{id}", "*/2 * * * * *")).ToArray();
        var urls = new List<string>();
        for (var i = 0; i < processes; i++)
        {
            urls.Add((await site.StartApiAsync()).Url);
            site.StartWorker(schedules);
        }
        var load = await MixedLoad.PrepareAsync(site, urls[0], harness.Size(3, 6));
        var startedAt = DateTimeOffset.UtcNow;
        await load.RunAsync(duration, urls, warmUp: TimeSpan.FromSeconds(harness.Size(10, 20)));
        await load.CheckAsync(report, run);
        report.Check(await site.ScalarAsync<long>($"SELECT count(*) FROM hangfire.server") == processes, $"{processes} Worker(s) registered ({run})");
        var doubled = await site.QueryAsync<string>("""
            SELECT r.value || ' at ' || t.value FROM hangfire.jobparameter r JOIN hangfire.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time'
            WHERE r.name = 'RecurringJobId' GROUP BY r.value, t.value HAVING count(*) > 1
            """);
        var occurrences = await site.ScalarAsync<long>($"""
            SELECT count(*) FROM hangfire.jobparameter r JOIN hangfire.job j ON j.id = r.jobid
            WHERE r.name = 'RecurringJobId' AND j.statename = 'Succeeded' AND j.createdat > '{startedAt:O}'::timestamptz
            """);
        report.Check(doubled.Count == 0 && occurrences >= Worker.Jobs.RecurringJobs.Ids.Count * 2, $"every recurring job ran once per occurrence ({run})",
            $"{occurrences} occurrences run, doubled: {string.Join(", ", doubled.Take(5))}");
        report.Check(await site.ScalarAsync<long>("SELECT count(*) FROM hangfire.job WHERE statename = 'Failed'") == 0, $"no job failed ({run})");
        report.Measure($"{run}", $"{load.Throughput:N1} operations/s answered 2xx over {load.Seconds:N0} s; {occurrences} recurring occurrences, none doubled; " +
            $"{load.Writes.Count(w => w.Kind != "draft"):N0} acknowledged writes");
        foreach (var row in load.Table())
        {
            report.Measure($"table ({run})", row);
        }
        return load.Throughput;
    }
}
