using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Security;
using Wgig.Translate.Worker.Publishing;
using Wgig.Translate.Worker.Tests.Publishing;

namespace Wgig.Translate.Bench;

/// <summary>
/// GitHub API calls per publication as the number of files grows, through the real gateway (Octokit) against
/// the fake GitHub, which counts calls and commits to a real repository. Three cases per size: a direct
/// commit, a first publication in pull-request mode (new branch, new pull request) and a second one (existing
/// branch, pull request updated). The baseline, counted in the same run on the same fake, is the per-file way
/// of the Contents API that translation platforms are criticised for: one PUT (and one commit) per file.
/// </summary>
public static class PublicationCallsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = LoadHarness.Option(args, "--files", "1,10,100,1000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
        var protector = new PlainProtector();
        var gateway = new GitHubGateway(Options.Create(new GitHubOptions()), Options.Create(new RepositoryAccessOptions { AllowedApiHosts = ["127.0.0.1"] }),
            protector, TimeProvider.System, NullLogger<GitHubGateway>.Instance);
        Console.WriteLine("| files | case | API calls | commits | ms | calls vs. per-file baseline |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            await using var github = await FakeGitHub.StartAsync(new Dictionary<string, string> { ["README.md"] = "Papers.\n" });
            var connection = RepositoryConnection.Connect(Guid.NewGuid(), RepositoryHost.GitHub, FakeGitHub.Owner, FakeGitHub.Name, "main", "papers/en/**/*.md",
                "papers/{lang}/{path}", WriteMode.PullRequest, false, false, github.BaseUrl, "token", null, DateTimeOffset.UtcNow, protector,
                allowedApiHosts: ["127.0.0.1"]).Value!;
            List<FileToWrite> Files(int round) => [.. Enumerable.Range(1, size).Select(i =>
                new FileToWrite($"papers/fr/paper-{i:D4}.md", Encoding.UTF8.GetBytes($"# Document {i}\n\nRévision {round} du paragraphe {i}.\n")))];

            var baseline = await BaselineAsync(github, size);
            await MeasureAsync(github, "direct commit", size, baseline, () => gateway.PublishAsync(connection,
                new PublishRequest("main", "main", Files(1), "Publish", "Wgig-Publication: direct", false, "", "", null, KnownBranch: true), CancellationToken.None));
            var first = await MeasureAsync(github, "pull request, first", size, baseline, () => gateway.PublishAsync(connection,
                new PublishRequest("l10n/papers/fr", "main", Files(2), "Publish", "Wgig-Publication: first", true, "Translations", "Body", null, KnownBranch: false),
                CancellationToken.None));
            await MeasureAsync(github, "pull request, update", size, baseline, () => gateway.PublishAsync(connection,
                new PublishRequest("l10n/papers/fr", "main", Files(3), "Publish", "Wgig-Publication: second", true, "Translations", "Body", first.PullRequestNumber,
                    KnownBranch: true), CancellationToken.None));
        }
        return 0;
    }

    // Call counts do not depend on sealing: the bench keeps credentials as they are.
    private sealed class PlainProtector : ICredentialProtector
    {
        public string Protect(string plaintext) => plaintext;

        public string Unprotect(string stored) => stored;

        public bool IsProtected(string stored) => true;
    }

    // The per-file way, through Octokit on the same fake: PUT /repos/{owner}/{repo}/contents/{path} per file.
    private static async Task<int> BaselineAsync(FakeGitHub github, int size)
    {
        var client = new Octokit.GitHubClient(new Octokit.ProductHeaderValue("bench"),
            new Octokit.Internal.InMemoryCredentialStore(new Octokit.Credentials("token")), new Uri(github.BaseUrl));
        github.ResetCalls();
        var before = Commits(github);
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= size; i++)
        {
            await client.Repository.Content.CreateFile(FakeGitHub.Owner, FakeGitHub.Name, $"baseline/fr/paper-{i:D4}.md",
                new Octokit.CreateFileRequest($"Translate paper {i}", $"# Document {i}\n\nRévision 0 du paragraphe {i}.\n", "main"));
        }
        clock.Stop();
        var calls = github.Calls.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {size:N0} | baseline: Contents API, one PUT per file | {calls} | {Commits(github) - before} | {clock.Elapsed.TotalMilliseconds:N0} | 1.000 |"));
        return calls;
    }

    private static async Task<PublishOutcome> MeasureAsync(FakeGitHub github, string name, int size, int baseline, Func<Task<PublishOutcome>> publish)
    {
        github.ResetCalls();
        var before = Commits(github);
        var clock = Stopwatch.StartNew();
        var outcome = await publish();
        clock.Stop();
        var calls = github.Calls.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {size:N0} | {name} | {calls} | {Commits(github) - before} | {clock.Elapsed.TotalMilliseconds:N0} | {(double)calls / baseline:0.000} |"));
        return outcome;
    }

    private static int Commits(FakeGitHub github)
    {
        using var repository = new LibGit2Sharp.Repository(github.RepositoryPath);
        return repository.Commits.QueryBy(new LibGit2Sharp.CommitFilter { IncludeReachableFrom = repository.Refs }).Count();
    }
}
