using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Wgig.Translate.Domain.Accounts;

namespace Wgig.Translate.Api.Accounts;

/// <summary>
/// Listens for the notices PostgreSQL sends when a token, an account's name, e-mail or disabled state, or its roles change
/// (<see cref="CredentialNotices"/>: triggers, on commit, whichever process made the change) and forgets what
/// <see cref="TokenCallers"/> kept of that account. While the connection is down, nothing is kept; it reconnects after a
/// second, and checks the connection when no notice came for a while, so that a connection lost without a word is noticed.
/// </summary>
public sealed class CredentialChangesListener(NpgsqlDataSource dataSource, TokenCallers callers, TimeProvider clock,
    ILogger<CredentialChangesListener> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notice) =>
                {
                    if (Guid.TryParse(notice.Payload, out var accountId))
                    {
                        callers.Forget(accountId);
                    }
                    else
                    {
                        callers.ForgetAll();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {CredentialNotices.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                callers.Listening(true);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(Idle, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Lost the connection that hears of revoked tokens; token checks go to the database until it is back");
            }
            finally
            {
                callers.Listening(false);
            }
            try
            {
                await Task.Delay(Reconnect, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

/// <summary>
/// Forgets what <see cref="TokenCallers"/> kept of an account as this process saves a change to its tokens, its name,
/// e-mail or disabled state, or its roles: before the write and again after it, so that the next call of this process
/// reads the change even before PostgreSQL's notice arrives.
/// </summary>
public sealed class CredentialChangesInterceptor(TokenCallers callers) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<Guid>> _saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ForgetCollected(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ForgetCollected(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetCollected(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetCollected(eventData.Context);
        return Task.CompletedTask;
    }

    // Every tracked token, account and role of the save, whatever its state: a change cannot be missed, and reading the states
    // would scan every tracked entity for changes (DetectChanges) once more per save. Forgetting an unchanged account costs
    // one token check from the database.
    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        List<Guid>? accounts = null;
        try
        {
            foreach (var entry in tracker.Entries())
            {
                Guid? account = entry.Entity switch
                {
                    ApiToken token => token.AccountId,
                    Account changed => changed.Id,
                    IdentityUserRole<Guid> role => role.UserId,
                    _ => null,
                };
                if (account is { } id)
                {
                    (accounts ??= []).Add(id);
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
        if (accounts is null)
        {
            return;
        }
        _saving.AddOrUpdate(context, accounts);
        accounts.ForEach(callers.Forget);
    }

    private void ForgetCollected(DbContext? context)
    {
        if (context is not null && _saving.TryGetValue(context, out var accounts))
        {
            _saving.Remove(context);
            accounts.ForEach(callers.Forget);
        }
    }
}
