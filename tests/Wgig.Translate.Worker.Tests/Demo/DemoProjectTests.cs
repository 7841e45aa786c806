using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker.Demo;

namespace Wgig.Translate.Worker.Tests.Demo;

public sealed class DemoProjectTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task The_demo_loads_once_however_often_the_system_starts()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)));

        var repository = Path.Combine(Path.GetTempPath(), $"demo-papers-{Guid.NewGuid():N}.git");
        for (var start = 0; start < 2; start++)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoProject>().LoadOnceAsync(Samples.MarkdownPath, Path.GetFileName(repository), CancellationToken.None);
        }

        Assert.Equal(["WGIG Preliminary Report 2005"], await database.QueryAsync<string>("SELECT name FROM translate.projects"));
        Assert.Equal([142L], await database.QueryAsync<long>("SELECT count(*) FROM translate.segments"));
        // The first load queued a progress recount for the Worker.
        Assert.Equal([1L], await database.QueryAsync<long>("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%RecountDocumentProgress%'"));
        // Connected to a local Git repository holding the report, for publications without GitHub.
        Assert.Equal([$"LocalGit {Path.GetFileName(repository)} main"],
            await database.QueryAsync<string>("SELECT host || ' ' || name || ' ' || branch FROM translate.repository_connections"));
        using (var git = new LibGit2Sharp.Repository(repository))
        {
            Assert.Equal(["wgig-preliminary-report-2005.md"], git.Branches["main"].Tip.Tree.Select(e => e.Name));
        }
        foreach (var file in new DirectoryInfo(repository).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            file.Attributes = FileAttributes.Normal;
        }
        Directory.Delete(repository, recursive: true);
    }

    [Fact]
    public async Task A_demo_document_that_fails_to_import_leaves_no_half_loaded_project()
    {
        await database.ResetAsync();
        await using var services = WorkerServices.Build(database, TimeProvider.System);
        var empty = Path.Combine(Path.GetTempPath(), $"empty-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(empty, "");
        try
        {
            await using var scope = services.CreateAsyncScope();
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                scope.ServiceProvider.GetRequiredService<DemoProject>().LoadOnceAsync(empty, null, CancellationToken.None));
        }
        finally
        {
            File.Delete(empty);
        }

        Assert.Empty(await database.QueryAsync<string>("SELECT name FROM translate.projects"));
    }
}
