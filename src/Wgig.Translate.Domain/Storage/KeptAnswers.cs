using System.Collections.Concurrent;

namespace Wgig.Translate.Domain.Storage;

/// <summary>
/// A cache that hears of changes from PostgreSQL: a channel whose notices (from triggers, on commit, whichever process
/// made the change) say what to forget. One listener per API process serves every such cache.
/// </summary>
public interface IHearsChanges
{
    /// <summary>The channel to LISTEN on.</summary>
    string Channel { get; }

    /// <summary>A notice of the channel arrived, with its payload.</summary>
    void Heard(string payload);

    /// <summary>Whether notices arrive (the listener is connected and listening) or may be missed.</summary>
    void Listening(bool listening);
}

/// <summary>
/// Answers of security checks read from the database, kept by one process for at most <see cref="MaxAge"/> so that a
/// volunteer's repeat calls do not each pay a round trip for the same answer, and forgotten as what they depend on changes:
/// by the process that saves the change, and in every process when PostgreSQL's notice arrives. Nothing is kept or used
/// while notices may be missed (<see cref="Listening"/> false).
/// </summary>
public abstract class KeptAnswers<TKey, TAnswer> where TKey : notnull
{
    /// <summary>The longest an entry is used: the bound on a change whose notice was lost with a connection that seemed alive.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    // Far more than the live entries of any team; beyond it, the cache starts again rather than grow.
    private const int MaxEntries = 10_000;

    private sealed record Entry(TAnswer Answer, DateTimeOffset ReadAt);

    private readonly ConcurrentDictionary<TKey, Entry> _entries;
    private long _changes;
    private volatile bool _listening;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly TimeProvider _clock;

    protected KeptAnswers(TimeProvider clock, IEqualityComparer<TKey>? comparer = null)
    {
        _clock = clock;
        _entries = new(comparer);
    }

    /// <summary>Completes when notices of changes arrive (again): from then on, answers are kept.</summary>
    public Task Connected => Volatile.Read(ref _connected).Task;

    /// <summary>Counts the changes forgotten so far; read before reading an answer from the database, given back to <see cref="Remember"/>.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>Raised after the entries of one id (an account, a project) were forgotten, or all of them (with null).</summary>
    public event Action<Guid?>? Forgotten;

    /// <summary>The time to give <see cref="Remember"/>: read before the database is.</summary>
    public DateTimeOffset Now => _clock.GetUtcNow();

    public bool TryGet(TKey key, out TAnswer answer)
    {
        if (_listening && _entries.TryGetValue(key, out var entry) && _clock.GetUtcNow() - entry.ReadAt < MaxAge)
        {
            answer = entry.Answer;
            return true;
        }
        answer = default!;
        return false;
    }

    /// <summary>
    /// Keeps an answer read from the database, unless a change was forgotten since <paramref name="changesBeforeRead"/>: the
    /// read may have seen the rows before that change, and the change's notice has already gone by.
    /// </summary>
    public void Remember(TKey key, TAnswer answer, long changesBeforeRead, DateTimeOffset readAt)
    {
        if (!_listening || Changes != changesBeforeRead)
        {
            return;
        }
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = new Entry(answer, readAt);
        // A change forgotten between the check above and the store: its Forget may have run before the store, so undo it.
        if (Changes != changesBeforeRead)
        {
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>Reads a notice's payload "prefix" + id (an account's, a project's); false when it names none of that kind.</summary>
    protected static bool TryReadId(string payload, string prefix, out Guid id)
    {
        id = Guid.Empty;
        return payload.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(payload.AsSpan(prefix.Length), out id);
    }

    /// <summary>Forgets the entries <paramref name="concerned"/> says depend on <paramref name="id"/>.</summary>
    protected void Forget(Guid id, Func<TKey, TAnswer, bool> concerned)
    {
        Interlocked.Increment(ref _changes);
        foreach (var (key, entry) in _entries)
        {
            if (concerned(key, entry.Answer))
            {
                _entries.TryRemove(key, out _);
            }
        }
        Forgotten?.Invoke(id);
    }

    /// <summary>Forgets everything.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _changes);
        _entries.Clear();
        Forgotten?.Invoke(null);
    }

    /// <summary>
    /// Whether notices of changes arrive: when the listener connects (after it listens) everything kept before is forgotten,
    /// since notices may have been missed meanwhile; while it is not connected, nothing is kept or used.
    /// </summary>
    public void Listening(bool listening)
    {
        if (!listening)
        {
            _listening = false;
            if (Volatile.Read(ref _connected).Task.IsCompleted)
            {
                Volatile.Write(ref _connected, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }
        }
        ForgetAll();
        if (listening)
        {
            _listening = true;
            Volatile.Read(ref _connected).TrySetResult();
        }
    }
}
