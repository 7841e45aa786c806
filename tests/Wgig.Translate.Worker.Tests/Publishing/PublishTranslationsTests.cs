using System.Text;
using LibGit2Sharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Security;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Tests;
using Wgig.Translate.Worker.Publishing;

namespace Wgig.Translate.Worker.Tests.Publishing;

/// <summary>
/// Publishing through Octokit against the fake GitHub (a real bare repository behind GitHub's REST shapes):
/// one commit per publication with the files, message and trailers asserted on the repository itself;
/// pull requests created once and updated; retries that never make a second commit; the host's failures.
/// </summary>
[RunsLong(9)]
public sealed class PublishTranslationsTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Bo = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Sam = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private FakeGitHub _github = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHub.StartAsync(new Dictionary<string, string>
        {
            ["README.md"] = "The WGIG papers.\n",
            ["papers/en/report.md"] = "# Report\n\nThe group met in Geneva. It wrote a report.\n\nThe report has two parts.\n",
            ["papers/en/annex/glossary.md"] = "# Glossary\n\nInternet governance is a term.\n",
        });
        _services = WorkerServices.Build(database, _clock, new Dictionary<string, string?>
        {
            ["GitHub:RetryDelays:0"] = "00:00:00.010",
            ["GitHub:RetryDelays:1"] = "00:00:00.010",
        });
        await database.ResetAsync();
        await database.InsertAccountAsync(Ana, "Ana");
        await database.InsertAccountAsync(Bo, "Bo");
        await database.InsertAccountAsync(Sam, "Sam", "secretariat");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _github.DisposeAsync();
    }

    private Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> run) => _services.InScopeAsync(run);

    private ICredentialProtector Protector => _services.GetRequiredService<ICredentialProtector>();

    // A project connected to the fake, its sources synced from it, and French approved in full for the report.
    private async Task<Guid> SetUpAsync(WriteMode mode = WriteMode.PullRequest, bool approveGlossary = false, bool connect = true)
    {
        var projectId = await InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            var project = Project.Create("WGIG papers", "en", ["fr", "es"], _clock.GetUtcNow()).Value!;
            db.Projects.Add(project);
            if (connect)
            {
                db.RepositoryConnections.Add(RepositoryConnection.Connect(project.Id, RepositoryHost.GitHub, FakeGitHub.Owner, FakeGitHub.Name, "main",
                    "papers/en/**/*.md", "papers/{lang}/{path}", mode, false, false, _github.BaseUrl, "token-1", "hook-secret", _clock.GetUtcNow(), Protector,
                    allowedApiHosts: ["127.0.0.1"]).Value!);
            }
            await db.SaveChangesAsync();
            return project.Id;
        });
        if (connect)
        {
            await SyncAndApproveAsync(projectId, approveGlossary);
        }
        return projectId;
    }

    private async Task SyncAndApproveAsync(Guid projectId, bool approveGlossary)
    {
        var summary = await InScopeAsync(s => s.GetRequiredService<SyncRepository>().RunAsync(projectId, CancellationToken.None));
        Assert.Equal((2, 0, 0), (summary!.Added, summary.Updated, summary.Unchanged));
        await ApproveAsync(projectId, "papers/en/report.md", "fr");
        if (approveGlossary)
        {
            await ApproveAsync(projectId, "papers/en/annex/glossary.md", "fr");
        }
    }

    // Ana translates every segment, Bo approves it: the credits come from this history.
    private Task<int> ApproveAsync(Guid projectId, string path, string language) => InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<TranslationDb>();
        var now = _clock.GetUtcNow();
        var segments = await db.Segments.Where(x => db.Documents.Any(d => d.Id == x.DocumentId && d.Path == path && d.ProjectId == projectId))
            .Where(x => x.RetiredInVersion == null).ToListAsync();
        foreach (var segment in segments)
        {
            var target = await db.Targets.SingleAsync(t => t.SegmentId == segment.Id && t.Language == language);
            TestWork.Approve(db, target, Ana, Bo, SegmentContent.FromText($"{language}: {segment.Content.PlainText}"), segment.Content, now);
        }
        return await db.SaveChangesAsync();
    });

    private async Task<Publication> PublishAsync(Guid projectId, params string[] languages)
    {
        var publicationId = await RequestAsync(projectId, languages);
        await RunAsync(publicationId);
        return await InScopeAsync(s => s.GetRequiredService<TranslationDb>().Publications.AsNoTracking().SingleAsync(p => p.Id == publicationId));
    }

    private Task<Guid> RequestAsync(Guid projectId, params string[] languages) =>
        InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            var number = (await db.Publications.Where(p => p.ProjectId == projectId).MaxAsync(p => (int?)p.Number) ?? 0) + 1;
            var publication = Publication.Request(projectId, number, Sam, languages, [], _clock.GetUtcNow());
            db.Publications.Add(publication);
            await db.SaveChangesAsync();
            return publication.Id;
        });

    private Task<PublicationStatus> RunAsync(Guid publicationId) =>
        InScopeAsync(s => s.GetRequiredService<PublishTranslations>().RunAsync(publicationId, CancellationToken.None));

    private string Read(string branch, string path)
    {
        using var repository = new Repository(_github.RepositoryPath);
        var blob = (Blob?)repository.Branches[branch]?.Tip[path]?.Target;
        return blob?.GetContentText() ?? "";
    }

    private int CommitCount(string branch)
    {
        using var repository = new Repository(_github.RepositoryPath);
        return repository.Branches[branch]?.Commits.Count() ?? 0;
    }

    [Fact]
    public async Task A_publication_is_one_commit_on_the_l10n_branch_with_a_pull_request_crediting_everyone()
    {
        var projectId = await SetUpAsync();
        _github.ResetCalls();

        var publication = await PublishAsync(projectId, "fr", "es");

        Assert.Equal(PublicationStatus.Published, publication.Status);
        const string branch = "l10n/wgig-papers/fr+es";
        Assert.Equal(branch, publication.Branch);
        Assert.Equal(2, CommitCount(branch)); // the initial commit and the publication
        Assert.Equal(1, CommitCount("main"));
        Assert.Equal("# fr: Report\n\nfr: The group met in Geneva. fr: It wrote a report.\n\nfr: The report has two parts.\n", Read(branch, "papers/fr/report.md"));
        Assert.Equal("", Read(branch, "papers/fr/annex/glossary.md")); // not approved: not published
        Assert.Equal("", Read(branch, "papers/es/report.md"));
        Assert.Equal("The WGIG papers.\n", Read(branch, "README.md"));
        using (var repository = new Repository(_github.RepositoryPath))
        {
            var commit = repository.Branches[branch].Tip;
            Assert.Equal(publication.CommitSha, commit.Sha);
            Assert.Equal(publication.TreeSha, commit.Tree.Sha);
            Assert.Equal($"""
                Publish WGIG papers translations (fr, es)

                Publication 1 of approved translations by Wgig.Translate:
                - papers/fr/report.md (fr, 4 segments)

                Co-authored-by: Ana <{Ana:N}@users.noreply.wgig-translate.org>
                Co-authored-by: Bo <{Bo:N}@users.noreply.wgig-translate.org>
                Wgig-Publication: {publication.Id}

                """.Replace("\r\n", "\n", StringComparison.Ordinal), commit.Message);
        }
        var pull = Assert.Single(_github.PullRequests);
        Assert.Equal((1, "open", branch, "main"), ((int)pull["number"]!, (string)pull["state"]!, (string)pull["head"]!["ref"]!, (string)pull["base"]!["ref"]!));
        Assert.Contains("| `papers/fr/report.md` | fr | 4 | Ana | Bo |", (string)pull["body"]!, StringComparison.Ordinal);
        Assert.Contains("`papers/en/annex/glossary.md` (fr): 0 of 2 segments approved", (string)pull["body"]!, StringComparison.Ordinal);
        Assert.Equal((1, $"{_github.BaseUrl}/wgig/papers/pull/1"), (publication.PullRequestNumber, publication.PullRequestUrl));
        Assert.Equal(3, publication.LeftOut.Count);
        Assert.Equal([$"Publication 1 of WGIG papers is committed ({publication.CommitSha![..7]} on {branch}); pull request: {_github.BaseUrl}/wgig/papers/pull/1. 1 file(s), 3 left out."],
            await database.QueryAsync<string>($"SELECT text FROM translate.notifications WHERE account_id = '{Sam}' AND kind = 'PublicationFinished'"));
        Assert.Equal(["GET /api/v3/repos/wgig/papers/git/refs/heads/main", "GET /api/v3/repos/wgig/papers/git/commits/" + Parent(publication),
            "POST /api/v3/repos/wgig/papers/git/trees", "POST /api/v3/repos/wgig/papers/git/commits", "POST /api/v3/repos/wgig/papers/git/refs",
            "POST /api/v3/repos/wgig/papers/pulls"], _github.Calls);
    }

    [Fact]
    public async Task A_second_publication_adds_one_commit_and_updates_the_same_pull_request_in_six_calls()
    {
        var projectId = await SetUpAsync();
        await PublishAsync(projectId, "fr", "es");
        await ApproveAsync(projectId, "papers/en/annex/glossary.md", "fr");
        _github.ResetCalls();

        var second = await PublishAsync(projectId, "fr", "es");

        Assert.Equal(PublicationStatus.Published, second.Status);
        Assert.Equal(3, CommitCount(second.Branch!));
        Assert.Equal("# fr: Glossary\n\nfr: Internet governance is a term.\n", Read(second.Branch!, "papers/fr/annex/glossary.md"));
        var pull = Assert.Single(_github.PullRequests);
        Assert.Contains("publication 2", (string)pull["body"]!, StringComparison.Ordinal);
        Assert.Equal(1, second.PullRequestNumber);
        Assert.Equal(["GET /api/v3/repos/wgig/papers/git/refs/heads/l10n/wgig-papers/fr+es", "GET /api/v3/repos/wgig/papers/git/commits/" + Parent(second),
            "POST /api/v3/repos/wgig/papers/git/trees", "POST /api/v3/repos/wgig/papers/git/commits", "PATCH /api/v3/repos/wgig/papers/git/refs/heads/l10n/wgig-papers/fr+es",
            "PATCH /api/v3/repos/wgig/papers/pulls/1"], _github.Calls);
    }

    private string Parent(Publication publication)
    {
        using var repository = new Repository(_github.RepositoryPath);
        return repository.Lookup<LibGit2Sharp.Commit>(publication.CommitSha).Parents.Single().Sha;
    }

    [Fact]
    public async Task Publishing_the_same_files_again_makes_no_commit_and_a_rerun_after_a_crash_recognises_its_own()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        var first = await PublishAsync(projectId, "fr");
        Assert.Equal((PublicationStatus.Published, "main"), (first.Status, first.Branch));
        Assert.Equal(2, CommitCount("main"));

        var again = await PublishAsync(projectId, "fr");
        Assert.Equal((PublicationStatus.Unchanged, first.TreeSha, (string?)null), (again.Status, again.TreeSha, again.CommitSha));
        Assert.Equal(2, CommitCount("main"));

        // The Worker crashed after moving the ref, before recording it: the rerun finds its own commit.
        await database.ExecuteAsync($"UPDATE translate.publications SET status = 'Queued', commit_sha = NULL, completed_at = NULL WHERE id = '{first.Id}'");
        Assert.Equal(PublicationStatus.Published, await RunAsync(first.Id));
        Assert.Equal(2, CommitCount("main"));
        Assert.Equal(first.CommitSha, (await InScopeAsync(s => s.GetRequiredService<TranslationDb>().Publications.SingleAsync(p => p.Id == first.Id))).CommitSha);
    }

    [Fact]
    public async Task A_rerun_after_a_crash_finds_its_commit_under_later_ones_and_makes_no_second()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        var first = await PublishAsync(projectId, "fr");
        // While the crashed Worker's job waited to be picked up again, someone pushed and more work was approved.
        _github.Commit("main", "A push from elsewhere", new Dictionary<string, string> { ["NEWS.md"] = "Pushed meanwhile.\n" });
        await ApproveAsync(projectId, "papers/en/annex/glossary.md", "fr");
        await database.ExecuteAsync($"UPDATE translate.publications SET status = 'Queued', commit_sha = NULL, completed_at = NULL WHERE id = '{first.Id}'");
        _github.ResetCalls();

        Assert.Equal(PublicationStatus.Published, await RunAsync(first.Id));

        Assert.Equal(3, CommitCount("main")); // initial, the publication, the push: no second commit of the publication
        Assert.Equal(first.CommitSha, (await InScopeAsync(s => s.GetRequiredService<TranslationDb>().Publications.SingleAsync(p => p.Id == first.Id))).CommitSha);
        Assert.Equal("", Read("main", "papers/fr/annex/glossary.md"));
        Assert.Equal(["GET /api/v3/repos/wgig/papers/commits"], _github.Calls); // one call, made only on a rerun
    }

    [Fact]
    public async Task A_push_meanwhile_is_built_upon_never_overwritten()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        _github.Inject("PATCH", "/git/refs/heads/main", Fault.ConcurrentPush);

        var publication = await PublishAsync(projectId, "fr");

        Assert.Equal(PublicationStatus.Published, publication.Status);
        Assert.Equal(3, CommitCount("main")); // initial, the other push, ours on top of it
        Assert.Equal("Pushed meanwhile.\n", Read("main", "NEWS.md"));
        Assert.StartsWith("# fr: Report\n\nfr: ", Read("main", "papers/fr/report.md"), StringComparison.Ordinal);
        Assert.Equal(2, _github.Calls.Count(c => c.StartsWith("POST /api/v3/repos/wgig/papers/git/commits", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Server_errors_and_a_dropped_connection_are_retried_and_still_make_one_commit()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        _github.Inject("POST", "/git/trees", Fault.ServerError);
        _github.Inject("POST", "/git/commits", Fault.DropConnection);
        _github.Inject("PATCH", "/git/refs/heads/main", Fault.ServerError);

        var publication = await PublishAsync(projectId, "fr");

        Assert.Equal(PublicationStatus.Published, publication.Status);
        Assert.Equal(2, CommitCount("main"));
        Assert.Equal(publication.CommitSha, Tip("main"));
    }

    [Fact]
    public async Task A_host_failing_every_time_ends_the_publication_as_failed_with_the_reason_instead_of_retrying_for_ever()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        var publicationId = await RequestAsync(projectId, "fr");
        for (var i = 0; i < 4; i++) // more than the gateway's own retries within one run
        {
            _github.Inject("POST", "/git/trees", Fault.ServerError);
        }
        await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(publicationId)); // a run that fails is retried by Hangfire
        // Runs until the last one allowed went the same way.
        await database.ExecuteAsync($"UPDATE translate.publications SET attempts = {PublishTranslations.MaxAttempts - 1} WHERE id = '{publicationId}'");
        for (var i = 0; i < 4; i++)
        {
            _github.Inject("POST", "/git/trees", Fault.ServerError);
        }
        var last = await RunAsync(publicationId);

        Assert.Equal(PublicationStatus.Failed, last);
        var failed = await InScopeAsync(s => s.GetRequiredService<TranslationDb>().Publications.AsNoTracking().SingleAsync(p => p.Id == publicationId));
        Assert.StartsWith($"Gave up after {PublishTranslations.MaxAttempts} attempts", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(PublicationStatus.Failed, await RunAsync(publicationId)); // finished: a stray retry does nothing
        Assert.Equal(1, CommitCount("main"));
    }

    [Fact]
    public async Task Each_configured_retry_delay_allows_one_more_try_and_then_the_run_fails_for_hangfire_to_retry()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        var publicationId = await RequestAsync(projectId, "fr");
        for (var i = 0; i < 3; i++) // the first try and one per configured delay (two)
        {
            _github.Inject("POST", "/git/trees", Fault.ServerError);
        }
        _github.ResetCalls();

        var failure = await Assert.ThrowsAsync<Octokit.ApiException>(() => RunAsync(publicationId));

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, failure.StatusCode);
        Assert.Equal(3, TreeCreations());
        Assert.Equal(1, CommitCount("main"));
        Assert.Equal(PublicationStatus.Published, await RunAsync(publicationId)); // Hangfire's retry, the host well again
        Assert.Equal(2, CommitCount("main"));
    }

    [Fact]
    public async Task A_server_error_is_retried_after_its_retry_after_when_that_is_longer_than_the_configured_delay()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        _github.Inject("POST", "/git/trees", Fault.UnavailableBriefly);
        _github.ResetCalls();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        var publication = await PublishAsync(projectId, "fr");

        Assert.Equal(PublicationStatus.Published, publication.Status);
        Assert.Equal(2, TreeCreations());
        // The host asked for a second, the configured delay is 10 ms: the retry waited for the host.
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_server_error_asking_for_a_longer_wait_than_the_longest_retry_after_is_not_waited_for_in_the_run()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        var publicationId = await RequestAsync(projectId, "fr");
        _github.Inject("POST", "/git/trees", Fault.UnavailableForAnHour);
        _github.ResetCalls();

        var failure = await Assert.ThrowsAsync<Octokit.ApiException>(() => RunAsync(publicationId));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Equal(1, TreeCreations());
        Assert.Equal(1, CommitCount("main"));
    }

    private int TreeCreations() => _github.Calls.Count(c => c == "POST /api/v3/repos/wgig/papers/git/trees");

    [Fact]
    public async Task A_target_template_stored_before_templates_were_checked_fails_the_publication_and_writes_nothing()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        await database.ExecuteAsync("UPDATE translate.repository_connections SET target_template = '.git/hooks/{lang}{path}'");

        var publication = await PublishAsync(projectId, "fr");

        Assert.Equal(PublicationStatus.Failed, publication.Status);
        Assert.Contains("may not write under .git", publication.LastError, StringComparison.Ordinal);
        Assert.Equal(1, CommitCount("main"));
    }

    private string Tip(string branch)
    {
        using var repository = new Repository(_github.RepositoryPath);
        return repository.Branches[branch].Tip.Sha;
    }

    [Theory]
    [InlineData(Fault.RateLimit)]
    [InlineData(Fault.SecondaryRateLimit)]
    public async Task A_rate_limit_reschedules_the_publication_for_when_the_host_allows_it(Fault fault)
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        _github.RateLimitReset = new DateTimeOffset(2026, 11, 28, 10, 30, 0, TimeSpan.Zero);
        _github.Inject("POST", "/git/trees", fault);

        _github.ResetCalls();
        var waiting = await PublishAsync(projectId, "fr");

        Assert.Equal(PublicationStatus.Waiting, waiting.Status);
        Assert.Equal(1, TreeCreations()); // not retried in the run: the job waits for the host's time
        Assert.Equal(fault == Fault.RateLimit ? _github.RateLimitReset : _clock.GetUtcNow().AddSeconds(90), waiting.NextAttemptAt);
        Assert.Equal(1, CommitCount("main"));
        Assert.Equal([1L], await database.QueryAsync<long>($"SELECT count(*) FROM hangfire.job WHERE statename = 'Scheduled' AND arguments::text LIKE '%{waiting.Id}%'"));

        Assert.Equal(PublicationStatus.Published, await RunAsync(waiting.Id)); // the scheduled run
        Assert.Equal(2, CommitCount("main"));
    }

    [Fact]
    public async Task A_missing_repository_fails_the_publication_with_the_reason_and_nothing_approved_fails_it_before_any_call()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        await database.ExecuteAsync($"UPDATE translate.repository_connections SET name = 'nope' WHERE project_id = '{projectId}'");
        var missing = await PublishAsync(projectId, "fr");
        Assert.Equal(PublicationStatus.Failed, missing.Status);
        Assert.Equal("wgig/nope@main: the branch 'main' does not exist, or the token cannot see the repository.", missing.LastError);

        _github.ResetCalls();
        var nothing = await PublishAsync(projectId, "es");
        Assert.Equal(PublicationStatus.Failed, nothing.Status);
        Assert.StartsWith("Nothing to publish", nothing.LastError, StringComparison.Ordinal);
        Assert.Empty(_github.Calls);
    }

    [Fact]
    public async Task A_github_app_installation_authenticates_with_a_signed_jwt_and_reuses_its_token()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        _github.RequireAppInstallation(1234, 42, key);
        var projectId = await SetUpAsync(WriteMode.Direct, connect: false);
        await InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<TranslationDb>();
            db.RepositoryConnections.Add(RepositoryConnection.Connect(projectId, RepositoryHost.GitHub, FakeGitHub.Owner, FakeGitHub.Name, "main",
                "papers/en/**/*.md", "papers/{lang}/{path}", WriteMode.Direct, false, false, _github.BaseUrl, null, null, _clock.GetUtcNow(), Protector,
                new GitHubAppCredentials(1234, 42, key.ExportRSAPrivateKeyPem()), allowedApiHosts: ["127.0.0.1"]).Value!);
            return await db.SaveChangesAsync();
        });
        await SyncAndApproveAsync(projectId, approveGlossary: true);

        var publication = await PublishAsync(projectId, "fr");

        Assert.Equal(PublicationStatus.Published, publication.Status);
        Assert.Equal(2, CommitCount("main"));
        // One installation token for the sync and the publication: the Worker does not ask again while it lives.
        Assert.Single(_github.Calls, c => c == "POST /api/v3/app/installations/42/access_tokens");
    }

    [Fact]
    public async Task A_token_an_earlier_build_stored_in_plain_text_is_sealed_by_migrate_and_still_opens_the_repository()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        await database.ExecuteAsync("UPDATE translate.repository_connections SET token = 'token-1', webhook_secret = 'hook-secret'");
        _github.RequireToken("token-1");

        Assert.Equal(0, await Worker.Storage.MigrateCommand.RunAsync(_services, new Dictionary<string, string>(), CancellationToken.None));

        var token = (await database.QueryAsync<string>("SELECT token FROM translate.repository_connections")).Single();
        var secret = (await database.QueryAsync<string>("SELECT webhook_secret FROM translate.repository_connections")).Single();
        Assert.All(new[] { token, secret }, stored => Assert.True(Protector.IsProtected(stored)));
        Assert.DoesNotContain("token-1", token, StringComparison.Ordinal);
        Assert.DoesNotContain("hook-secret", secret, StringComparison.Ordinal);
        Assert.Equal(("token-1", "hook-secret"), (Protector.Unprotect(token), Protector.Unprotect(secret)));
        var publication = await PublishAsync(projectId, "fr");
        Assert.True(publication.Status == PublicationStatus.Published, publication.LastError);
        Assert.Equal(2, CommitCount("main"));
    }

    [Fact]
    public async Task Bad_credentials_fail_the_publication_with_a_reason_and_no_retry()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var projectId = await SetUpAsync(WriteMode.Direct);
        _github.RequireAppInstallation(1234, 42, key); // the project's plain token is no longer accepted

        var publication = await PublishAsync(projectId, "fr");

        Assert.Equal(PublicationStatus.Failed, publication.Status);
        Assert.Equal("wgig/papers@main: GitHub refused the token (401); give the project a valid one.", publication.LastError);
        Assert.Equal(1, CommitCount("main"));
    }

    [Fact]
    public async Task A_binary_file_such_as_docx_goes_up_as_a_blob_byte_for_byte_in_the_same_single_commit()
    {
        var connection = RepositoryConnection.Connect(Guid.NewGuid(), RepositoryHost.GitHub, FakeGitHub.Owner, FakeGitHub.Name, "main", "papers/en/**/*",
            "papers/{lang}/{path}", WriteMode.Direct, false, false, _github.BaseUrl, "token", null, _clock.GetUtcNow(), Protector, allowedApiHosts: ["127.0.0.1"]).Value!;
        var docx = Samples.Docx;
        _github.ResetCalls();

        var outcome = await _services.GetServices<IRepositoryGateway>().Single(g => g.Host == RepositoryHost.GitHub).PublishAsync(connection,
            new PublishRequest("main", "main", [new FileToWrite("papers/fr/report.docx", docx), new FileToWrite("papers/fr/report.md", "# Rapport\n"u8.ToArray())],
                "Publish", "Wgig-Publication: test", false, "", "", null, KnownBranch: true), CancellationToken.None);

        using var repository = new Repository(_github.RepositoryPath);
        var tip = repository.Branches["main"].Tip;
        using var stored = ((Blob)tip["papers/fr/report.docx"].Target).GetContentStream();
        using var buffer = new MemoryStream();
        await stored.CopyToAsync(buffer);
        Assert.Equal(docx, buffer.ToArray());
        Assert.Equal(("# Rapport\n", outcome.CommitSha), (((Blob)tip["papers/fr/report.md"].Target).GetContentText(), tip.Sha));
        Assert.Equal(6, _github.Calls.Count); // the five of a commit, and one blob for the binary file
        Assert.Single(_github.Calls, c => c == "POST /api/v3/repos/wgig/papers/git/blobs");
    }

    [Fact]
    public async Task A_source_change_pushed_to_the_repository_becomes_a_new_version_recording_its_commit()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        var sha = _github.Commit("main", "Edit the report", new Dictionary<string, string>
        {
            ["papers/en/report.md"] = "# Report\n\nThe group met in Geneva. It wrote a long report.\n\nThe report has two parts.\n",
        });

        _github.ResetCalls();
        var summary = await InScopeAsync(s => s.GetRequiredService<SyncRepository>().RunAsync(projectId, CancellationToken.None));
        var blobsRead = _github.Calls.Count(c => c.Contains("/git/blobs/", StringComparison.Ordinal));
        _github.ResetCalls();
        var again = await InScopeAsync(s => s.GetRequiredService<SyncRepository>().RunAsync(projectId, CancellationToken.None));

        Assert.Equal((sha, 0, 1, 1), (summary!.CommitSha, summary.Added, summary.Updated, summary.Unchanged));
        Assert.Equal(1, blobsRead); // only the changed file is downloaded
        Assert.Equal((0, 0, 0), (again!.Added, again.Updated, again.Unchanged));
        Assert.Equal(["GET /api/v3/repos/wgig/papers/git/refs/heads/main"], _github.Calls); // nothing moved: one call
        Assert.Equal([$"1 Repository", $"2 Repository {sha}"], await database.QueryAsync<string>("""
            SELECT v.number || ' ' || v.origin || coalesce(' ' || CASE WHEN v.number > 1 THEN v.commit_sha END, '')
            FROM translate.document_versions v JOIN translate.documents d ON d.id = v.document_id WHERE d.path = 'papers/en/report.md' ORDER BY v.number
            """));
        // The edited sentence needs an update in French; the others stay approved.
        Assert.Equal(["Approved", "Approved", "Approved", "NeedsUpdate"], await database.QueryAsync<string>("SELECT state FROM translate.targets WHERE language = 'fr' AND text IS NOT NULL ORDER BY state"));
    }

    [Fact]
    public async Task A_sync_that_sends_approved_translations_back_says_so_and_tells_their_translator()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        _github.Commit("main", "Edit the report", new Dictionary<string, string>
        {
            ["papers/en/report.md"] = "# Report\n\nThe group met in Geneva. It wrote a long report.\n\nThe report has two parts.\n",
        });

        var summary = await InScopeAsync(s => s.GetRequiredService<SyncRepository>().RunAsync(projectId, CancellationToken.None));

        var warning = "papers/en/report.md version 2: 1 approved translation(s) now need an update because their source changed (fr: 1); their translators were told.";
        Assert.Equal([warning], summary!.Warnings);
        var report = (await database.QueryAsync<string[]>("SELECT last_sync_report FROM translate.repository_connections")).Single();
        Assert.Contains(warning, report);
        Assert.Equal([Ana], await database.QueryAsync<Guid>("SELECT account_id FROM translate.notifications WHERE kind = 'TranslationsNeedUpdate'"));
    }

    [Fact]
    public async Task A_document_uploaded_by_hand_is_never_replaced_by_the_repository_copy()
    {
        var projectId = await SetUpAsync(WriteMode.Direct);
        // A coordinator uploads a newer, edited paper by hand at a path the pattern covers; its French is approved.
        const string edited = "# Annex\n\nAn edited annex, newer than the repository's.\n";
        await InScopeAsync(s => s.GetRequiredService<DocumentImport>().ImportNewAsync(projectId,
            new DocumentUpload("papers/en/annex/annex.md", null, Encoding.UTF8.GetBytes(edited), UploadedBy: Sam), CancellationToken.None));
        await ApproveAsync(projectId, "papers/en/annex/annex.md", "fr");
        _github.Commit("main", "An older annex", new Dictionary<string, string> { ["papers/en/annex/annex.md"] = "# Annex\n\nThe old annex.\n" });

        var summary = await InScopeAsync(s => s.GetRequiredService<SyncRepository>().RunAsync(projectId, CancellationToken.None));

        Assert.Equal((0, 0), (summary!.Added, summary.Updated));
        Assert.Equal(["papers/en/annex/annex.md: 'papers/en/annex/annex.md' was uploaded by hand, so a repository sync leaves it alone; upload its new versions by hand."],
            summary.Skipped);
        Assert.Equal(["1 Upload"], await database.QueryAsync<string>(
            "SELECT d.current_version || ' ' || d.origin FROM translate.documents d WHERE d.path = 'papers/en/annex/annex.md'"));
        Assert.All(await database.QueryAsync<string>("""
            SELECT t.state FROM translate.targets t JOIN translate.segments s ON s.id = t.segment_id
            JOIN translate.documents d ON d.id = s.document_id WHERE d.path = 'papers/en/annex/annex.md' AND t.language = 'fr'
            """), state => Assert.Equal("Approved", state));
    }

    [Fact]
    public async Task The_local_git_repository_gets_the_same_single_commit_for_the_zero_setup_demo()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"local-papers-{Guid.NewGuid():N}");
        Repository.Init(directory, isBare: true);
        try
        {
            using (var repository = new Repository(directory))
            {
                var definition = new TreeDefinition();
                definition.Add("papers/en/report.md", repository.ObjectDatabase.CreateBlob(new MemoryStream(
                    Encoding.UTF8.GetBytes("# Report\n\nThe group met in Geneva. It wrote a report.\n\nThe report has two parts.\n"))), Mode.NonExecutableFile);
                var signature = new Signature("Someone", "someone@example.org", DateTimeOffset.UtcNow);
                var initial = repository.ObjectDatabase.CreateCommit(signature, signature, "Sources", repository.ObjectDatabase.CreateTree(definition), [], false);
                repository.Refs.Add("refs/heads/main", initial.Id);
            }
            var projectId = await InScopeAsync(async s =>
            {
                var db = s.GetRequiredService<TranslationDb>();
                var project = Project.Create("Local papers", "en", ["fr"], _clock.GetUtcNow()).Value!;
                db.Projects.Add(project);
                db.RepositoryConnections.Add(RepositoryConnection.Connect(project.Id, RepositoryHost.LocalGit, null, Path.GetFileName(directory), "main",
                    "papers/en/**/*.md", "papers/{lang}/{path}", WriteMode.Direct, false, publishXliff: true, null, null, null, _clock.GetUtcNow(), Protector).Value!);
                await db.SaveChangesAsync();
                return project.Id;
            });
            Assert.Equal(1, (await InScopeAsync(s => s.GetRequiredService<SyncRepository>().RunAsync(projectId, CancellationToken.None)))!.Added);
            await ApproveAsync(projectId, "papers/en/report.md", "fr");

            var publication = await PublishAsync(projectId, "fr");
            var again = await PublishAsync(projectId, "fr");

            Assert.Equal((PublicationStatus.Published, PublicationStatus.Unchanged), (publication.Status, again.Status));
            using var check = new Repository(directory);
            var tip = check.Branches["main"].Tip;
            Assert.Equal((publication.CommitSha, 2), (tip.Sha, check.Branches["main"].Commits.Count()));
            Assert.Equal("# fr: Report\n\nfr: The group met in Geneva. fr: It wrote a report.\n\nfr: The report has two parts.\n",
                ((Blob)tip["papers/fr/report.md"].Target).GetContentText());
            Assert.Contains($"Co-authored-by: Ana <{Ana:N}@users.noreply.wgig-translate.org>", tip.Message, StringComparison.Ordinal);
            // The project asked for the XLIFF beside each translation: XLIFF 2 with the approved targets.
            var xliff = ((Blob)tip["papers/fr/report.xlf"].Target).GetContentText();
            Assert.Contains("urn:oasis:names:tc:xliff:document:2.0", xliff, StringComparison.Ordinal);
            Assert.Contains("<target>fr: The report has two parts.</target>", xliff, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                file.Attributes = FileAttributes.Normal;
            }
            Directory.Delete(directory, recursive: true);
        }
    }
}
