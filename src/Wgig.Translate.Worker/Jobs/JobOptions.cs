using System.ComponentModel.DataAnnotations;

namespace Wgig.Translate.Worker.Jobs;

/// <summary>Bound from the "Jobs" configuration section.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// The fallback poll. Jobs normally start at once through LISTEN/NOTIFY; this only bounds the delay
    /// when a notification is lost (a dropped connection).
    /// </summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    [Range(1, 100)]
    public int WorkerCount { get; set; } = Math.Min(Environment.ProcessorCount * 5, 20);
}
