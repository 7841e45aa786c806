using Microsoft.Extensions.FileSystemGlobbing;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Security;

namespace Wgig.Translate.Domain.Publishing;

public enum RepositoryHost
{
    /// <summary>github.com, or a GitHub Enterprise server at <see cref="RepositoryConnection.ApiBaseUrl"/>, through its REST API.</summary>
    GitHub,

    /// <summary>A Git repository on the Worker's disk (the zero-setup demo): real commits, no pull requests.</summary>
    LocalGit,
}

public enum WriteMode
{
    /// <summary>Commit on a branch of our own and open (or update) a pull request into the project's branch.</summary>
    PullRequest,

    /// <summary>Commit straight onto the project's branch.</summary>
    Direct,
}

/// <summary>What a connection test found (<see cref="RepositoryConnection.CheckOutcome"/>).</summary>
public enum ConnectionCheckOutcome
{
    /// <summary>The repository and its branch were found and the credentials accepted.</summary>
    Reached,

    /// <summary>The host refused for good: bad credentials, no such repository or branch, a server not allowed.</summary>
    Refused,

    /// <summary>The host could not answer now (rate limit, outage, time-out): try again later.</summary>
    Unavailable,
}

/// <summary>
/// Where a project's documents live and how translations go back: a repository, a branch, which files are
/// sources (a glob such as <c>papers/en/**/*.md</c>) and where each translation goes (a template such as
/// <c>papers/{lang}/{path}</c>, where {path} is the source's path below the pattern's fixed prefix). The
/// credential is write-only: it is never shown by the API nor written to logs.
/// </summary>
public sealed class RepositoryConnection
{
    public const int MaxTextLength = 400;

    private RepositoryConnection()
    {
        Owner = Name = Branch = SourcePattern = TargetTemplate = "";
    }

    public Guid ProjectId { get; private set; }

    public RepositoryHost Host { get; private set; }

    /// <summary>The account or organisation that owns the repository (GitHub); unused for a local repository.</summary>
    public string Owner { get; private set; }

    /// <summary>The repository's name (GitHub), or its directory on the Worker's disk (local).</summary>
    public string Name { get; private set; }

    public string Branch { get; private set; }

    public string SourcePattern { get; private set; }

    public string TargetTemplate { get; private set; }

    public WriteMode WriteMode { get; private set; }

    /// <summary>A branch per publication instead of one per project × languages, updated each time.</summary>
    public bool BranchPerPublication { get; private set; }

    /// <summary>Publish each translation's XLIFF 2 file beside it (<c>.xlf</c>).</summary>
    public bool PublishXliff { get; private set; }

    /// <summary>A GitHub Enterprise server (e.g. https://github.example.org); null for github.com.</summary>
    public string? ApiBaseUrl { get; private set; }

    /// <summary>A personal access token or fine-grained token with contents and pull-request write access, sealed (<see cref="ICredentialProtector"/>).</summary>
    public string? Token { get; private set; }

    /// <summary>A GitHub App's id, when the project authenticates as an app installation instead of with a token.</summary>
    public long? AppId { get; private set; }

    public long? InstallationId { get; private set; }

    /// <summary>The app's private key (PEM), which signs the short-lived JWT exchanged for an installation token; sealed.</summary>
    public string? AppPrivateKey { get; private set; }

    /// <summary>The shared secret GitHub signs push webhooks with; sealed.</summary>
    public string? WebhookSecret { get; private set; }

    public string? LastSyncedCommit { get; private set; }

    public DateTimeOffset? LastSyncedAt { get; private set; }

