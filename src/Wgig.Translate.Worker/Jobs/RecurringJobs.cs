using Hangfire;
using Microsoft.Extensions.Options;
using Wgig.Translate.Worker.Claims;
using Wgig.Translate.Worker.Notifications;

namespace Wgig.Translate.Worker.Jobs;

/// <summary>
/// The recurring jobs, registered with explicit ids and time zones when a Worker starts. Hangfire's
/// scheduler runs each once per occurrence however many Workers there are (a distributed lock in the
/// job storage); registering again from another Worker updates the same entry.
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager recurring, IOptions<JobOptions> options) : IHostedService
{
    private delegate void Register(IRecurringJobManager recurring, string id, string cron, RecurringJobOptions options);

    private sealed record Entry(string Id, string Cron, Register Register);

    // The one list of recurring jobs: what a Worker registers, and what the scale-out tests put on a short schedule.
    private static readonly Entry[] Entries =
    [
        new(ReclaimExpiredClaims.RecurringJobId, "*/5 * * * *",
            (r, id, cron, o) => r.AddOrUpdate<ReclaimExpiredClaims>(id, job => job.RunAsync(CancellationToken.None), cron, o)),
        new(RemindClaimsEndingSoon.RecurringJobId, "*/15 * * * *",
            (r, id, cron, o) => r.AddOrUpdate<RemindClaimsEndingSoon>(id, job => job.RunAsync(CancellationToken.None), cron, o)),
        new(SendNotificationMail.RecurringJobId, "* * * * *",
            (r, id, cron, o) => r.AddOrUpdate<SendNotificationMail>(id, job => job.RunAsync(CancellationToken.None), cron, o)),
        new(Deadlines.ForecastDeadlines.RecurringJobId, "30 * * * *",
            (r, id, cron, o) => r.AddOrUpdate<Deadlines.ForecastDeadlines>(id, job => job.RunAsync(CancellationToken.None), cron, o)),
        // Hourly: each run mails the digest of those for whom it is the digest hour in their own time zone.
        new(SendNotificationMail.DigestRecurringJobId, "0 * * * *",
            (r, id, cron, o) => r.AddOrUpdate<SendNotificationMail>(id, job => job.RunDigestAsync(CancellationToken.None), cron, o)),
        new(Progress.FoldDocumentProgress.RecurringJobId, "* * * * *",
            (r, id, cron, o) => r.AddOrUpdate<Progress.FoldDocumentProgress>(id, job => job.RunAsync(CancellationToken.None), cron, o)),
        new(Publishing.SyncRepository.RecurringJobId, "15 * * * *",
            (r, id, cron, o) => r.AddOrUpdate<Publishing.SyncRepository>(id, job => job.EnqueueAllAsync(CancellationToken.None), cron, o)),
    ];

    /// <summary>Every recurring job's id (each can be given another schedule under <c>Jobs:Schedules:{id}</c>).</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. Entries.Select(e => e.Id)];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in Entries)
        {
            entry.Register(recurring, entry.Id, options.Value.Schedules.GetValueOrDefault(entry.Id, entry.Cron), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
