using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LibGit2Sharp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wgig.Translate.Worker.Tests.Publishing;

/// <summary>What the fake does instead of answering, once, for the next call that matches.</summary>
public enum Fault
{
    ServerError,

    /// <summary>503 with Retry-After: 1 (a short maintenance).</summary>
    UnavailableBriefly,

    /// <summary>503 with Retry-After: 3600.</summary>
    UnavailableForAnHour,
    RateLimit,
    SecondaryRateLimit,
    DropConnection,

    /// <summary>Someone pushes to the branch just before the ref is moved: the move is then not a fast-forward.</summary>
    ConcurrentPush,
}

/// <summary>
/// An in-process fake of the GitHub REST endpoints the gateway uses (git refs, commits, trees, blobs, and
/// pull requests), under /api/v3/ as Octokit addresses a GitHub Enterprise host, on a real loopback port.
/// Behind it is a real bare Git repository (LibGit2Sharp): tests assert on real commits. Bodies, status
/// codes and headers follow GitHub's (snake_case JSON, 404/422 error bodies, X-RateLimit-*). It counts
/// calls and injects faults: 5xx, primary and secondary rate limits, a dropped connection, a concurrent push.
/// </summary>
public sealed class FakeGitHub : IAsyncDisposable
{
    public const string Owner = "wgig";
    public const string Name = "papers";
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<(string Method, string Path, Fault Fault)> _faults = [];
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly List<JsonObject> _pulls = [];

    private FakeGitHub(string directory, WebApplication app)
    {
        RepositoryPath = directory;
        _app = app;
    }

