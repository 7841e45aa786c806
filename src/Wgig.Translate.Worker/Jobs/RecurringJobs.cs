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
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Add<ReclaimExpiredClaims>(ReclaimExpiredClaims.RecurringJobId, job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        Add<RemindClaimsEndingSoon>(RemindClaimsEndingSoon.RecurringJobId, job => job.RunAsync(CancellationToken.None), "*/15 * * * *");
        Add<SendNotificationMail>(SendNotificationMail.RecurringJobId, job => job.RunAsync(CancellationToken.None), "* * * * *");
        Add<Deadlines.ForecastDeadlines>(Deadlines.ForecastDeadlines.RecurringJobId, job => job.RunAsync(CancellationToken.None), "30 * * * *");
        // Hourly: each run mails the digest of those for whom it is the digest hour in their own time zone.
        Add<SendNotificationMail>(SendNotificationMail.DigestRecurringJobId, job => job.RunDigestAsync(CancellationToken.None), "0 * * * *");
        Add<Progress.FoldDocumentProgress>(Progress.FoldDocumentProgress.RecurringJobId, job => job.RunAsync(CancellationToken.None), "* * * * *");
        Add<Publishing.SyncRepository>(Publishing.SyncRepository.RecurringJobId, job => job.EnqueueAllAsync(CancellationToken.None), "15 * * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Add<TJob>(string id, System.Linq.Expressions.Expression<Func<TJob, Task>> run, string cron) =>
        recurring.AddOrUpdate(id, run, options.Value.Schedules.GetValueOrDefault(id, cron), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
}
