using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker;
using Wgig.Translate.Worker.Claims;
using Wgig.Translate.Worker.Deadlines;
using Wgig.Translate.Worker.Jobs;
using Wgig.Translate.Worker.Notifications;
using Wgig.Translate.Worker.Progress;
using Wgig.Translate.Worker.Publishing;

namespace Wgig.Translate.Api.Tests.Jobs;

/// <summary>
/// Scale-out: two Worker hosts on one database, each registering the recurring jobs at start and running
/// Hangfire's scheduler. Every recurring job must run once per occurrence, not once per Worker. The
/// schedules are shortened to every second (configuration, not code) so the test sees several occurrences.
/// </summary>
// Worker hosts in this process one at a time: a busy pair of Workers starving the single one here could keep
// its fetcher from reaching LISTEN before the test's job is enqueued, and only the 10-minute poll would find it.
[Collection(WorkerHosts.Name)]
public sealed class TwoWorkersTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly IReadOnlyList<string> JobIds = RecurringJobs.Ids;

    private readonly List<IHost> _workers = [];

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        for (var i = 0; i < 2; i++)
        {
            var builder = WorkerHost.CreateBuilder([]);
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Translation"] = api.Database.ConnectionString,
                ["DataProtection:KeyRingKey"] = TestDatabase.KeyRingKey,
                ["Jobs:WorkerCount"] = "3",
                ["Jobs:SchedulePollingInterval"] = "00:00:00.250",
            };
            foreach (var id in JobIds)
            {
                settings[$"Jobs:Schedules:{id}"] = "* * * * * *";
            }
            builder.Configuration.AddInMemoryCollection(settings);
            _workers.Add(builder.Build());
        }
        await Task.WhenAll(_workers.Select(w => w.StartAsync()));
    }

    public async Task DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.StopAsync();
            worker.Dispose();
        }
    }

    [Fact]
    public async Task Each_recurring_job_runs_once_per_occurrence_whatever_the_number_of_workers()
    {
        var clock = Stopwatch.StartNew();
        // Both Workers announce themselves (asynchronously, once started): the test needs them both running.
        while ((await api.Database.QueryAsync<long>("SELECT count(*) FROM hangfire.server")).Single() < 2)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The two Workers did not both register in 30 s.");
            await Task.Delay(100);
        }
        // Every recurring job the Workers register is on the short schedule here (a new job must join the list).
        Assert.Equal(JobIds.Order(), (await api.Database.QueryAsync<string>("SELECT value FROM hangfire.set WHERE key = 'recurring-jobs'")).Order());
        // A bounded wait for every job to have had several occurrences; not a timing assertion.
        while ((await RunsAsync()).Values.DefaultIfEmpty(0).Min() < 4 || (await RunsAsync()).Count < JobIds.Count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"Not every job ran 4 times in 60 s: {string.Join(", ", await RunsAsync())}");
            await Task.Delay(250);
        }

        // Hangfire records the occurrence each run was created for: no occurrence of any job was run twice.
        var doubled = await api.Database.QueryAsync<string>("""
            SELECT r.value || ' at ' || t.value FROM hangfire.jobparameter r
            JOIN hangfire.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time'
            WHERE r.name = 'RecurringJobId'
            GROUP BY r.value, t.value HAVING count(*) > 1
            """);
        Assert.Empty(doubled);
        // Every run records its occurrence. One statement: the Workers go on creating runs, and two counts read apart could
        // straddle one (each run's parameters are written in its own transaction, so one snapshot sees both or neither).
        Assert.Equal([0L], await api.Database.QueryAsync<long>("""
            SELECT count(*) FROM hangfire.jobparameter r
            WHERE r.name = 'RecurringJobId' AND NOT EXISTS (SELECT 1 FROM hangfire.jobparameter t WHERE t.jobid = r.jobid AND t.name = 'Time')
            """));
        Assert.Equal([0L], await api.Database.QueryAsync<long>("SELECT count(*) FROM hangfire.job WHERE statename = 'Failed'"));
    }

    private async Task<Dictionary<string, long>> RunsAsync() =>
        (await api.Database.QueryAsync<string>("""
            SELECT trim(both '"' from r.value) || '=' || count(*) FROM hangfire.jobparameter r JOIN hangfire.job j ON j.id = r.jobid
            WHERE r.name = 'RecurringJobId' AND j.statename = 'Succeeded' GROUP BY r.value
            """)).Select(x => x.Split('=')).ToDictionary(x => x[0], x => long.Parse(x[1], System.Globalization.CultureInfo.InvariantCulture))
            // Only the jobs on the short schedule: one left on its own (every minute, say) would count one run in the window.
            .Where(x => JobIds.Contains(x.Key)).ToDictionary();
}