    public string RepositoryPath { get; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every call as "METHOD /path", in order.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public IReadOnlyList<JsonObject> PullRequests
    {
        get
        {
            lock (_gate)
            {
                return [.. _pulls.Select(p => (JsonObject)p.DeepClone())];
            }
        }
    }

    public DateTimeOffset RateLimitReset { get; set; } = DateTimeOffset.UtcNow.AddMinutes(30);

    private (long AppId, long InstallationId, System.Security.Cryptography.RSA Key)? _gitHubApp;
    private readonly ConcurrentDictionary<string, bool> _tokens = new();

    /// <summary>
    /// From now on every call needs a token the fake issued: the app's JWT (RS256, checked against its public
    /// key) is exchanged at POST /app/installations/{id}/access_tokens, as on GitHub; anything else is a 401.
    /// </summary>
    public void RequireAppInstallation(long appId, long installationId, System.Security.Cryptography.RSA publicKey) => _gitHubApp = (appId, installationId, publicKey);

    private string? _personalToken;

    /// <summary>From now on every call must carry this personal access token.</summary>
    public void RequireToken(string token) => _personalToken = token;

    private bool Authorized(HttpContext context)
    {
        if (_personalToken is { } required)
        {
            var given = context.Request.Headers.Authorization.ToString().Split(' ', 2);
            return given is [var scheme, var token] && scheme.ToLowerInvariant() is "token" or "bearer" && token == required;
        }
        if (_gitHubApp is null || context.Request.Path.StartsWithSegments("/api/v3/app"))
        {
            return true;
        }
        var header = context.Request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && _tokens.ContainsKey(header[(space + 1)..]);
    }

    private IResult InstallationToken(long installationId, HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var parts = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Split('.') : [];
        if (_gitHubApp is not { } app || parts.Length != 3
            || !app.Key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]), System.Security.Cryptography.HashAlgorithmName.SHA256,
                System.Security.Cryptography.RSASignaturePadding.Pkcs1))
        {
            return Results.Json(new JsonObject { ["message"] = "A JSON web token could not be decoded", ["documentation_url"] = "https://docs.github.com/rest" }, statusCode: 401);
        }
        var claims = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        if ((string?)claims["iss"] != app.AppId.ToString(CultureInfo.InvariantCulture) || (long)claims["exp"]! < DateTimeOffset.UtcNow.ToUnixTimeSeconds()
            || (long)claims["exp"]! - (long)claims["iat"]! > 600)
        {
            return Results.Json(new JsonObject { ["message"] = "'Expiration time' claim ('exp') is invalid", ["documentation_url"] = "https://docs.github.com/rest" }, statusCode: 401);
        }
        if (installationId != app.InstallationId)
        {
            return NotFound("https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app");
        }
        var token = $"ghs_{Guid.NewGuid():N}";
        _tokens[token] = true;
        return Results.Json(new JsonObject
        {
            ["token"] = token, ["expires_at"] = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["permissions"] = new JsonObject { ["contents"] = "write", ["pull_requests"] = "write" }, ["repository_selection"] = "selected",
        }, statusCode: 201);
    }

    /// <summary>A bare repository with one commit on main holding the given files, served on a free loopback port.</summary>
    public static async Task<FakeGitHub> StartAsync(IReadOnlyDictionary<string, string> files)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"fake-github-{Guid.NewGuid():N}");
        Repository.Init(directory, isBare: true);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeGitHub(directory, app);
        fake.Commit("main", "Initial papers", files);
        fake.Map(app);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    public void Inject(string method, string pathContains, Fault fault)
    {
        lock (_gate)
        {
            _faults.Add((method, pathContains, fault));
        }
    }

    public void ResetCalls() => _calls.Clear();

    /// <summary>A commit made outside the fake's API (someone pushing), on top of the branch.</summary>
    public string Commit(string branch, string message, IReadOnlyDictionary<string, string> files)
    {
        lock (_gate)
        {
            using var repository = new Repository(RepositoryPath);
            var parent = repository.Branches[branch]?.Tip;
            var definition = parent is null ? new TreeDefinition() : TreeDefinition.From(parent.Tree);
            foreach (var (path, content) in files)
            {
                definition.Add(path, repository.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes(content))), Mode.NonExecutableFile);
            }
            var signature = new Signature("Someone", "someone@example.org", DateTimeOffset.UtcNow);
            var commit = repository.ObjectDatabase.CreateCommit(signature, signature, message, repository.ObjectDatabase.CreateTree(definition),
                parent is null ? [] : [parent], prettifyMessage: false);
            repository.Refs.Add($"refs/heads/{branch}", commit.Id, "push", allowOverwrite: true);
            return commit.Sha;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var file in new DirectoryInfo(RepositoryPath).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            file.Attributes = FileAttributes.Normal; // git objects are read-only
        }
        Directory.Delete(RepositoryPath, recursive: true);
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var call = $"{context.Request.Method} {context.Request.Path}";
            _calls.Enqueue(call);
            context.Response.Headers["X-RateLimit-Limit"] = "5000";
            context.Response.Headers["X-RateLimit-Remaining"] = "4999";
            context.Response.Headers["X-RateLimit-Reset"] = RateLimitReset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Resource"] = "core";
            if (!Authorized(context))
            {
                await Json(context, 401, new JsonObject { ["message"] = "Bad credentials", ["documentation_url"] = "https://docs.github.com/rest" });
                return;
            }
            if (TakeFault(context.Request.Method, context.Request.Path) is { } fault)
            {
                switch (fault)
                {
                    case Fault.ServerError:
                        await Json(context, 502, new JsonObject { ["message"] = "Server Error" });
                        return;
                    case Fault.UnavailableBriefly or Fault.UnavailableForAnHour:
                        context.Response.Headers.RetryAfter = fault == Fault.UnavailableBriefly ? "1" : "3600";
                        await Json(context, 503, new JsonObject { ["message"] = "Service Unavailable" });
                        return;
                    case Fault.RateLimit:
                        context.Response.Headers["X-RateLimit-Remaining"] = "0";
                        await Json(context, 403, new JsonObject
                        {
                            ["message"] = "API rate limit exceeded for user ID 1.",
                            ["documentation_url"] = "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting",
                        });
                        return;
                    case Fault.SecondaryRateLimit:
                        context.Response.Headers.RetryAfter = "90";
                        await Json(context, 403, new JsonObject
                        {
                            ["message"] = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                            ["documentation_url"] = "https://docs.github.com/rest/overview/resources-in-the-rest-api#secondary-rate-limits",
                        });
                        return;
                    case Fault.DropConnection:
                        context.Abort();
                        return;
                    case Fault.ConcurrentPush:
                        Commit(context.Request.Path.Value!.Split("/refs/heads/")[1], "A push from elsewhere", new Dictionary<string, string> { ["NEWS.md"] = "Pushed meanwhile.\n" });
                        break;
                }
            }
            try
            {
                await next();
            }
            catch (Exception e)
            {
                // A fault of the fake itself: its answer says what, so a failing test shows it.
                await Json(context, 500, new JsonObject { ["message"] = $"Fake GitHub failed: {e}" });
            }
        });
        app.MapPost("/api/v3/app/installations/{installationId:long}/access_tokens", (long installationId, HttpRequest request) => InstallationToken(installationId, request));
        var repos = app.MapGroup("/api/v3/repos/{owner}/{name}");
        repos.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.RouteValues["owner"] as string == Owner && context.HttpContext.Request.RouteValues["name"] as string == Name
                ? await next(context)
                : NotFound("https://docs.github.com/rest/repos/repos#get-a-repository"));
        repos.MapGet("/git/ref/{**reference}", (string reference) => GetRef(reference));
        repos.MapGet("/git/refs/{**reference}", (string reference) => GetRef(reference));
        // Octokit does not always label its JSON bodies as such; GitHub reads them anyway, and so does the fake.
        static async Task<JsonObject> Body(HttpRequest request) => JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
        repos.MapPost("/git/refs", async (HttpRequest request) => { var body = await Body(request); return CreateRef((string)body["ref"]!, (string)body["sha"]!); });
        repos.MapPatch("/git/refs/{**reference}", async (string reference, HttpRequest request) =>
        {
            var body = await Body(request);
            return UpdateRef(reference, (string)body["sha"]!, (bool?)body["force"] ?? false);
        });
        repos.MapGet("/git/commits/{sha}", (string sha) => GetCommit(sha));
        repos.MapGet("/commits", (string? sha, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "per_page")] int? perPage) => ListCommits(sha, perPage ?? 30));
        repos.MapPost("/git/commits", async (HttpRequest request) => CreateCommit(await Body(request)));
        repos.MapPost("/git/trees", async (HttpRequest request) => CreateTree(await Body(request)));
        repos.MapGet("/git/trees/{sha}", (string sha, string? recursive) => GetTree(sha, recursive is "1" or "true"));
        repos.MapGet("/git/blobs/{sha}", (string sha) => GetBlob(sha));
        repos.MapPost("/git/blobs", async (HttpRequest request) => CreateBlob(await Body(request)));
        repos.MapPut("/contents/{**path}", async (string path, HttpRequest request) => PutContent(path, await Body(request)));
        repos.MapGet("/pulls", (string? head, string? state) => ListPulls(head, state));
        repos.MapPost("/pulls", async (HttpRequest request) => CreatePull(await Body(request)));
        repos.MapPatch("/pulls/{number:int}", async (int number, HttpRequest request) => UpdatePull(number, await Body(request)));
    }

    private Fault? TakeFault(string method, PathString path)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Method == method && path.Value!.Contains(f.Path, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }
            var fault = _faults[index].Fault;
            _faults.RemoveAt(index);
            return fault;
        }
    }

    private string Url(string path) => $"{BaseUrl}/api/v3/repos/{Owner}/{Name}/{path}";

    private IResult GetRef(string reference)
    {
        lock (_gate)
        {
            using var repository = new Repository(RepositoryPath);
            var found = repository.Refs[$"refs/{reference}"];
            return found is null ? NotFound("https://docs.github.com/rest/git/refs#get-a-reference") : Results.Json(RefJson(found.CanonicalName, found.TargetIdentifier));
        }
    }

    private JsonObject RefJson(string name, string sha) => new()
    {
        ["ref"] = name,
        ["node_id"] = "MDA6RW50aXR5MQ==",
        ["url"] = Url($"git/{name}"),
        ["object"] = new JsonObject { ["sha"] = sha, ["type"] = "commit", ["url"] = Url($"git/commits/{sha}") },
    };

    private IResult CreateRef(string name, string sha)
    {
        lock (_gate)
        {
            using var repository = new Repository(RepositoryPath);
            if (repository.Refs[name] is not null)
            {
                return Validation("Reference already exists", "https://docs.github.com/rest/git/refs#create-a-reference");
            }
            if (repository.Lookup<LibGit2Sharp.Commit>(sha) is null)
            {
                return Validation("Object does not exist", "https://docs.github.com/rest/git/refs#create-a-reference");
            }
            repository.Refs.Add(name, new ObjectId(sha));
            return Results.Json(RefJson(name, sha), statusCode: 201);
        }
    }

    private IResult UpdateRef(string reference, string sha, bool force)
    {
        lock (_gate)
        {
            using var repository = new Repository(RepositoryPath);
            var current = repository.Refs[$"refs/{reference}"];
            var target = repository.Lookup<LibGit2Sharp.Commit>(sha);
            if (current is null || target is null)
            {
                return Validation(current is null ? "Reference does not exist" : "Object does not exist", "https://docs.github.com/rest/git/refs#update-a-reference");
            }
            var head = repository.Lookup<LibGit2Sharp.Commit>(current.TargetIdentifier);
            if (!force && repository.ObjectDatabase.FindMergeBase(head, target)?.Sha != head.Sha)
            {
                return Validation("Update is not a fast forward", "https://docs.github.com/rest/git/refs#update-a-reference");
            }
            repository.Refs.UpdateTarget(current, target.Id, "api");
            return Results.Json(RefJson(current.CanonicalName, sha));
        }
    }

    private IResult GetCommit(string sha)
    {
        lock (_gate)
        {
            using var repository = new Repository(RepositoryPath);
            var commit = repository.Lookup<LibGit2Sharp.Commit>(sha);
            return commit is null ? NotFound("https://docs.github.com/rest/git/commits#get-a-commit-object") : Results.Json(CommitJson(commit));
        }
    }

    // GET /repos/{owner}/{repo}/commits?sha=BRANCH&per_page=N: newest first, as GitHub lists them (first page).
    private IResult ListCommits(string? sha, int perPage)
    {
        lock (_gate)
        {
            using var repository = new Repository(RepositoryPath);
            var tip = repository.Branches[sha ?? "main"]?.Tip ?? repository.Lookup<LibGit2Sharp.Commit>(sha);
            if (tip is null)
            {
                return NotFound("https://docs.github.com/rest/commits/commits#list-commits");
            }
            var commits = repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = tip, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time })
                .Take(perPage)
                .Select(c => (JsonNode)new JsonObject
                {
                    ["sha"] = c.Sha,
                    ["node_id"] = "MDY6Q29tbWl0MQ==",
                    ["url"] = Url($"commits/{c.Sha}"),
                    ["html_url"] = $"{BaseUrl}/{Owner}/{Name}/commit/{c.Sha}",
                    ["commit"] = CommitJson(c),
                    ["parents"] = new JsonArray([.. c.Parents.Select(p => (JsonNode)new JsonObject { ["sha"] = p.Sha, ["url"] = Url($"commits/{p.Sha}") })]),
                });
            return Results.Json(new JsonArray([.. commits]));
        }
    }

    private JsonObject CommitJson(LibGit2Sharp.Commit commit) => new()
    {
        ["sha"] = commit.Sha,
        ["node_id"] = "MDY6Q29tbWl0MQ==",
        ["url"] = Url($"git/commits/{commit.Sha}"),
        ["html_url"] = $"{BaseUrl}/{Owner}/{Name}/commit/{commit.Sha}",
        ["message"] = commit.Message,
        ["author"] = Person(commit.Author),
        ["committer"] = Person(commit.Committer),
        ["tree"] = new JsonObject { ["sha"] = commit.Tree.Sha, ["url"] = Url($"git/trees/{commit.Tree.Sha}") },
        ["parents"] = new JsonArray([.. commit.Parents.Select(p => (JsonNode)new JsonObject { ["sha"] = p.Sha, ["url"] = Url($"git/commits/{p.Sha}") })]),
        ["verification"] = new JsonObject { ["verified"] = false, ["reason"] = "unsigned" },
    };

    private static JsonObject Person(Signature signature) => new()
    {
        ["name"] = signature.Name,
        ["email"] = signature.Email,
        ["date"] = signature.When.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };

    private IResult CreateCommit(JsonObject body)
    {
        lock (_gate)
        {
            using var repository = new Repository(RepositoryPath);
            var tree = repository.Lookup<Tree>((string)body["tree"]!);
            var parents = body["parents"]!.AsArray().Select(p => repository.Lookup<LibGit2Sharp.Commit>((string)p!)).ToList();
            if (tree is null || parents.Any(p => p is null))
            {
                return Validation("Tree SHA does not exist", "https://docs.github.com/rest/git/commits#create-a-commit");
            }
            // GitHub signs as the token's user; a fixed date keeps commits of identical content identical here too.
            var signature = new Signature("wgig-bot", "bot@users.noreply.github.com", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var commit = repository.ObjectDatabase.CreateCommit(signature, signature, (string)body["message"]!, tree, parents!, prettifyMessage: false);
            return Results.Json(CommitJson(commit), statusCode: 201);
        }
    }

    private IResult CreateTree(JsonObject body)
    {
        lock (_gate)
        {
            using var repository = new Repository(RepositoryPath);
            var baseSha = (string?)body["base_tree"];
            var baseTree = baseSha is null ? null : repository.Lookup<Tree>(baseSha);
            if (baseSha is not null && baseTree is null)
            {
                return Validation("base_tree is not a valid tree oid", "https://docs.github.com/rest/git/trees#create-a-tree");
            }
            var definition = baseTree is null ? new TreeDefinition() : TreeDefinition.From(baseTree);
            foreach (var item in body["tree"]!.AsArray().Select(i => i!.AsObject()))
            {
                var path = (string)item["path"]!;
                Blob? blob = item["content"] is { } content
                    ? repository.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes((string)content!)))
                    : repository.Lookup<Blob>((string)item["sha"]!);
                if (blob is null)
                {
                    return Validation($"tree.sha {(string?)item["sha"]} is not a valid blob", "https://docs.github.com/rest/git/trees#create-a-tree");
                }
                definition.Add(path, blob, Mode.NonExecutableFile);
            }
            var tree = repository.ObjectDatabase.CreateTree(definition);
            return Results.Json(TreeJson(tree, recursive: false), statusCode: 201);
        }
    }

    private JsonObject TreeJson(Tree tree, bool recursive)
    {
        var items = new JsonArray();
        void Add(Tree level, string prefix)
        {
            foreach (var entry in level)
            {
                var isTree = entry.TargetType == TreeEntryTargetType.Tree;
                var item = new JsonObject
                {
                    ["path"] = prefix + entry.Name,
                    ["mode"] = isTree ? "040000" : "100644",
                    ["type"] = isTree ? "tree" : "blob",
                    ["sha"] = entry.Target.Sha,
                    ["url"] = Url($"git/{(isTree ? "trees" : "blobs")}/{entry.Target.Sha}"),
                };
                if (!isTree)
                {
                    item["size"] = ((Blob)entry.Target).Size; // GitHub leaves size out for trees
                }
                items.Add(item);
                if (isTree && recursive)
                {
                    Add((Tree)entry.Target, prefix + entry.Name + "/");
                }
            }
        }
        Add(tree, "");
        return new JsonObject { ["sha"] = tree.Sha, ["url"] = Url($"git/trees/{tree.Sha}"), ["tree"] = items, ["truncated"] = false };
    }

    private IResult GetTree(string sha, bool recursive)
    {
        lock (_gate)
        {
            using var repository = new Repository(RepositoryPath);
            var tree = repository.Lookup<Tree>(sha);
            return tree is null ? NotFound("https://docs.github.com/rest/git/trees#get-a-tree") : Results.Json(TreeJson(tree, recursive));
        }
    }

    private IResult GetBlob(string sha)
    {
        lock (_gate)
        {
            using var repository = new Repository(RepositoryPath);
            var blob = repository.Lookup<Blob>(sha);
            if (blob is null)
            {
                return NotFound("https://docs.github.com/rest/git/blobs#get-a-blob");
            }
            using var content = blob.GetContentStream();
            using var buffer = new MemoryStream();
            content.CopyTo(buffer);
            return Results.Json(new JsonObject
            {
                ["sha"] = blob.Sha, ["node_id"] = "MDQ6QmxvYjE=", ["size"] = blob.Size, ["url"] = Url($"git/blobs/{blob.Sha}"),
                ["content"] = Convert.ToBase64String(buffer.ToArray(), Base64FormattingOptions.InsertLineBreaks), ["encoding"] = "base64",
            });
        }
    }

    private IResult CreateBlob(JsonObject body)
    {
        lock (_gate)
        {
            using var repository = new Repository(RepositoryPath);
            var text = (string)body["content"]!;
            var bytes = (string?)body["encoding"] == "base64" ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
            var blob = repository.ObjectDatabase.CreateBlob(new MemoryStream(bytes));
            return Results.Json(new JsonObject { ["sha"] = blob.Sha, ["url"] = Url($"git/blobs/{blob.Sha}") }, statusCode: 201);
        }
    }

    // The Contents API: one file, one commit per call (what per-file publishers do).
    private IResult PutContent(string path, JsonObject body)
    {
        lock (_gate)
        {
            using var repository = new Repository(RepositoryPath);
            var branch = (string?)body["branch"] ?? "main";
            var parent = repository.Branches[branch]?.Tip;
            if (parent is null)
            {
                return NotFound("https://docs.github.com/rest/repos/contents#create-or-update-file-contents");
            }
            if (parent[path] is { } existing && (string?)body["sha"] != existing.Target.Sha)
            {
                return Validation("Invalid request.\n\n\"sha\" wasn't supplied.", "https://docs.github.com/rest/repos/contents#create-or-update-file-contents");
            }
            var blob = repository.ObjectDatabase.CreateBlob(new MemoryStream(Convert.FromBase64String((string)body["content"]!)));
            var definition = TreeDefinition.From(parent.Tree);
            definition.Add(path, blob, Mode.NonExecutableFile);
            var signature = new Signature("wgig-bot", "bot@users.noreply.github.com", DateTimeOffset.UtcNow);
            var commit = repository.ObjectDatabase.CreateCommit(signature, signature, (string)body["message"]!, repository.ObjectDatabase.CreateTree(definition),
                [parent], prettifyMessage: false);
            repository.Refs.UpdateTarget(repository.Refs[$"refs/heads/{branch}"], commit.Id, "contents api");
            return Results.Json(new JsonObject
            {
                ["content"] = new JsonObject
                {
                    ["name"] = Path.GetFileName(path), ["path"] = path, ["sha"] = blob.Sha, ["size"] = blob.Size, ["type"] = "file",
                    ["url"] = Url($"contents/{path}?ref={branch}"), ["git_url"] = Url($"git/blobs/{blob.Sha}"),
                    ["html_url"] = $"{BaseUrl}/{Owner}/{Name}/blob/{branch}/{path}", ["download_url"] = $"{BaseUrl}/raw/{branch}/{path}",
                },
                ["commit"] = CommitJson(commit),
            }, statusCode: 201);
        }
    }

    private IResult ListPulls(string? head, string? state)
    {
        lock (_gate)
        {
            var branch = head?.Split(':').Last();
            return Results.Json(new JsonArray([.. _pulls
                .Where(p => branch is null || (string)p["head"]!["ref"]! == branch)
                .Where(p => state is null or "all" || (string)p["state"]! == state)
                .Select(p => (JsonNode)p.DeepClone())]));
        }
    }

    private IResult CreatePull(JsonObject body)
    {
        lock (_gate)
        {
            var head = (string)body["head"]!;
            if (_pulls.Any(p => (string)p["head"]!["ref"]! == head && (string)p["state"]! == "open"))
            {
                return Validation($"A pull request already exists for {Owner}:{head}.", "https://docs.github.com/rest/pulls/pulls#create-a-pull-request");
            }
            using var repository = new Repository(RepositoryPath);
            var headRef = repository.Refs[$"refs/heads/{head}"];
            if (headRef is null)
            {
                return Validation("Validation Failed: head is invalid", "https://docs.github.com/rest/pulls/pulls#create-a-pull-request");
            }
            var number = _pulls.Count + 1;
            var pull = new JsonObject
            {
                ["id"] = 1000 + number, ["node_id"] = "MDExOlB1bGxSZXF1ZXN0MQ==", ["number"] = number, ["state"] = "open", ["locked"] = false,
                ["title"] = (string?)body["title"], ["body"] = (string?)body["body"], ["draft"] = false, ["merged"] = false,
                ["url"] = Url($"pulls/{number}"), ["html_url"] = $"{BaseUrl}/{Owner}/{Name}/pull/{number}",
                ["created_at"] = "2026-01-01T00:00:00Z", ["updated_at"] = "2026-01-01T00:00:00Z",
                ["head"] = new JsonObject { ["label"] = $"{Owner}:{head}", ["ref"] = head, ["sha"] = headRef.TargetIdentifier },
                ["base"] = new JsonObject { ["label"] = $"{Owner}:{(string)body["base"]!}", ["ref"] = (string)body["base"]!, ["sha"] = repository.Refs[$"refs/heads/{(string)body["base"]!}"]?.TargetIdentifier },
                ["user"] = new JsonObject { ["login"] = "wgig-bot", ["id"] = 1 },
            };
            _pulls.Add(pull);
            return Results.Json(pull.DeepClone(), statusCode: 201);
        }
    }

    private IResult UpdatePull(int number, JsonObject body)
    {
        lock (_gate)
        {
            var pull = _pulls.FirstOrDefault(p => (int)p["number"]! == number);
            if (pull is null)
            {
                return NotFound("https://docs.github.com/rest/pulls/pulls#update-a-pull-request");
            }
            foreach (var field in new[] { "title", "body", "state" })
            {
                if (body[field] is { } value)
                {
                    pull[field] = value.DeepClone();
                }
            }
            return Results.Json(pull.DeepClone());
        }
    }

    /// <summary>Closes a pull request, as a maintainer merging or rejecting it would.</summary>
    public void ClosePull(int number)
    {
        lock (_gate)
        {
            _pulls.First(p => (int)p["number"]! == number)["state"] = "closed";
        }
    }

    private static IResult NotFound(string documentation) =>
        Results.Json(new JsonObject { ["message"] = "Not Found", ["documentation_url"] = documentation }, statusCode: 404);

    private static IResult Validation(string message, string documentation) =>
        Results.Json(new JsonObject { ["message"] = message, ["documentation_url"] = documentation }, statusCode: 422);

    private static Task Json(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions()));
    }
}
