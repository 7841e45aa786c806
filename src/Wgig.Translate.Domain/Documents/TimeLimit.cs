namespace Wgig.Translate.Domain.Documents;

/// <summary>
/// Work on a thread of its own under a time limit. At the limit the caller gets its answer at once, and the work is told
/// to stop through its token: work that checks the token as it goes does not keep a processor busy after its caller has
/// moved on. Work that never checks it runs to its end, unheard.
/// </summary>
internal static class TimeLimit
{
    public static async Task<(bool InTime, T? Value)> RunAsync<T>(Func<CancellationToken, T> work, TimeSpan limit,
        CancellationToken cancellationToken)
    {
        // Disposed when the answer goes out, perhaps before the work has looked at its token: the token is taken first, and
        // the token of a source that was cancelled stays cancelled after the source is disposed.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var running = Task.Run(() => work(token), token);
        try
        {
            return (true, await running.WaitAsync(limit, cancellationToken));
        }
        catch (TimeoutException)
        {
            await stop.CancelAsync();
            return (false, default);
        }
    }
}
