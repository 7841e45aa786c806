namespace Wgig.Translate.Domain.Storage;

/// <summary>
/// The system clock cut to whole microseconds, PostgreSQL's resolution, so an instant the API
/// returns is exactly the one a later read returns.
/// </summary>
public sealed class StoreTimeProvider : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
