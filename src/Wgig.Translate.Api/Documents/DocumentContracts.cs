using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Progress;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Api.Documents;

public sealed record DocumentSummary(
    Guid Id, string Path, DocumentFormat Format, int CurrentVersion, int SegmentCount, int WordCount, DateTimeOffset CreatedAt);

public sealed record VersionResponse(int Number, VersionOrigin Origin, string Sha256, int ByteLength, int SegmentCount, int WordCount, DateTimeOffset ImportedAt)
{
    public static VersionResponse From(DocumentVersion version) => new(version.Number, version.Origin, version.Sha256,
        version.Content.Length, version.SegmentCount, version.WordCount, version.ImportedAt);
}

/// <param name="RecountedAt">When the counts were last taken; null while the first count is still queued.</param>
public sealed record LanguageProgress(
    string Language, int SegmentCount, int WordCount, int TranslatedSegments, int TranslatedWords, double TranslatedPercent,
    int ApprovedSegments, int ApprovedWords, double ApprovedPercent, DateTimeOffset? RecountedAt)
{
    public static LanguageProgress From(DocumentProgress progress) => new(progress.Language, progress.SegmentCount,
        progress.WordCount, progress.TranslatedSegments, progress.TranslatedWords, progress.TranslatedPercent,
        progress.ApprovedSegments, progress.ApprovedWords, progress.ApprovedPercent, progress.RecountedAt);
}

public sealed record DocumentResponse(
    Guid Id, Guid ProjectId, string Path, DocumentFormat Format, int CurrentVersion, int SegmentCount, int WordCount,
    DateTimeOffset CreatedAt, IReadOnlyList<VersionResponse> Versions, IReadOnlyList<LanguageProgress> Progress);

public sealed record SegmentResponse(
    Guid Id, string Key, int Ordinal, BlockKind Kind, string? Number, int Level, string Source, int WordCount, int AddedInVersion)
{
    public static SegmentResponse From(Segment segment) => new(segment.Id, segment.Key, segment.Ordinal, segment.Kind,
        segment.Number, segment.Level, segment.Source, segment.WordCount, segment.AddedInVersion);
}
