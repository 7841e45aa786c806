using LibGit2Sharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Security;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker.Publishing;

namespace Wgig.Translate.Worker.Tests.Publishing;

/// <summary>
/// The settings page's "test connection": the Worker asks the real gateway (Octokit against the fake GitHub, LibGit2Sharp on a
/// local repository) for the branch's head with the stored credentials, and records what it found on the connection.
/// </summary>
public sealed class CheckRepositoryConnectionTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
    private FakeGitHub _github = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHub.StartAsync(new Dictionary<string, string> { ["papers/en/report.md"] = "# Report\n\nThe group met in Geneva.\n" });
        _services = WorkerServices.Build(database, _clock, new Dictionary<string, string?> { ["GitHub:RetryDelays:0"] = "00:00:00.010" });
        await database.ResetAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _github.DisposeAsync();
    }

    private async Task<Guid> ConnectAsync(RepositoryHost host, string name, string branch = "main", string token = "token-1", bool requestCheck = true) =>
        await _services.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            var project = Project.Create($"Papers {Guid.NewGuid():N}", "en", ["fr"], _clock.GetUtcNow()).Value!;
            db.Projects.Add(project);
            var connection = RepositoryConnection.Connect(project.Id, host, host == RepositoryHost.GitHub ? FakeGitHub.Owner : null, name, branch,
                "papers/en/**/*.md", "papers/{lang}/{path}", WriteMode.Direct, false, false, host == RepositoryHost.GitHub ? _github.BaseUrl : null,
                host == RepositoryHost.GitHub ? token : null, null, _clock.GetUtcNow(), s.GetRequiredService<ICredentialProtector>(),
                allowedApiHosts: ["127.0.0.1"]).Value!;
            if (requestCheck)
            {
                connection.RequestCheck(_clock.GetUtcNow());
            }
            db.RepositoryConnections.Add(connection);
            await db.SaveChangesAsync();
            return project.Id;
        });

    private Task<ConnectionCheckOutcome?> RunAsync(Guid projectId) =>
        _services.InScopeAsync(s => s.GetRequiredService<CheckRepositoryConnection>().RunAsync(projectId, CancellationToken.None));

    private Task<RepositoryConnection> StoredAsync(Guid projectId) =>
        _services.InScopeAsync(s => s.GetRequiredService<TranslationDb>().RepositoryConnections.AsNoTracking().SingleAsync(c => c.ProjectId == projectId));

    [Fact]
    public async Task A_github_connection_whose_token_is_accepted_is_reached_at_the_head_of_its_branch()
    {
        var project = await ConnectAsync(RepositoryHost.GitHub, FakeGitHub.Name);
        _clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(ConnectionCheckOutcome.Reached, await RunAsync(project));

        var stored = await StoredAsync(project);
        using var repository = new Repository(_github.RepositoryPath);
        Assert.Equal((ConnectionCheckOutcome.Reached, repository.Branches["main"].Tip.Sha, _clock.GetUtcNow()), (stored.CheckOutcome, stored.CheckDetail, stored.CheckedAt));
        Assert.False(stored.CheckPending);
    }

    [Fact]
    public async Task A_token_github_refuses_is_recorded_as_refused_with_the_reason_and_never_the_token()
    {
        _github.RequireToken("the-right-token");
        var project = await ConnectAsync(RepositoryHost.GitHub, FakeGitHub.Name, token: "a-wrong-token");

        Assert.Equal(ConnectionCheckOutcome.Refused, await RunAsync(project));

        var stored = await StoredAsync(project);
        Assert.Contains("401", stored.CheckDetail, StringComparison.Ordinal);
        Assert.DoesNotContain("a-wrong-token", stored.CheckDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_branch_that_does_not_exist_is_refused()
    {
        var project = await ConnectAsync(RepositoryHost.GitHub, FakeGitHub.Name, branch: "no-such-branch");

        Assert.Equal(ConnectionCheckOutcome.Refused, await RunAsync(project));

        Assert.Contains("'no-such-branch' does not exist", (await StoredAsync(project)).CheckDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_repository_is_reached_when_it_exists_below_the_root_and_refused_when_it_does_not()
    {
        var name = $"check-{Guid.NewGuid():N}.git";
        Repository.Init(Path.Combine(Path.GetTempPath(), name), isBare: true);
        using (var repository = new Repository(Path.Combine(Path.GetTempPath(), name)))
        {
            var signature = new Signature("Someone", "someone@example.org", DateTimeOffset.UtcNow);
            repository.Refs.Add("refs/heads/main", repository.ObjectDatabase.CreateCommit(signature, signature, "Empty",
                repository.ObjectDatabase.CreateTree(new TreeDefinition()), [], false).Id);
        }
        var present = await ConnectAsync(RepositoryHost.LocalGit, name);
        var missing = await ConnectAsync(RepositoryHost.LocalGit, $"missing-{Guid.NewGuid():N}.git");

        Assert.Equal(ConnectionCheckOutcome.Reached, await RunAsync(present));
        Assert.Equal(ConnectionCheckOutcome.Refused, await RunAsync(missing));
        Assert.Contains("no Git repository there", (await StoredAsync(missing)).CheckDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_runs_once_and_a_test_of_a_connection_changed_since_it_was_asked_records_nothing()
    {
        var project = await ConnectAsync(RepositoryHost.GitHub, FakeGitHub.Name);
        Assert.Equal(ConnectionCheckOutcome.Reached, await RunAsync(project));
        var calls = _github.Calls.Count;
        Assert.Null(await RunAsync(project));
        Assert.Equal(calls, _github.Calls.Count);

        var changed = await ConnectAsync(RepositoryHost.GitHub, FakeGitHub.Name);
        await _services.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            var connection = await db.RepositoryConnections.SingleAsync(c => c.ProjectId == changed);
            connection.Change(RepositoryConnection.Connect(changed, RepositoryHost.GitHub, FakeGitHub.Owner, FakeGitHub.Name, "other", "papers/en/**/*.md",
                "papers/{lang}/{path}", WriteMode.Direct, false, false, _github.BaseUrl, "token-1", null, _clock.GetUtcNow(),
                s.GetRequiredService<ICredentialProtector>(), allowedApiHosts: ["127.0.0.1"]).Value!, _clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        Assert.Null(await RunAsync(changed));
        var stored = await StoredAsync(changed);
        Assert.Equal((null, null, null), (stored.CheckRequestedAt, stored.CheckedAt, stored.CheckOutcome));
    }
}
