using Microsoft.Extensions.Options;
using System.ComponentModel.DataAnnotations;

namespace Wgig.Translate.Worker.Jobs;

/// <summary>The Worker's job server settings, bound from the "Jobs" configuration section (the storage's are in <c>JobStorageOptions</c>).</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>How often a Worker looks for scheduled and recurring jobs that are due.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Cron schedules (UTC) by recurring job id, overriding the defaults in <see cref="RecurringJobs"/>.</summary>
    public Dictionary<string, string> Schedules { get; set; } = [];

    /// <summary>
    /// How long a repository sync or a publication waits while another run of the same work on the same project
    /// holds its lock (<see cref="ProjectLocks"/>) before it gives up and Hangfire retries it later. A dead
    /// Worker's lock is freed by PostgreSQL at once; this only bounds waiting for a live one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ProjectLockWait { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 100)]
    public int WorkerCount { get; set; } = Math.Min(Environment.ProcessorCount * 5, 20);
}

/// <summary>Checks the ranges above, generated at compile time (why: <see cref="Wgig.Translate.Domain.Claims.ClaimOptionsValidator"/>).</summary>
[OptionsValidator]
public sealed partial class JobOptionsValidator : IValidateOptions<JobOptions>;
