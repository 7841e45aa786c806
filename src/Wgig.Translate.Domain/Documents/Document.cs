using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Documents;

/// <summary>What a new version did to a document's segments.</summary>
/// <param name="Identical">The upload was byte for byte the current version: nothing was stored, the sign-off stands.</param>
public sealed record SourceUpdateSummary(int Version, int Unchanged, int Changed, int Added, int Retired, bool Identical = false)
{
    public IReadOnlyList<Guid> ChangedSegmentIds { get; init; } = [];

    /// <summary>Per target language, approved translations whose source changed: they need an update now.</summary>
    public IReadOnlyDictionary<string, int> ApprovedNeedingUpdate { get; init; } = new Dictionary<string, int>();

    /// <summary>The secretariat's sign-off held before and no longer does: the text changed.</summary>
    public bool SignOffVoided { get; init; }

    /// <summary>The document was taken out of the repository's care by this upload.</summary>
    public bool Detached { get; init; }

    /// <summary>Whether the translatable text changed at all (as opposed to formatting or bytes only).</summary>
    public bool TextChanged => Changed + Added + Retired > 0;

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

    /// <summary>
    /// Where the document's versions come from, for good: the project's repository (only a sync changes it) or uploads
    /// by hand (a sync never touches it). A coordinator may detach a repository document, never the reverse.
    /// </summary>
    public VersionOrigin Origin { get; private set; }

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

    /// <summary>Whether a new version may come from <paramref name="origin"/>: each document has one source of versions.</summary>
    /// <param name="detach">An upload that takes a repository document out of the repository's care.</param>
    public DomainError? AcceptsVersionFrom(VersionOrigin origin, bool detach) => (Origin, origin) switch
    {
        (VersionOrigin.Repository, VersionOrigin.Upload) when !detach => new DocumentFromRepository(Path),
        (VersionOrigin.Upload, VersionOrigin.Repository) => new DocumentUploadedByHand(Path),
        _ => null,
    };

    /// <summary>From now on the document's versions are uploaded by hand, and repository syncs leave it alone.</summary>
    public void Detach() => Origin = VersionOrigin.Upload;

    /// <summary>The first version of a new document, cut into segments.</summary>
    public static Document Import(Guid projectId, DocumentPath path, FileFormat format, byte[] content,
        IReadOnlyList<SegmentDraft> drafts, VersionOrigin origin, DateTimeOffset now, string? commitSha = null, Guid? importedBy = null)
    {
        var document = new Document(Guid.CreateVersion7(now), projectId, path.Value, format, now) { CurrentVersion = 1, Origin = origin };
        var keys = SegmentKeys.Assign(drafts.Select(d => d.Content.PlainText));
        for (var i = 0; i < drafts.Count; i++)
        {
            document._segments.Add(Segment.Create(document.Id, keys[i], i + 1, drafts[i], 1, now));
        }
        document._versions.Add(DocumentVersion.Create(document.Id, 1, origin, content, now, document._segments, commitSha, importedBy));
        return document;
    }

    /// <summary>
    /// A new version of the source: unchanged segments stay as they are, edited ones keep their key and
    /// show their previous source, new ones are added and the ones gone are retired. The document's
    /// segments must all be loaded, retired ones included. A sign-off survives a version whose text is the
    /// same (formatting only); any change to the text voids it.
    /// </summary>
    public SourceUpdateSummary ImportVersion(byte[] content, IReadOnlyList<SegmentDraft> drafts, VersionOrigin origin, DateTimeOffset now,
        string? commitSha = null, Guid? importedBy = null)
    {
        var wasSignedOff = IsSignedOff;
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
        var created = DocumentVersion.Create(Id, version, origin, content, now, [.. _segments.Where(s => !s.IsRetired)], commitSha, importedBy);
        created.Summarize(changed.Count, added, plan.Retired.Count, 0);
        _versions.Add(created);
        var summary = new SourceUpdateSummary(version, unchanged, changed.Count, added, plan.Retired.Count) { ChangedSegmentIds = changed };
        if (wasSignedOff && !summary.TextChanged)
        {
            SignedOffVersion = version;
        }
        return summary with { SignOffVoided = wasSignedOff && summary.TextChanged };
    }
}

/// <summary>What a source update says to the person who made it (and the activity feed to everyone).</summary>
public static class SourceUpdateWarnings
{
    public static IReadOnlyList<string> For(SourceUpdateSummary summary)
    {
        var warnings = new List<string>();
        if (summary.Identical)
        {
            warnings.Add($"The file is identical to version {summary.Version}: nothing changed and no version was made.");
        }
        if (summary.ApprovedNeedingUpdate.Count > 0)
        {
            warnings.Add($"{summary.ApprovedNeedingUpdate.Values.Sum()} approved translation(s) now need an update because their source changed " +
                $"({string.Join(", ", summary.ApprovedNeedingUpdate.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"))}); " +
                "their translators were told.");
        }
        if (summary.SignOffVoided)
        {
            warnings.Add("The secretariat's sign-off no longer holds: the text changed. The secretariat was told.");
        }
        if (summary.Detached)
        {
            warnings.Add("The document is no longer kept in the repository: syncs leave it alone and its versions are uploaded by hand.");
        }
        return warnings;
    }
}
