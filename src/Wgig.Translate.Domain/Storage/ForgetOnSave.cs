using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Wgig.Translate.Domain.Storage;

/// <summary>
/// Forgets what a cache of this process kept about the entities a save writes: before the write, again after it, and once
/// more when the save's transaction commits (when it ran in one), so that the next call of this process reads the change
/// even before PostgreSQL's notice arrives, and a call that read the rows between the save and the commit does not keep
/// them.
/// </summary>
public abstract class ForgetOnSave : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<Action>> _saving = [];

    /// <summary>
    /// The interceptor of this kind the store's process registered: none where no process keeps answers (the Worker, set-up
    /// steps), so the caller reads the database as before.
    /// </summary>
    public static TInterceptor? Of<TInterceptor>(DbContext db) where TInterceptor : ForgetOnSave =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<TInterceptor>().FirstOrDefault();

    /// <summary>What to forget when this entity is saved (whatever its state), or null when it concerns nothing kept.</summary>
    protected abstract Action? Forgetting(object entity);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Ended(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context);
        return Task.CompletedTask;
    }

    // Every tracked entity of the save, whatever its state: a change cannot be missed, and reading the states would scan
    // every tracked entity for changes (DetectChanges) once more per save. Forgetting an unchanged one costs one read.
    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        List<Action>? forget = null;
        try
        {
            foreach (var entry in tracker.Entries())
            {
                if (Forgetting(entry.Entity) is { } forgetting)
                {
                    (forget ??= []).Add(forgetting);
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
        if (forget is null)
        {
            return;
        }
        if (_saving.TryGetValue(context, out var earlier))
        {
            earlier.AddRange(forget);
        }
        else
        {
            _saving.Add(context, forget);
        }
        forget.ForEach(f => f());
    }

    // Inside a transaction, what was saved is forgotten again when it commits (or rolls back).
    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var forget))
        {
            return;
        }
        forget.ForEach(f => f());
        if (context.Database.CurrentTransaction is null)
        {
            _saving.Remove(context);
        }
    }

    private void Ended(DbContext? context)
    {
        if (context is not null && _saving.TryGetValue(context, out var forget))
        {
            _saving.Remove(context);
            forget.ForEach(f => f());
        }
    }
}
