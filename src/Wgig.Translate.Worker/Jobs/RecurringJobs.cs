using Hangfire;
using Microsoft.Extensions.Hosting;
using Wgig.Translate.Worker.Claims;
using Wgig.Translate.Worker.Notifications;

namespace Wgig.Translate.Worker.Jobs;

/// <summary>
/// The recurring jobs, registered with explicit ids and time zones when a Worker starts. Hangfire's
/// scheduler runs each once per occurrence however many Workers there are (a distributed lock in the
/// job storage); registering again from another Worker updates the same entry.
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<ReclaimExpiredClaims>(ReclaimExpiredClaims.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            "*/5 * * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurring.AddOrUpdate<RemindClaimsEndingSoon>(RemindClaimsEndingSoon.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            "*/15 * * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurring.AddOrUpdate<SendNotificationMail>(SendNotificationMail.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            "* * * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurring.AddOrUpdate<Deadlines.ForecastDeadlines>(Deadlines.ForecastDeadlines.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            "30 * * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Hourly: each run mails the digest of those for whom it is the digest hour in their own time zone.
        recurring.AddOrUpdate<SendNotificationMail>(SendNotificationMail.DigestRecurringJobId, job => job.RunDigestAsync(CancellationToken.None),
            "0 * * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
