using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Wgig.Translate.Api.Documents;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker;

namespace Wgig.Translate.Api.Tests.Jobs;

// Worker hosts in this process one at a time: a busy pair of Workers starving the single one here could keep
// its fetcher from reaching LISTEN before the test's job is enqueued, and only the 10-minute poll would find it.
[Collection(WorkerHosts.Name)]
public sealed class JobWiringTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private IHost? _worker;

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        var builder = WorkerHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Translation"] = api.Database.ConnectionString,
            ["DataProtection:KeyRingKey"] = TestDatabase.KeyRingKey,
            ["Jobs:QueuePollInterval"] = "00:10:00",
            ["Jobs:WorkerCount"] = "2",
        });
        // Only the enqueued job, not the recurring ones: a recurring run taking both fetchers at the moment
        // of the notification would leave this job to the 10-minute fallback poll the test sets on purpose.
        builder.Services.Remove(builder.Services.Single(d => d.ImplementationType == typeof(Worker.Jobs.RecurringJobs)));
        _worker = builder.Build();
        await _worker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync();
            _worker.Dispose();
        }
    }

    [Fact]
    public async Task A_job_enqueued_by_the_api_runs_in_the_worker_without_waiting_for_a_poll()
    {
        // Let the Worker's fetchers make their first query and go to sleep: from then on only a
        // notification can wake them within the wait below, since the fallback poll is 10 minutes.
        await WaitForAsync(async () => (await api.Database.QueryAsync<long>("SELECT count(*) FROM hangfire.server")).Single() == 1);
        // A fetcher that has run LISTEN gets the notification even if it arrives before it waits again.
        await WaitForAsync(async () => (await api.Database.QueryAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'")).Single() >= 1);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var client = api.CreateClient();
        var projectId = await client.CreateProjectAsync();

        var upload = await client.UploadAsync(projectId, "wgig-preliminary-report-2005.md", Samples.Markdown);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var document = (await upload.Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;

        // The Worker's recurring jobs (mail, reminders) may run meanwhile: wait for the recount itself.
        await WaitForAsync(async () => await api.Database.QueryAsync<string>(
            "SELECT statename FROM hangfire.job WHERE invocationdata::text LIKE '%RecountDocumentProgress%'") is ["Succeeded"]);
        Assert.Equal([5L], await api.Database.QueryAsync<long>("SELECT count(*) FROM translate.document_progress"));
        var read = (await client.GetFromJsonAsync<DocumentResponse>($"/api/projects/{projectId}/documents/{document.Id}", ApiJson.Options))!;
        Assert.All(read.Progress, p => Assert.NotNull(p.RecountedAt));
        Assert.All(read.Progress, p => Assert.Equal((142, document.WordCount), (p.SegmentCount, p.WordCount)));
    }

    [Fact]
    public async Task A_recount_can_be_requested_and_runs_in_the_worker()
    {
        var client = api.CreateClient();
        var projectId = await client.CreateProjectAsync(targets: ["fr"]);
        var document = (await (await client.UploadAsync(projectId, "a.md", "# Title\n\nOne sentence here."u8.ToArray()))
            .Content.ReadFromJsonAsync<DocumentResponse>(ApiJson.Options))!;
        await WaitForAsync(async () => (await api.Database.QueryAsync<long>("SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded'")).Single() == 1);

        var response = await client.PostAsync($"/api/projects/{projectId}/documents/{document.Id}/progress/recount", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WaitForAsync(async () => (await api.Database.QueryAsync<long>("SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded'")).Single() == 2);
    }

    // A bounded wait for something the Worker does asynchronously; it is not a timing assertion.
    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "The Worker did not get there in 20 s.");
            await Task.Delay(100);
        }
    }
}
