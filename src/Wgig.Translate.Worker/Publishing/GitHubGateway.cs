using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Octokit;
using Polly;
using Polly.Retry;
using Wgig.Translate.Domain.Publishing;
using Wgig.Translate.Domain.Security;

namespace Wgig.Translate.Worker.Publishing;

/// <summary>Bound from the "GitHub" configuration section.</summary>
public sealed class GitHubOptions
{
    public const string Section = "GitHub";

    /// <summary>
    /// Waits before retrying a call that met a 5xx or a dropped connection; one retry per entry. Configured delays replace
    /// the defaults (2 s, 10 s, 30 s) rather than adding to them, which is what binding an array with a default would do.
    /// </summary>
    public TimeSpan[] RetryDelays { get; set; } = [];

    public static readonly TimeSpan[] DefaultRetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    /// <summary>
    /// The longest Retry-After of a 5xx answer that a call waits for before its retry; an answer asking for more fails the call
    /// (and the job is tried again later) rather than holding a worker for that long.
    /// </summary>
    public TimeSpan LongestRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How often a publication is rebuilt on a branch head that moved under it before the job gives up (and Hangfire retries it).</summary>
    public int MaxRebuilds { get; set; } = 3;
}

/// <summary>
/// A repository on github.com or a GitHub Enterprise server, through Octokit and the Git Data API: a
/// publication is one tree built on the branch head's tree (contents inline; a blob only for a binary
/// file such as DOCX), one commit, one ref move, never forced; then, in pull-request mode, one pull request
/// created or updated. Five calls for a direct commit and six with a pull request, whatever the number of
/// text files. A 5xx or a dropped connection is retried after <see cref="GitHubOptions.RetryDelays"/>
/// (every call is idempotent: objects are content-addressed and ref moves are checked); rate limits
/// become <see cref="RepositoryRateLimitedException"/> with the host's reset time, so the job is scheduled
/// for then instead of burning retries; bad credentials or a missing repository are <see cref="RepositoryRefusedException"/>.
/// </summary>
public sealed class GitHubGateway(IOptions<GitHubOptions> options, IOptions<RepositoryAccessOptions> repositories, ICredentialProtector protector,
    TimeProvider clock, ILogger<GitHubGateway> logger) : IRepositoryGateway, IDisposable
{
    private static readonly ProductHeaderValue Product = new("Wgig.Translate");
    private const string NotVisible = "the token cannot see the repository";

    public RepositoryHost Host => RepositoryHost.GitHub;

    // Installation tokens live an hour; one is reused until five minutes before it ends. A cache, not state:
    // another process simply asks for its own.
    private readonly ConcurrentDictionary<(string?, long, long), AccessToken> _installationTokens = new();

    // One connection pool for every call, whose connections go only to addresses the policy allows.
    private readonly SocketsHttpHandler _handler = OutboundHandler(repositories.Value.AllowedApiHosts);

    public void Dispose() => _handler.Dispose();

    public async Task<string> HeadCommitAsync(RepositoryConnection connection, CancellationToken cancellationToken)
    {
        var github = await ClientAsync(connection, cancellationToken);
        var head = await HeadAsync(github, connection, connection.Branch, cancellationToken)
            ?? throw RepositoryRefusedException.NoBranch(connection, connection.Branch, NotVisible);
        return head.Object.Sha;
    }

    public async Task<SourceSnapshot> ReadSourcesAsync(RepositoryConnection connection, IReadOnlySet<string> knownBlobs, CancellationToken cancellationToken)
    {
        var github = await ClientAsync(connection, cancellationToken);
        var (owner, name) = (connection.Owner, connection.Name);
        var head = await HeadAsync(github, connection, connection.Branch, cancellationToken)
            ?? throw RepositoryRefusedException.NoBranch(connection, connection.Branch, NotVisible);
        var commit = await CallAsync(() => github.Git.Commit.Get(owner, name, head.Object.Sha), connection, cancellationToken);
        var tree = await CallAsync(() => github.Git.Tree.GetRecursive(owner, name, commit.Tree.Sha), connection, cancellationToken);
        if (tree.Truncated)
        {
            throw new RepositoryRefusedException($"{connection.Describe()}: the repository's tree is too large for one listing; narrow the source pattern's directory.");
        }
        var files = new List<SourceFile>();
        foreach (var item in tree.Tree.Where(i => i.Type == TreeType.Blob && connection.IsSource(i.Path)))
        {
            if (knownBlobs.Contains(item.Sha))
            {
                files.Add(new SourceFile(item.Path, item.Sha, null));
                continue;
            }
            var blob = await CallAsync(() => github.Git.Blob.Get(owner, name, item.Sha), connection, cancellationToken);
            files.Add(new SourceFile(item.Path, item.Sha,
                blob.Encoding == EncodingType.Base64 ? Convert.FromBase64String(blob.Content) : Encoding.UTF8.GetBytes(blob.Content)));
        }
        return new SourceSnapshot(head.Object.Sha, files);
    }

    public async Task<PublishOutcome> PublishAsync(RepositoryConnection connection, PublishRequest request, CancellationToken cancellationToken)
    {
        var github = await ClientAsync(connection, cancellationToken);
        var (owner, name) = (connection.Owner, connection.Name);
        var lookUpBranch = request.KnownBranch || request.Branch == request.BaseBranch;
        if (request.EarlierAttemptMayHaveCommitted && await OwnCommitAsync(github, connection, request, cancellationToken) is { } own)
        {
            var existing = request.OpenPullRequest ? await PullRequestAsync(github, connection, request, cancellationToken) : null;
            return new PublishOutcome(own.Commit.Tree.Sha, own.Sha, existing?.Number, existing?.HtmlUrl);
        }
        for (var rebuild = 0; rebuild <= options.Value.MaxRebuilds; rebuild++)
        {
            var branchHead = lookUpBranch ? await HeadAsync(github, connection, request.Branch, cancellationToken) : null;
            var head = branchHead ?? await HeadAsync(github, connection, request.BaseBranch, cancellationToken)
                ?? throw RepositoryRefusedException.NoBranch(connection, request.BaseBranch, NotVisible);
            var parent = await CallAsync(() => github.Git.Commit.Get(owner, name, head.Object.Sha), connection, cancellationToken);
            var newTree = new NewTree { BaseTree = parent.Tree.Sha };
            foreach (var file in request.Files)
            {
                newTree.Tree.Add(await TreeItemAsync(github, connection, file, cancellationToken));
            }
            var tree = await CallAsync(() => github.Git.Tree.Create(owner, name, newTree), connection, cancellationToken);
            if (tree.Sha == parent.Tree.Sha)
            {
                // The branch already holds these files: after a crash, it is our own commit (its marker says so),
                // and only the pull request may be missing; otherwise there is nothing new to publish.
                var ours = parent.Message.Contains(request.Marker, StringComparison.Ordinal) ? parent.Sha : null;
                var existing = ours is not null && branchHead is not null && request.OpenPullRequest
                    ? await PullRequestAsync(github, connection, request, cancellationToken) : null;
                return new PublishOutcome(tree.Sha, ours, existing?.Number, existing?.HtmlUrl);
            }
            var commit = await CallAsync(() => github.Git.Commit.Create(owner, name, new NewCommit(request.Message, tree.Sha, parent.Sha)), connection, cancellationToken);
            try
            {
                if (branchHead is not null)
                {
                    await CallAsync(() => github.Git.Reference.Update(owner, name, $"heads/{request.Branch}", new ReferenceUpdate(commit.Sha, force: false)),
                        connection, cancellationToken);
                }
                else
                {
                    await CallAsync(() => github.Git.Reference.Create(owner, name, new NewReference($"refs/heads/{request.Branch}", commit.Sha)),
                        connection, cancellationToken);
                }
            }
            catch (ApiValidationException e)
            {
                // Someone pushed meanwhile (not a fast-forward), or created the branch: build again on the new head.
                logger.LogInformation("{Repository}: {Branch} moved during the publication ({Message}); rebuilding on the new head",
                    connection.Describe(), request.Branch, e.Message);
                lookUpBranch = true;
                continue;
            }
            var pullRequest = request.OpenPullRequest ? await PullRequestAsync(github, connection, request, cancellationToken) : null;
            return new PublishOutcome(tree.Sha, commit.Sha, pullRequest?.Number, pullRequest?.HtmlUrl);
        }
        throw new InvalidOperationException(
            $"{connection.Describe()}: {request.Branch} moved under the publication {options.Value.MaxRebuilds + 1} times in a row; the job will try again later.");
    }

    // One call, on reruns only: the branch's latest commits (one page, no date filter: commit dates are whoever's
    // clock), searched for the publication's marker. A branch that does not exist yet holds none.
    private async Task<GitHubCommit?> OwnCommitAsync(GitHubClient github, RepositoryConnection connection, PublishRequest request,
        CancellationToken cancellationToken)
    {
        try
        {
            var commits = await CallAsync(() => github.Repository.Commit.GetAll(connection.Owner, connection.Name,
                new CommitRequest { Sha = request.Branch }, new ApiOptions { PageSize = PublishRequest.RecentCommits, PageCount = 1 }),
                connection, cancellationToken, notFoundIsAnswer: true);
            return commits.FirstOrDefault(c => c.Commit.Message.Contains(request.Marker, StringComparison.Ordinal));
        }
        catch (Exception e) when (e is NotFoundException or ApiValidationException)
        {
            return null;
        }
    }

    private async Task<NewTreeItem> TreeItemAsync(GitHubClient github, RepositoryConnection connection, FileToWrite file, CancellationToken cancellationToken)
    {
        var item = new NewTreeItem { Path = file.Path, Mode = "100644", Type = TreeType.Blob };
        if (TryText(file.Content, out var text))
        {
            item.Content = text;
        }
        else
        {
            var blob = await CallAsync(() => github.Git.Blob.Create(connection.Owner, connection.Name,
                new NewBlob { Content = Convert.ToBase64String(file.Content), Encoding = EncodingType.Base64 }), connection, cancellationToken);
            item.Sha = blob.Sha;
        }
        return item;
    }

    // Inline tree content is a JSON string: only text that survives UTF-8 both ways, without NULs, goes inline.
    private static bool TryText(byte[] content, out string text)
    {
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
            return !text.Contains('\0', StringComparison.Ordinal) && !(content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF);
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private async Task<Reference?> HeadAsync(GitHubClient github, RepositoryConnection connection, string branch, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync(() => github.Git.Reference.Get(connection.Owner, connection.Name, $"heads/{branch}"), connection, cancellationToken, notFoundIsAnswer: true);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    // An earlier publication's pull request is updated; else one is created; when GitHub says one already
    // exists for the branch (a retry after the creation's answer was lost), that one is found and updated.
    private async Task<PullRequest> PullRequestAsync(GitHubClient github, RepositoryConnection connection, PublishRequest request, CancellationToken cancellationToken)
    {
        var (owner, name) = (connection.Owner, connection.Name);
        var update = new PullRequestUpdate { Title = request.PullRequestTitle, Body = request.PullRequestBody };
        if (request.KnownPullRequest is { } known)
        {
            try
            {
                var updated = await CallAsync(() => github.PullRequest.Update(owner, name, known, update), connection, cancellationToken, notFoundIsAnswer: true);
                if (updated.State.Value == ItemState.Open)
                {
                    return updated;
                }
            }
            catch (NotFoundException)
            {
                // Deleted: open a new one.
            }
        }
        try
        {
            return await CallAsync(() => github.PullRequest.Create(owner, name,
                new NewPullRequest(request.PullRequestTitle, request.Branch, request.BaseBranch) { Body = request.PullRequestBody }), connection, cancellationToken);
        }
        catch (ApiValidationException)
        {
            var open = await CallAsync(() => github.PullRequest.GetAllForRepository(owner, name,
                new PullRequestRequest { Head = $"{owner}:{request.Branch}", State = ItemStateFilter.Open }), connection, cancellationToken);
            var existing = (open.Count > 0 ? open[0] : null) ?? throw new RepositoryRefusedException($"{connection.Describe()}: GitHub refused to open a pull request from {request.Branch}.");
            return await CallAsync(() => github.PullRequest.Update(owner, name, existing.Number, update), connection, cancellationToken);
        }
    }

    // Maps what Octokit raises to what the jobs act on; retries happen a layer below, in each client's pipeline (RetryPipeline).
    private async Task<T> CallAsync<T>(Func<Task<T>> call, RepositoryConnection connection, CancellationToken cancellationToken, bool notFoundIsAnswer = false)
    {
        // Octokit's calls take no token: a cancelled job stops between calls.
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await call();
        }
        catch (HttpRequestException e) when (e.InnerException is DestinationRefusedException refused)
        {
            throw new RepositoryRefusedException($"{connection.Describe()}: {refused.Message}", e);
        }
        catch (RateLimitExceededException e)
        {
            throw new RepositoryRateLimitedException(e.Reset, $"{connection.Describe()}: GitHub's rate limit is spent until {e.Reset:u}.");
        }
        catch (Exception e) when (e is SecondaryRateLimitExceededException or AbuseException
            || e is ApiException { StatusCode: HttpStatusCode.TooManyRequests })
        {
            var wait = RetryAfter((ApiException)e) ?? TimeSpan.FromMinutes(1);
            throw new RepositoryRateLimitedException(clock.GetUtcNow() + wait, $"{connection.Describe()}: GitHub asked to slow down for {wait.TotalSeconds:0} s.");
        }
        catch (AuthorizationException e)
        {
            throw new RepositoryRefusedException($"{connection.Describe()}: GitHub refused the token (401); give the project a valid one.", e);
        }
        catch (ForbiddenException e)
        {
            throw new RepositoryRefusedException($"{connection.Describe()}: the token may not do this (403: {e.Message}).", e);
        }
        catch (NotFoundException e) when (!notFoundIsAnswer)
        {
            throw new RepositoryRefusedException($"{connection.Describe()}: not found (404: {e.Message}); check the owner, name and the token's access.", e);
        }
    }

    /// <summary>
    /// The retry policy of one client's calls: a 5xx answer, a dropped connection or an attempt that outlived
    /// <see cref="GitHubOptions.RequestTimeout"/> is tried again after the next of <see cref="GitHubOptions.RetryDelays"/>, or
    /// after the answer's Retry-After when that is longer, up to <see cref="GitHubOptions.LongestRetryAfter"/> (an answer asking
    /// for more is not waited for here: the job fails and is tried again later). Rate limits (403 with X-RateLimit-Remaining: 0, 429, the
    /// secondary limit) are not retried: <see cref="CallAsync"/> turns them into a reschedule at the host's reset time.
    /// Addresses the outbound policy refused are never retried.
    /// </summary>
    private static ResiliencePipeline<HttpResponseMessage> RetryPipeline(GitHubOptions options, Action<string, TimeSpan> retrying)
    {
        var delays = options.RetryDelays is { Length: > 0 } configured ? configured : GitHubOptions.DefaultRetryDelays;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = delays.Length,
            ShouldHandle = args => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(args.Outcome)
                && args.Outcome.Exception is not HttpRequestException { InnerException: DestinationRefusedException }
                && args.Outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests }
                && !(RetryAfter(args.Outcome.Result) > options.LongestRetryAfter)),
            DelayGenerator = args =>
            {
                var delay = delays[Math.Min(args.AttemptNumber, delays.Length - 1)];
                return ValueTask.FromResult<TimeSpan?>(RetryAfter(args.Outcome.Result) is { } asked && asked > delay ? asked : delay);
            },
            OnRetry = args =>
            {
                retrying(args.Outcome.Exception?.Message ?? $"{(int)args.Outcome.Result!.StatusCode} {args.Outcome.Result.ReasonPhrase}", args.RetryDelay);
                return default;
            },
        });
        builder.AddTimeout(options.RequestTimeout);
        return builder.Build();
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response) =>
        response?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - (response.Headers.Date ?? DateTimeOffset.UtcNow) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };

    private static TimeSpan? RetryAfter(ApiException e) =>
        e.HttpResponse?.Headers is { } headers && headers.TryGetValue("Retry-After", out var value)
            && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;

    private async Task<GitHubClient> ClientAsync(RepositoryConnection connection, CancellationToken cancellationToken)
    {
        var token = connection.Token is { } stored ? Open(connection, stored) : await InstallationTokenAsync(connection, cancellationToken);
        return New(connection, new Credentials(token));
    }

    private string Open(RepositoryConnection connection, string stored)
    {
        try
        {
            return protector.Unprotect(stored);
        }
        catch (CryptographicException e)
        {
            throw new RepositoryRefusedException($"{connection.Describe()}: the stored credential cannot be opened (its key is gone); enter it again.", e);
        }
    }

    private GitHubClient New(RepositoryConnection connection, Credentials credentials)
    {
        // Checked again at every use: the rules may have changed since the URL was saved.
        Uri baseAddress = GitHubClient.GitHubApiUrl;
        if (connection.ApiBaseUrl is { } url)
        {
            if (OutboundHosts.CheckBaseUrl(url, repositories.Value.AllowedApiHosts, out var normalized) is { } refused)
            {
                throw new RepositoryRefusedException($"{connection.Describe()}: the server {url} is refused: {refused}");
            }
            baseAddress = new Uri(new Uri(normalized), "/api/v3/"); // where a GitHub Enterprise server answers its REST API
        }
        var retries = RetryPipeline(options.Value, (error, delay) =>
            logger.LogWarning("{Repository}: GitHub call failed ({Error}); retrying in {Delay}", connection.Describe(), error, delay));
        // The pool is shared; the retrying handler is this client's (a handler belongs to one chain).
        var http = new Octokit.Internal.HttpClientAdapter(() => new ResilienceHandler(retries) { InnerHandler = _handler });
        var github = new GitHubClient(new Connection(Product, baseAddress, new Octokit.Internal.InMemoryCredentialStore(credentials), http,
            new Octokit.Internal.SimpleJsonSerializer()));
        // Each attempt has its own timeout in the pipeline; the client's would cut the retries short.
        github.SetRequestTimeout(System.Threading.Timeout.InfiniteTimeSpan);
        return github;
    }

    // Every address a host name resolves to is checked when the connection is made, so a name that resolves to a
    // private or metadata address (DNS rebinding included) never receives a credential.
    private static SocketsHttpHandler OutboundHandler(IReadOnlyCollection<string> allowed) => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var usable = OutboundHosts.IsAllowListed(host, allowed) ? addresses : [.. addresses.Where(OutboundHosts.IsPublic)];
            if (usable.Length == 0)
            {
                throw new DestinationRefusedException(
                    $"'{host}' resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}: loopback, private, link-local or metadata addresses are refused.");
            }
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private sealed class DestinationRefusedException(string message) : IOException(message);

    // A GitHub App authenticates as itself with a JWT it signs (RS256, ten minutes at most), and exchanges it
    // for a token of its installation on the repository's account.
    private async Task<string> InstallationTokenAsync(RepositoryConnection connection, CancellationToken cancellationToken)
    {
        if (connection is not { AppId: { } appId, InstallationId: { } installationId, AppPrivateKey: { } sealedKey })
        {
            throw new RepositoryRefusedException($"{connection.Describe()}: no token and no GitHub App installation to authenticate with.");
        }
        var cacheKey = (connection.ApiBaseUrl, appId, installationId);
        // GitHub checks the JWT against its own clock, so this is the real time, not the workflow's.
        var now = TimeProvider.System.GetUtcNow();
        if (_installationTokens.TryGetValue(cacheKey, out var cached) && cached.ExpiresAt > now.AddMinutes(5))
        {
            return cached.Token;
        }
        var app = New(connection, new Credentials(AppJwt(appId, Open(connection, sealedKey), now), AuthenticationType.Bearer));
        var token = await CallAsync(() => app.GitHubApps.CreateInstallationToken(installationId), connection, cancellationToken);
        _installationTokens[cacheKey] = token;
        return token.Token;
    }

    private static string AppJwt(long appId, string privateKeyPem, DateTimeOffset now)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        // Only the claims GitHub reads (no nbf: GitHub's clock may lag ours, which is why iat is set back a minute).
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = appId.ToString(CultureInfo.InvariantCulture),
            IssuedAt = now.AddSeconds(-60).UtcDateTime,
            Expires = now.AddMinutes(9).UtcDateTime,
            // Not cached: the key is disposed after this one signature, and a cached signer would outlive it.
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256)
            {
                CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
            },
        });
    }
}