    /// <summary>What the last sync did and what people should know about it, in lines.</summary>
    public IReadOnlyList<string> LastSyncReport { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When someone last asked the Worker to test the connection; null when never (or since it changed).</summary>
    public DateTimeOffset? CheckRequestedAt { get; private set; }

    /// <summary>When the Worker answered the last test asked for; null while it is pending.</summary>
    public DateTimeOffset? CheckedAt { get; private set; }

    public ConnectionCheckOutcome? CheckOutcome { get; private set; }

    /// <summary>The head commit found, or the host's reason for refusing (never a credential).</summary>
    public string? CheckDetail { get; private set; }

    public bool CheckPending => CheckRequestedAt is not null && CheckedAt is null;

    /// <summary>Asks for a test of the connection as it is now: the Worker asks the repository's gateway and records the answer.</summary>
    public void RequestCheck(DateTimeOffset now)
    {
        (CheckRequestedAt, CheckedAt, CheckOutcome, CheckDetail) = (now, null, null, null);
    }

    /// <summary>The answer to the pending test; false (nothing recorded) when none is pending, so a job run twice records once.</summary>
    public bool RecordCheck(ConnectionCheckOutcome outcome, string detail, DateTimeOffset now)
    {
        if (!CheckPending)
        {
            return false;
        }
        (CheckedAt, CheckOutcome, CheckDetail) = (now, outcome, detail.Length > MaxTextLength * 2 ? detail[..(MaxTextLength * 2)] : detail);
        return true;
    }

    public string Describe() => Host == RepositoryHost.GitHub ? $"{Owner}/{Name}@{Branch}" : $"{Name}@{Branch}";

    /// <summary>
    /// A connection from a request: settings validated, credentials sealed with <paramref name="protector"/>. Changing a
    /// connection (<paramref name="previous"/>) may leave its credentials out only while it still points at the same
    /// place (host, server, owner and name, app): a stored token or app key is never carried to a new destination,
    /// where whoever chose it would receive it.
    /// </summary>
    /// <param name="allowedApiHosts">The administrators' allow-list of non-public servers (<see cref="RepositoryAccessOptions.AllowedApiHosts"/>).</param>
    public static Result<RepositoryConnection> Connect(Guid projectId, RepositoryHost host, string? owner, string? name, string? branch,
        string? sourcePattern, string? targetTemplate, WriteMode writeMode, bool branchPerPublication, bool publishXliff, string? apiBaseUrl,
        string? token, string? webhookSecret, DateTimeOffset now, ICredentialProtector protector, GitHubAppCredentials? app = null,
        RepositoryConnection? previous = null, IReadOnlyCollection<string>? allowedApiHosts = null)
    {
        var errors = new ValidationErrors();
        string Required(string field, string? value, string example)
        {
            var trimmed = value?.Trim() ?? "";
            if (trimmed.Length == 0)
            {
                errors.Add(field, $"Required, e.g. {example}.");
            }
            else if (trimmed.Length > MaxTextLength)
            {
                errors.Add(field, $"At most {MaxTextLength} characters.");
            }
            return trimmed;
        }
        if (!Enum.IsDefined(host))
        {
            errors.Add("host", $"Use {string.Join(" or ", Enum.GetNames<RepositoryHost>())}.");
        }
        if (!Enum.IsDefined(writeMode))
        {
            errors.Add("writeMode", $"Use {string.Join(" or ", Enum.GetNames<WriteMode>())}.");
        }
        var repositoryOwner = host == RepositoryHost.GitHub ? Required("owner", owner, "\"wgig\"") : owner?.Trim() ?? "";
        var repositoryName = Required("name", name, host == RepositoryHost.GitHub ? "\"papers\"" : "\"papers.git\" (below the local root)");
        if (host == RepositoryHost.GitHub && (repositoryOwner.Contains('/', StringComparison.Ordinal) || repositoryName.Contains('/', StringComparison.Ordinal)))
        {
            errors.Add("name", "Give the owner and the repository's name separately, without slashes.");
        }
        if (host == RepositoryHost.LocalGit && repositoryName.Length > 0 && LocalRepositoryPath.Problem(repositoryName) is { } outside)
        {
            errors.Add("name", "A local repository is named by its path below the local root (Repositories:LocalRoot): " + outside);
        }
        var repositoryBranch = Required("branch", branch, "\"main\"");
        var pattern = Required("sourcePattern", sourcePattern, "\"papers/en/**/*.md\"");
        if (pattern.StartsWith('/') || pattern.Contains("..", StringComparison.Ordinal))
        {
            errors.Add("sourcePattern", "A pattern is relative to the repository's root, without '..'.");
        }
        var template = Required("targetTemplate", targetTemplate, "\"papers/{lang}/{path}\"");
        if (template.Length > 0 && TemplateProblem(template) is { } templateProblem)
        {
            errors.Add("targetTemplate", templateProblem);
        }
        string? baseUrl = null;
        if (!string.IsNullOrWhiteSpace(apiBaseUrl))
        {
            if (host != RepositoryHost.GitHub)
            {
                errors.Add("apiBaseUrl", "Only a GitHub connection has a server URL.");
            }
            else if (OutboundHosts.CheckBaseUrl(apiBaseUrl, allowedApiHosts ?? [], out var normalized) is { } refused)
            {
                errors.Add("apiBaseUrl", refused);
            }
            else
            {
                baseUrl = normalized;
            }
        }
        var sameDestination = previous is not null && previous.Host == host && previous.ApiBaseUrl == baseUrl
            && string.Equals(previous.Owner, repositoryOwner, StringComparison.OrdinalIgnoreCase)
            && string.Equals(previous.Name, repositoryName, StringComparison.Ordinal)
            && (app is null || app.AppId == previous.AppId);
        string? sealedToken = null, sealedKey = null;
        long? appId = null, installationId = null;
        if (!string.IsNullOrWhiteSpace(token))
        {
            sealedToken = protector.Protect(token.Trim());
        }
        else if (app is not null)
        {
            var carriedKey = app.PrivateKey is null && sameDestination ? previous!.AppPrivateKey : null;
            app.Check(errors, checkKey: carriedKey is null);
            (appId, installationId) = (app.AppId, app.InstallationId);
            sealedKey = carriedKey ?? (app.PrivateKey is { } key ? protector.Protect(key.Trim()) : null);
        }
        else if (sameDestination)
        {
            (sealedToken, appId, installationId, sealedKey) = (previous!.Token, previous.AppId, previous.InstallationId, previous.AppPrivateKey);
        }
        if (host == RepositoryHost.GitHub && sealedToken is null && app is null && sealedKey is null)
        {
            errors.Add("token", previous is { Token: not null } or { AppPrivateKey: not null } && !sameDestination
                ? "The connection now points elsewhere (host, server, owner, name or app): give its token or app key again. A stored credential is never sent to a new destination."
                : "A GitHub repository needs a token with contents and pull-request write access, or a GitHub App installation (appId, installationId, appPrivateKey).");
        }
        if (errors.Any)
        {
            return errors.ToError("Invalid repository connection");
        }
        return new RepositoryConnection
        {
            ProjectId = projectId, Host = host, Owner = repositoryOwner, Name = repositoryName, Branch = repositoryBranch, SourcePattern = pattern,
            TargetTemplate = template, WriteMode = writeMode, BranchPerPublication = branchPerPublication, PublishXliff = publishXliff,
            ApiBaseUrl = baseUrl, Token = sealedToken, UpdatedAt = now, AppId = appId, InstallationId = installationId, AppPrivateKey = sealedKey,
            WebhookSecret = string.IsNullOrWhiteSpace(webhookSecret) ? previous?.WebhookSecret : protector.Protect(webhookSecret.Trim()),
        };
    }

    /// <summary>Why translations may not be written where the template says, or null: inside the repository, never under .git.</summary>
    public static string? TemplateProblem(string template)
    {
        if (!template.Contains("{lang}", StringComparison.Ordinal) || !template.Contains("{path}", StringComparison.Ordinal))
        {
            return "A target template names both {lang} and {path}, e.g. \"papers/{lang}/{path}\", so translations never overwrite sources or each other.";
        }
        if (template.StartsWith('/') || template.Contains('\\', StringComparison.Ordinal) || template.Contains(':', StringComparison.Ordinal))
        {
            return "A target template is a path relative to the repository's root, with '/' between steps: no absolute path, drive or backslash.";
        }
        var steps = template.Split('/');
        if (steps.Any(step => step is "" or "." or ".."))
        {
            return "A target template has no '..', '.' or empty steps: translations stay inside the repository.";
        }
        return steps.Any(step => step.Equals(".git", StringComparison.OrdinalIgnoreCase) || step.StartsWith(".git/", StringComparison.OrdinalIgnoreCase))
            ? "A target template may not write under .git."
            : null;
    }

    /// <summary>Takes another connection's settings and (sealed) credentials.</summary>
    public void Change(RepositoryConnection other, DateTimeOffset now)
    {
        _sources = null;
        (Host, Owner, Name, Branch, SourcePattern, TargetTemplate, WriteMode, BranchPerPublication, PublishXliff, ApiBaseUrl) =
            (other.Host, other.Owner, other.Name, other.Branch, other.SourcePattern, other.TargetTemplate, other.WriteMode,
             other.BranchPerPublication, other.PublishXliff, other.ApiBaseUrl);
        (Token, AppId, InstallationId, AppPrivateKey, WebhookSecret) = (other.Token, other.AppId, other.InstallationId, other.AppPrivateKey, other.WebhookSecret);
        UpdatedAt = now;
        // A test said something about the connection as it was; a pending one is answered for the new settings or not at all.
        (CheckRequestedAt, CheckedAt, CheckOutcome, CheckDetail) = (null, null, null, null);
    }

    /// <summary>Seals credentials stored before they were sealed (the migrate step); true when something changed.</summary>
    public bool SealLegacyCredentials(ICredentialProtector protector)
    {
        string? Seal(string? value) => value is null || protector.IsProtected(value) ? value : protector.Protect(value);
        var before = (Token, AppPrivateKey, WebhookSecret);
        (Token, AppPrivateKey, WebhookSecret) = (Seal(Token), Seal(AppPrivateKey), Seal(WebhookSecret));
        return before != (Token, AppPrivateKey, WebhookSecret);
    }

    public void Synced(string commitSha, DateTimeOffset now, IReadOnlyList<string>? report = null)
    {
        LastSyncedCommit = commitSha;
        LastSyncedAt = now;
        LastSyncReport = report ?? [];
    }

    /// <summary>Whether a file of the repository is one of the project's sources.</summary>
    public bool IsSource(string path)
    {
        if (_sources is null)
        {
            _sources = new Matcher(StringComparison.Ordinal);
            _sources.AddInclude(SourcePattern);
        }
        return _sources.Match("/", ["/" + path]).HasMatches;
    }

    // Built once per loaded connection: a sync asks about every file of the repository's tree.
    private Matcher? _sources;

    /// <summary>Where the translation of a source goes: "papers/en/sub/a.md" in fr with "papers/{lang}/{path}" is "papers/fr/sub/a.md".</summary>
    public string TargetPath(string sourcePath, string language)
    {
        var fixedPrefix = string.Join('/', SourcePattern.Split('/').TakeWhile(step => !step.Contains('*', StringComparison.Ordinal) && !step.Contains('?', StringComparison.Ordinal)));
        var relative = fixedPrefix.Length > 0 && sourcePath.StartsWith(fixedPrefix + "/", StringComparison.Ordinal) ? sourcePath[(fixedPrefix.Length + 1)..] : sourcePath;
        return TargetTemplate.Replace("{lang}", LanguageTag.TryNormalize(language, out var tag, out _) ? tag : language, StringComparison.Ordinal)
            .Replace("{path}", relative, StringComparison.Ordinal);
    }

    /// <summary>The branch a publication of these languages commits to in pull-request mode.</summary>
    public string PublicationBranch(string projectName, IReadOnlyList<string> languages, int publicationNumber)
    {
        var slug = new string([.. projectName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }
        return BranchPerPublication ? $"l10n/{slug}/publication-{publicationNumber}" : $"l10n/{slug}/{string.Join('+', languages)}";
    }
}

/// <summary>A GitHub App installation: the app signs a JWT with its private key and exchanges it for an installation token.</summary>
public sealed record GitHubAppCredentials(long? AppId, long? InstallationId, string? PrivateKey)
{
    internal void Check(ValidationErrors errors, bool checkKey)
    {
        if (AppId is not > 0)
        {
            errors.Add("appId", "The GitHub App's numeric id, from its settings page.");
        }
        if (InstallationId is not > 0)
        {
            errors.Add("installationId", "The numeric id of the app's installation on the repository's account.");
        }
        if (!checkKey)
        {
            return;
        }
        try
        {
            using var rsa = System.Security.Cryptography.RSA.Create();
            rsa.ImportFromPem(PrivateKey);
        }
        catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            errors.Add("appPrivateKey", "The app's private key in PEM form (-----BEGIN RSA PRIVATE KEY----- …), as GitHub generates it.");
        }
    }
}
