namespace Wgig.Translate.Domain.Publishing;

/// <param name="Content">Null when the file's Git blob is one the caller said it already has.</param>
public sealed record SourceFile(string Path, string BlobSha, byte[]? Content);

/// <summary>The project's source files as they are at the head of its branch.</summary>
/// <remarks><see cref="GitObjects.GitBlobSha"/> names content the way Git does, so unchanged files need not be downloaded.</remarks>
public sealed record SourceSnapshot(string CommitSha, IReadOnlyList<SourceFile> Files);

/// <summary>What one repository sync did: documents added, new versions, files unchanged, and files refused with why.</summary>
public sealed record SyncSummary(string CommitSha, int Added, int Updated, int Unchanged, IReadOnlyList<string> Refused);

public sealed record FileToWrite(string Path, byte[] Content);

public static class GitObjects
{
    /// <summary>The SHA-1 Git gives a blob with this content ("blob {length}\0" then the bytes).</summary>
    public static string GitBlobSha(byte[] content)
    {
        var header = System.Text.Encoding.ASCII.GetBytes($"blob {content.Length}\0");
#pragma warning disable CA5350 // Git's object names are SHA-1; this names content, it protects nothing.
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData([.. header, .. content]));
#pragma warning restore CA5350
    }
}

/// <param name="Branch">The branch to commit to (the project's branch in direct mode).</param>
/// <param name="BaseBranch">The project's branch: a new publication branch starts from it; a pull request goes into it.</param>
/// <param name="Marker">A trailer unique to the publication, so a retry recognises its own commit.</param>
/// <param name="KnownPullRequest">The open pull request an earlier publication made from this branch, to update instead of duplicating.</param>
/// <param name="KnownBranch">An earlier publication committed to this branch, so it is looked up first; otherwise it is
/// created from the base branch (and looked up only if that says it exists), which saves a call.</param>
/// <param name="EarlierAttemptMayHaveCommitted">An earlier attempt of this publication may have committed (its Worker
/// died before recording the outcome): the branch's latest <see cref="RecentCommits"/> commits are searched for the marker
/// first, so the commit is found even when others landed on top of it meanwhile, and no second one is made. False on a
/// first attempt, which costs no extra call.</param>
public sealed record PublishRequest(string Branch, string BaseBranch, IReadOnlyList<FileToWrite> Files, string Message, string Marker,
    bool OpenPullRequest, string PullRequestTitle, string PullRequestBody, int? KnownPullRequest, bool KnownBranch,
    bool EarlierAttemptMayHaveCommitted = false)
{
    public const int RecentCommits = 100;
}

/// <param name="CommitSha">The publication's commit; null when the branch already held these files.</param>
public sealed record PublishOutcome(string TreeSha, string? CommitSha, int? PullRequestNumber, string? PullRequestUrl);

/// <summary>The host says: not before <paramref name="RetryAt"/> (a primary or secondary rate limit).</summary>
public sealed class RepositoryRateLimitedException(DateTimeOffset retryAt, string message) : Exception(message)
{
    public DateTimeOffset RetryAt { get; } = retryAt;
}

/// <summary>The host refused for good (bad credentials, no such repository or branch, no permission): retrying will not help.</summary>
public sealed class RepositoryRefusedException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <param name="orWhy">What else the host's silence may mean (GitHub answers 404 for a repository the token cannot see).</param>
    public static RepositoryRefusedException NoBranch(RepositoryConnection connection, string branch, string? orWhy = null) =>
        new($"{connection.Describe()}: the branch '{branch}' does not exist{(orWhy is null ? "" : $", or {orWhy}")}.");
}

/// <summary>A document repository: where sources are read and translations committed, one commit per publication.</summary>
public interface IRepositoryGateway
{
    RepositoryHost Host { get; }

    /// <summary>The head commit of the project's branch: one cheap call, to skip a sync when nothing moved.</summary>
    Task<string> HeadCommitAsync(RepositoryConnection connection, CancellationToken cancellationToken);

    /// <summary>The source files at the branch head; contents are fetched only for blobs not in <paramref name="knownBlobs"/>.</summary>
    Task<SourceSnapshot> ReadSourcesAsync(RepositoryConnection connection, IReadOnlySet<string> knownBlobs, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the files in one commit on the request's branch, built on its current head (never forced).
    /// When the branch already holds exactly these files, no commit is made; when the head moved meanwhile,
    /// the commit is rebuilt on the new head.
    /// </summary>
    Task<PublishOutcome> PublishAsync(RepositoryConnection connection, PublishRequest request, CancellationToken cancellationToken);
}
