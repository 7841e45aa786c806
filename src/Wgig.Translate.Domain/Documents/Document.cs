using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Documents;

/// <summary>A key paper in a project: its versions (one per import) and its segments.</summary>
public sealed class Document
{
    private readonly List<DocumentVersion> _versions = [];
    private readonly List<Segment> _segments = [];

    private Document(Guid id, Guid projectId, string path, DocumentFormat format, DateTimeOffset createdAt)
    {
        Id = id;
        ProjectId = projectId;
        Path = path;
        Format = format;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>The file's path, relative to the project (for an upload, its file name).</summary>
    public string Path { get; private set; }

    public DocumentFormat Format { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int CurrentVersion { get; private set; }

    public IReadOnlyList<DocumentVersion> Versions => _versions;

    public IReadOnlyList<Segment> Segments => _segments;

    /// <summary>The first version of a new document, split into segments.</summary>
    public static Document Import(Guid projectId, DocumentPath path, DocumentFormat format, byte[] content,
        IReadOnlyList<SourceBlock> blocks, VersionOrigin origin, DateTimeOffset now)
    {
        var document = new Document(Guid.CreateVersion7(now), projectId, path.Value, format, now) { CurrentVersion = 1 };
        var keys = SegmentKeys.Assign(blocks.Select(b => b.Text));
        for (var i = 0; i < blocks.Count; i++)
        {
            document._segments.Add(Segment.Create(document.Id, keys[i], i + 1, blocks[i], 1, Guid.CreateVersion7(now)));
        }
        document._versions.Add(DocumentVersion.Create(document.Id, 1, origin, content, now, document._segments));
        return document;
    }
}
