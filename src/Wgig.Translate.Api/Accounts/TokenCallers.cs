using System.Collections.Concurrent;
using Wgig.Translate.Domain.Accounts;

namespace Wgig.Translate.Api.Accounts;

/// <summary>Who a bearer token belongs to, as the token check reads it: the token, the account and its roles.</summary>
public sealed record TokenCaller(ApiToken Token, Guid AccountId, string? UserName, string? Email, DateTimeOffset? DisabledAt, List<string> Roles);

/// <summary>
/// The bearer-token checks of this API process, kept for a few seconds so that a volunteer's calls (a draft saved every few
/// seconds, claims, submissions) do not each pay a database round trip for the same answer. Revocation stays prompt:
/// a change to a token, an account's name, e-mail or disabled state, or its roles, is forgotten here as this process saves
/// it (<see cref="CredentialChangesInterceptor"/>), and in every API process when PostgreSQL tells it
/// (<see cref="CredentialChangesListener"/>, a trigger's NOTIFY on commit, whoever made the change). Nothing is kept while
/// that listener is not connected, and no entry is used after <see cref="MaxAge"/> whatever happens. Expiry and the
/// disabled state are judged on every call from what is kept.
/// </summary>
public sealed class TokenCallers(TimeProvider clock)
{
    /// <summary>The longest an entry is used: the bound on a revocation whose notice was lost with a connection that seemed alive.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    // Far more than the live tokens of any team; beyond it, the cache starts again rather than grow.
    private const int MaxEntries = 10_000;

    private sealed record Entry(TokenCaller Caller, DateTimeOffset ReadAt);

    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);
    private long _changes;
    private volatile bool _listening;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when notices of changes arrive (again): from then on, checks are kept.</summary>
    public Task Connected => Volatile.Read(ref _connected).Task;

    /// <summary>Counts the changes forgotten so far; read before reading a caller from the database, given back to <see cref="Remember"/>.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>Raised after an account's entries were forgotten (with its id), or all of them (with null).</summary>
    public event Action<Guid?>? Forgotten;

    public bool TryGet(string hash, out TokenCaller caller)
    {
        if (_listening && _byHash.TryGetValue(hash, out var entry) && clock.GetUtcNow() - entry.ReadAt < MaxAge)
        {
            caller = entry.Caller;
            return true;
        }
        caller = null!;
        return false;
    }

    /// <summary>
    /// Keeps a caller read from the database, unless a change was forgotten since <paramref name="changesBeforeRead"/>: the
    /// read may have seen the row before that change, and the change's notice has already gone by.
    /// </summary>
    public void Remember(string hash, TokenCaller caller, long changesBeforeRead, DateTimeOffset readAt)
    {
        if (!_listening || Changes != changesBeforeRead)
        {
            return;
        }
        if (_byHash.Count >= MaxEntries)
        {
            _byHash.Clear();
        }
        _byHash[hash] = new Entry(caller, readAt);
        // A change forgotten between the check above and the store: its Forget may have run before the store, so undo it.
        if (Changes != changesBeforeRead)
        {
            _byHash.TryRemove(hash, out _);
        }
    }

    /// <summary>Forgets what is kept of one account's tokens.</summary>
    public void Forget(Guid accountId)
    {
        Interlocked.Increment(ref _changes);
        foreach (var (hash, entry) in _byHash)
        {
            if (entry.Caller.AccountId == accountId)
            {
                _byHash.TryRemove(hash, out _);
            }
        }
        Forgotten?.Invoke(accountId);
    }

    /// <summary>Forgets everything.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _changes);
        _byHash.Clear();
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
