using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Documents;

/// <summary>What a new version did to a document's segments.</summary>
public sealed record SourceUpdateSummary(int Version, int Unchanged, int Changed, int Added, int Retired)
{
    public IReadOnlyList<Guid> ChangedSegmentIds { get; init; } = [];

    /// <summary>Characters the import replaced with U+FFFD, when the upload asked for it.</summary>
    public Replacements Replaced { get; init; } = Replacements.None;
}

/// <summary>A key paper in a project: its versions (one per import) and its segments.</summary>
public sealed class Document
{
    private readonly List<DocumentVersion> _versions = [];
    private readonly List<Segment> _segments = [];

    private Document(Guid id, Guid projectId, string path, FileFormat format, DateTimeOffset createdAt)
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

    public FileFormat Format { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int CurrentVersion { get; private set; }

    /// <summary>The version the secretariat signed off for publication; a newer source version needs a new sign-off.</summary>
    public int? SignedOffVersion { get; private set; }

    public Guid? SignedOffBy { get; private set; }

    public DateTimeOffset? SignedOffAt { get; private set; }

    public bool IsSignedOff => SignedOffVersion == CurrentVersion;

    /// <summary>The secretariat approves the paper for publication, as it stands now.</summary>
    public void SignOff(Guid by, DateTimeOffset now) => (SignedOffVersion, SignedOffBy, SignedOffAt) = (CurrentVersion, by, now);

    public IReadOnlyList<DocumentVersion> Versions => _versions;

    /// <summary>Characters the import that made this document replaced with U+FFFD, when the upload asked for it (not stored).</summary>
    public Replacements Replaced { get; internal set; } = Replacements.None;

    /// <summary>All segments ever, retired ones included (when loaded).</summary>
    public IReadOnlyList<Segment> Segments => _segments;

    /// <summary>The first version of a new document, cut into segments.</summary>
    public static Document Import(Guid projectId, DocumentPath path, FileFormat format, byte[] content,
        IReadOnlyList<SegmentDraft> drafts, VersionOrigin origin, DateTimeOffset now, string? commitSha = null)
    {
        var document = new Document(Guid.CreateVersion7(now), projectId, path.Value, format, now) { CurrentVersion = 1 };
        var keys = SegmentKeys.Assign(drafts.Select(d => d.Content.PlainText));
        for (var i = 0; i < drafts.Count; i++)
        {
            document._segments.Add(Segment.Create(document.Id, keys[i], i + 1, drafts[i], 1, now));
        }
        document._versions.Add(DocumentVersion.Create(document.Id, 1, origin, content, now, document._segments, commitSha));
        return document;
    }

    /// <summary>
    /// A new version of the source: unchanged segments stay as they are, edited ones keep their key and
    /// show their previous source, new ones are added and the ones gone are retired. The document's
    /// segments must all be loaded, retired ones included.
    /// </summary>
    public SourceUpdateSummary ImportVersion(byte[] content, IReadOnlyList<SegmentDraft> drafts, VersionOrigin origin, DateTimeOffset now, string? commitSha = null)
    {
        var version = CurrentVersion + 1;
        var plan = SourceUpdate.Plan(_segments, drafts);
        var usedKeys = new HashSet<string>(_segments.Select(s => s.Key), StringComparer.Ordinal);
        var unchanged = 0;
        var changed = new List<Guid>();
        var added = 0;
        for (var i = 0; i < plan.Incoming.Count; i++)
        {
            var (draft, match, existing) = plan.Incoming[i];
            switch (match)
            {
                case SegmentMatch.Unchanged:
                    existing!.Keep(i + 1, draft);
                    unchanged++;
                    break;
                case SegmentMatch.Changed:
                    existing!.ChangeSource(i + 1, draft, version);
                    changed.Add(existing.Id);
                    break;
                default:
                    var key = SegmentKeys.Unique(SegmentKeys.ForText(draft.Content.PlainText), usedKeys);
                    _segments.Add(Segment.Create(Id, key, i + 1, draft, version, now));
                    added++;
                    break;
            }
        }
        foreach (var gone in plan.Retired)
        {
            gone.Retire(version);
        }
        CurrentVersion = version;
        _versions.Add(DocumentVersion.Create(Id, version, origin, content, now, [.. _segments.Where(s => !s.IsRetired)], commitSha));
        return new SourceUpdateSummary(version, unchanged, changed.Count, added, plan.Retired.Count) { ChangedSegmentIds = changed };
    }
}
