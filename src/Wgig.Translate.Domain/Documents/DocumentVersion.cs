namespace Wgig.Translate.Domain.Documents;

public enum VersionOrigin
{
    Upload,

    /// <summary>Read from the project's document repository at <see cref="DocumentVersion.CommitSha"/>.</summary>
    Repository,
}

/// <summary>One import of a document, with the bytes exactly as received and where they came from.</summary>
public sealed class DocumentVersion
{
    private DocumentVersion(Guid id, Guid documentId, int number, VersionOrigin origin, byte[] content,
        string sha256, DateTimeOffset importedAt, int segmentCount, int wordCount)
    {
        Id = id;
        DocumentId = documentId;
        Number = number;
        Origin = origin;
        Content = content;
        Sha256 = sha256;
        ImportedAt = importedAt;
        SegmentCount = segmentCount;
        WordCount = wordCount;
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    public int Number { get; private set; }

    public VersionOrigin Origin { get; private set; }

    public byte[] Content { get; private set; }

    public string Sha256 { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public int SegmentCount { get; private set; }

    public int WordCount { get; private set; }

    /// <summary>The repository commit the content was read at; null for uploads.</summary>
    public string? CommitSha { get; private set; }

    /// <summary>Who uploaded it; null for a repository sync.</summary>
    public Guid? ImportedBy { get; private set; }

    /// <summary>Segments of the previous version whose text changed in this one (their translations need an update).</summary>
    public int ChangedSegments { get; private set; }

    public int AddedSegments { get; private set; }

    public int RetiredSegments { get; private set; }

    /// <summary>Approved translations this version sent back to "needs update", in every language together.</summary>
    public int ApprovedNeedingUpdate { get; private set; }

    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    internal void Summarize(int changed, int added, int retired, int approvedNeedingUpdate) =>
        (ChangedSegments, AddedSegments, RetiredSegments, ApprovedNeedingUpdate) = (changed, added, retired, approvedNeedingUpdate);

    /// <summary>The import marked this many approved translations as needing an update.</summary>
    internal void SentBack(int approvedNeedingUpdate) => ApprovedNeedingUpdate = approvedNeedingUpdate;

    internal static DocumentVersion Create(Guid documentId, int number, VersionOrigin origin, byte[] content,
        DateTimeOffset importedAt, IReadOnlyCollection<Segment> segments, string? commitSha = null, Guid? importedBy = null) =>
        new(Guid.CreateVersion7(importedAt), documentId, number, origin, content, HashOf(content), importedAt,
            segments.Count, segments.Sum(s => s.WordCount)) { CommitSha = commitSha, ImportedBy = importedBy, AddedSegments = segments.Count };
}
