using Npgsql;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Security;

/// <summary>
/// Listens for the notices PostgreSQL sends when what a cache of this process depends on changes (triggers, on commit,
/// whichever process made the change), each cache on its channel: the token checks (<see cref="Accounts.TokenCallers"/>)
/// and the per-language right checks (<see cref="Domain.Documents.RightAnswers"/>). While the connection is down, nothing
/// is kept; it reconnects after a second, and checks the connection when no notice came for a while, so that a connection
/// lost without a word is noticed.
/// </summary>
public sealed class ChangeNoticesListener(NpgsqlDataSource dataSource, IEnumerable<IHearsChanges> caches, TimeProvider clock,
    ILogger<ChangeNoticesListener> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<IHearsChanges> _caches = [.. caches];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notice) =>
                {
                    foreach (var cache in _caches)
                    {
                        if (cache.Channel == notice.Channel)
                        {
                            cache.Heard(notice.Payload);
                        }
                    }
                };
                foreach (var channel in _caches.Select(c => c.Channel).Distinct())
                {
                    await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                foreach (var cache in _caches)
                {
                    cache.Listening(true);
                }
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
                logger.LogWarning(e, "Lost the connection that hears of revoked tokens and rights; checks go to the database until it is back");
            }
            finally
            {
                foreach (var cache in _caches)
                {
                    cache.Listening(false);
                }
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
