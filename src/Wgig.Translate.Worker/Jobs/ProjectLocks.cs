using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Wgig.Translate.Worker.Jobs;

/// <summary>The kinds of work that run one at a time per project, whichever Worker runs them.</summary>
public enum ProjectWork
{
    /// <summary>Reading the project's sources from its repository.</summary>
    Sync,

    /// <summary>Committing a publication to the project's repository.</summary>
    Publish,
}

/// <summary>A lock another run of the same work still held after <see cref="JobOptions.ProjectLockWait"/>; Hangfire retries the job later.</summary>
public sealed class ProjectLockTimeoutException(ProjectWork work, Guid projectId, TimeSpan waited)
    : Exception($"Another Worker has been running the {work.ToString().ToLowerInvariant()} of project {projectId} for longer than {waited}; this run tries again later.");

/// <summary>
/// One run at a time per project and kind of work, across every Worker on the database, through a PostgreSQL
/// session advisory lock held on a connection of the run's own. The lock lives exactly as long as that session:
/// when the holder's process dies, its kernel closes the socket, PostgreSQL ends the session and the lock is free
/// at once; when the holder's whole machine vanishes, the session's TCP keepalives (set on the lock's connection)
/// end it within <see cref="DeadHostBound"/>. Unlike Hangfire's <c>DisableConcurrentExecution</c>, whose lock row
/// a killed Worker leaves behind for ten minutes, nothing outlives the process that took it.
/// </summary>
/// <remarks>
/// Losing the connection (a database restart) loses the lock while the run goes on; the work it guards is safe
/// to overlap (imports are all or nothing per file, a publication never makes a second commit), so the lock
/// saves duplicated effort, it does not carry correctness.
/// </remarks>
public sealed class ProjectLocks(NpgsqlDataSource dataSource, IOptions<JobOptions> options, ILogger<ProjectLocks> logger)
{
    private const int KeepaliveIdleSeconds = 10, KeepaliveIntervalSeconds = 5, KeepaliveCount = 3;

    /// <summary>How long after its machine vanished a holder's lock is freed by PostgreSQL (TCP keepalive: idle, then unanswered probes).</summary>
    public static readonly TimeSpan DeadHostBound = TimeSpan.FromSeconds(KeepaliveIdleSeconds + KeepaliveIntervalSeconds * KeepaliveCount);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>Takes the lock, waiting while a live run holds it, for at most <see cref="JobOptions.ProjectLockWait"/>.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(ProjectWork work, Guid projectId, CancellationToken cancellationToken)
    {
        var key = Key(work, projectId);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var keepalive = new NpgsqlCommand(
                $"SET tcp_keepalives_idle = {KeepaliveIdleSeconds}; SET tcp_keepalives_interval = {KeepaliveIntervalSeconds}; SET tcp_keepalives_count = {KeepaliveCount}",
                connection))
            {
                await keepalive.ExecuteNonQueryAsync(cancellationToken);
            }
            var waited = System.Diagnostics.Stopwatch.StartNew();
            var logged = false;
            while (!await TryLockAsync(connection, key, cancellationToken))
            {
                if (waited.Elapsed >= options.Value.ProjectLockWait)
                {
                    throw new ProjectLockTimeoutException(work, projectId, options.Value.ProjectLockWait);
                }
                if (!logged)
                {
                    logger.LogInformation("The {Work} of project {Project} waits for another run of it to finish", work, projectId);
                    logged = true;
                }
                await Task.Delay(Poll, cancellationToken);
            }
            return new Held(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // One 64-bit key per (kind, project); a constant prefix keeps them apart from any other advisory lock user.
    public static long Key(ProjectWork work, Guid projectId) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"wgig-translate:{work}:{projectId:N}")));

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = key } } };
                await command.ExecuteScalarAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // The session is gone, and its lock with it.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
