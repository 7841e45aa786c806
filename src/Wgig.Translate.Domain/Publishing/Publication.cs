namespace Wgig.Translate.Domain.Publishing;

public enum PublicationStatus
{
    /// <summary>Requested; the Worker's publish job has not finished it yet.</summary>
    Queued,

    /// <summary>Rate-limited by the repository host: the job is scheduled again for <see cref="Publication.NextAttemptAt"/>.</summary>
    Waiting,

    /// <summary>Committed: <see cref="Publication.CommitSha"/> (and the pull request, in that mode).</summary>
    Published,

    /// <summary>The repository already held exactly these files: no commit was made.</summary>
    Unchanged,

    /// <summary>Nothing could be published (no language fully approved), or the host refused for good.</summary>
    Failed,
}

/// <summary>One file a publication writes: a translated document (or its XLIFF) at its target path.</summary>
public sealed record PublishedFile(string Path, Guid DocumentId, string Language, int Segments, bool Xliff = false);

/// <summary>A document × language left out of a publication, and why (untranslated text never leaks into the repository).</summary>
public sealed record LeftOut(Guid DocumentId, string Path, string Language, string Reason);

/// <summary>
/// One commit to the document repository carrying approved translations, crediting their contributors.
/// Requested by the secretariat; carried out by the Worker, safe to retry: what it committed (tree and
/// commit) is recorded, and a retry that finds the same tree on the branch makes no second commit.
/// </summary>
public sealed class Publication
{
    public const int MaxErrorLength = 2000;

    private Publication()
    {
        Languages = [];
        DocumentIds = [];
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>1, 2, 3 … within the project.</summary>
    public int Number { get; private set; }

    public Guid RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public IReadOnlyList<string> Languages { get; private set; }

    /// <summary>The documents to publish; empty: every document of the project.</summary>
    public IReadOnlyList<Guid> DocumentIds { get; private set; }

    public PublicationStatus Status { get; private set; }

    public string? Branch { get; private set; }

    public string? TreeSha { get; private set; }

    public string? CommitSha { get; private set; }

    public int? PullRequestNumber { get; private set; }

    public string? PullRequestUrl { get; private set; }

    public IReadOnlyList<PublishedFile> Files { get; private set; } = [];

    public IReadOnlyList<LeftOut> LeftOut { get; private set; } = [];

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsFinished => Status is PublicationStatus.Published or PublicationStatus.Unchanged or PublicationStatus.Failed;

    public static Publication Request(Guid projectId, int number, Guid requestedBy, IReadOnlyList<string> languages, IReadOnlyList<Guid> documentIds,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), ProjectId = projectId, Number = number, RequestedBy = requestedBy, RequestedAt = now,
        Languages = languages, DocumentIds = documentIds, Status = PublicationStatus.Queued,
    };

    public void Attempt(string branch, IReadOnlyList<PublishedFile> files, IReadOnlyList<LeftOut> leftOut)
    {
        Attempts++;
        Branch = branch;
        Files = files;
        LeftOut = leftOut;
    }

    public void Committed(string treeSha, string commitSha, int? pullRequestNumber, string? pullRequestUrl, DateTimeOffset now)
    {
        (Status, TreeSha, CommitSha, PullRequestNumber, PullRequestUrl, CompletedAt, NextAttemptAt, LastError) =
            (PublicationStatus.Published, treeSha, commitSha, pullRequestNumber, pullRequestUrl, now, null, null);
    }

    public void FoundUnchanged(string treeSha, DateTimeOffset now) =>
        (Status, TreeSha, CompletedAt, NextAttemptAt, LastError) = (PublicationStatus.Unchanged, treeSha, now, null, null);

    public void WaitUntil(DateTimeOffset retryAt, string why) =>
        (Status, NextAttemptAt, LastError) = (PublicationStatus.Waiting, retryAt, Trim(why));

    public void Fail(string why, DateTimeOffset now) =>
        (Status, LastError, CompletedAt, NextAttemptAt) = (PublicationStatus.Failed, Trim(why), now, null);

    /// <summary>A failure the job will retry: recorded, the publication stays queued.</summary>
    public void FailedAttempt(string why) => LastError = Trim(why);

    private static string Trim(string text) => text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;
}
