using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Worker.Tests.Jobs;

/// <summary>
/// The lock that keeps a project's syncs (and publications) one at a time across Workers. Each "Worker" here is
/// a service provider of its own, with its own connection pool; a Worker whose process dies is one whose
/// connections are reset, through a TCP gate the test cuts. The fault harness (bench/) kills real Worker
/// processes inside the jobs.
/// </summary>
public sealed class ProjectLocksTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly Dictionary<string, string?> ShortWait = new() { ["Jobs:ProjectLockWait"] = "00:00:01" };

    [Fact]
    public async Task A_second_run_waits_while_a_live_worker_holds_the_lock_and_gives_up_after_the_stated_wait()
    {
        await using var first = WorkerServices.Build(database, TimeProvider.System, ShortWait);
        await using var second = WorkerServices.Build(database, TimeProvider.System, ShortWait);
        var projectId = Guid.NewGuid();

        await using (await first.GetRequiredService<ProjectLocks>().AcquireAsync(ProjectWork.Sync, projectId, CancellationToken.None))
        {
            await Assert.ThrowsAsync<ProjectLockTimeoutException>(() =>
                second.GetRequiredService<ProjectLocks>().AcquireAsync(ProjectWork.Sync, projectId, CancellationToken.None));
            // Other work, and other projects, are not held up.
            await (await second.GetRequiredService<ProjectLocks>().AcquireAsync(ProjectWork.Publish, projectId, CancellationToken.None)).DisposeAsync();
            await (await second.GetRequiredService<ProjectLocks>().AcquireAsync(ProjectWork.Sync, Guid.NewGuid(), CancellationToken.None)).DisposeAsync();
        }

        // Released by the holder: the next run takes it at once.
        await (await second.GetRequiredService<ProjectLocks>().AcquireAsync(ProjectWork.Sync, projectId, CancellationToken.None)).DisposeAsync();
    }

    [Fact]
    public async Task The_lock_of_a_worker_whose_connections_died_is_free_at_once_not_after_a_timeout()
    {
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var gate = new TcpGate(server.Host!, server.Port);
        var throughGate = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = gate.Port }.ConnectionString;
        await using var doomed = WorkerServices.Build(database, TimeProvider.System,
            new Dictionary<string, string?> { ["ConnectionStrings:Translation"] = throughGate });
        await using var survivor = WorkerServices.Build(database, TimeProvider.System,
            new Dictionary<string, string?> { ["Jobs:ProjectLockWait"] = "00:00:30" });
        var projectId = Guid.NewGuid();
        var held = await doomed.GetRequiredService<ProjectLocks>().AcquireAsync(ProjectWork.Publish, projectId, CancellationToken.None);

        gate.Cut(); // the holder's sockets are reset, as its kernel does when the process is killed
        var waited = Stopwatch.StartNew();
        await (await survivor.GetRequiredService<ProjectLocks>().AcquireAsync(ProjectWork.Publish, projectId, CancellationToken.None)).DisposeAsync();
        waited.Stop();

        // PostgreSQL ends the session as soon as it sees the socket closed (Hangfire's lock row would have stayed ten minutes).
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"took {waited.Elapsed}");
        await held.DisposeAsync(); // the dead holder's release finds its session gone and says nothing
    }

    [Fact]
    public void Each_kind_of_work_on_each_project_has_its_own_key()
    {
        var project = Guid.NewGuid();

        Assert.NotEqual(ProjectLocks.Key(ProjectWork.Sync, project), ProjectLocks.Key(ProjectWork.Publish, project));
        Assert.NotEqual(ProjectLocks.Key(ProjectWork.Sync, project), ProjectLocks.Key(ProjectWork.Sync, Guid.NewGuid()));
        Assert.Equal(ProjectLocks.Key(ProjectWork.Sync, project), ProjectLocks.Key(ProjectWork.Sync, project));
    }
}
