using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Memory;

public enum MatchKind
{
    /// <summary>The same text in the same surroundings (the segments before and after): the surest match.</summary>
    InContext,

    /// <summary>The same text, codes alike: a 100% match.</summary>
    Exact,

    /// <summary>A similar text, scored by word edit distance.</summary>
    Fuzzy,
}

/// <summary>
/// A memory entry offered for a segment: its score, how its source differs from the segment's, and its
/// translation with codes already mapped onto the segment's (<see cref="DroppedCodes"/> had no counterpart).
/// </summary>
public sealed record MemoryMatch(Guid EntryId, MatchKind Kind, int Score, SegmentContent Source, SegmentContent Translation, int DroppedCodes,
    IReadOnlyList<DiffPart> Diff, Guid ProjectId, Guid? DocumentId, Guid? AuthorId, string? AuthorName, MemoryOrigin Origin, DateTimeOffset At)
{
    /// <summary>Good enough to fill a segment by pre-translation: in context, or exact with nothing lost.</summary>
    public bool Certain => Kind is MatchKind.InContext or MatchKind.Exact && DroppedCodes == 0;
}

/// <summary>A concordance hit: an entry whose source or translation contains the phrase.</summary>
public sealed record ConcordanceHit(Guid EntryId, string SourceLanguage, string TargetLanguage, SegmentContent Source, SegmentContent Translation,
    Guid ProjectId, Guid? DocumentId, DateTimeOffset At);
