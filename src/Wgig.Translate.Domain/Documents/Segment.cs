using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Documents;

/// <summary>
/// One translatable unit of a document. Its <see cref="Key"/> is stable across versions and is the
/// XLIFF unit id; a segment that disappears from a later version is retired, never deleted.
/// </summary>
public sealed class Segment
{
    private Segment(Guid id, Guid documentId, string key, int ordinal, BlockKind kind, string? number, int level,
        string source, int wordCount, int addedInVersion)
    {
        Id = id;
        DocumentId = documentId;
        Key = key;
        Ordinal = ordinal;
        Kind = kind;
        Number = number;
        Level = level;
        Source = source;
        WordCount = wordCount;
        AddedInVersion = addedInVersion;
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    public string Key { get; private set; }

    /// <summary>Position in the current version, from 1.</summary>
    public int Ordinal { get; private set; }

    public BlockKind Kind { get; private set; }

    /// <summary>The paragraph or list number printed in the source ("17"); structure, not text.</summary>
    public string? Number { get; private set; }

    /// <summary>Heading level or list depth; 0 where the kind has none.</summary>
    public int Level { get; private set; }

    public string Source { get; private set; }

    public int WordCount { get; private set; }

    public int AddedInVersion { get; private set; }

    public int? RetiredInVersion { get; private set; }

    public bool IsRetired => RetiredInVersion is not null;

    internal static Segment Create(Guid documentId, string key, int ordinal, SourceBlock block, int version, Guid id) =>
        new(id, documentId, key, ordinal, block.Kind, block.Number, block.Level, block.Text,
            WordCounter.Count(block.Text), version);
}
