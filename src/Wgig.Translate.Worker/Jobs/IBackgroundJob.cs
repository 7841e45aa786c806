namespace Wgig.Translate.Worker.Jobs;

/// <summary>
/// Marks a Hangfire job class. Jobs are found by scanning, take ids (never entities) and are safe
/// to run twice, because Hangfire delivers at least once.
/// </summary>
public interface IBackgroundJob;
