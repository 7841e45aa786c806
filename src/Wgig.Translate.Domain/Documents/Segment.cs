using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Documents;

/// <summary>
/// One translatable unit of a document: a sentence of a block, with its inline codes. Its <see cref="Key"/>
/// is stable across versions and is the XLIFF unit id; a segment that disappears from a later version is
/// retired, never deleted, and one whose text changes keeps its key and shows its previous source.
/// </summary>
public sealed class Segment
{
    private Segment()
    {
        Key = "";
        Source = "";
        SourceCodes = [];
        SpaceAfter = "";
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    public string Key { get; private set; }

    /// <summary>Position among the current version's segments, from 1.</summary>
    public int Ordinal { get; private set; }

    /// <summary>Index of the block (paragraph, heading, item…) in the current version, from 0.</summary>
    public int Paragraph { get; private set; }

    /// <summary>Index of the sentence in its block, from 0.</summary>
    public int Sentence { get; private set; }

    public BlockKind Kind { get; private set; }

    /// <summary>The block's printed number or label ("17", "(a)", "·"); structure, not text.</summary>
    public string? Number { get; private set; }

    /// <summary>Heading level or list depth; 0 where the kind has none.</summary>
    public int Level { get; private set; }

    /// <summary>The source as coded text; see <see cref="SegmentContent"/>.</summary>
    public string Source { get; private set; }

    public IReadOnlyList<InlineCode> SourceCodes { get; private set; }

    /// <summary>The white space that followed the sentence in its block, for putting blocks back together.</summary>
    public string SpaceAfter { get; private set; }

    public int WordCount { get; private set; }

    public int AddedInVersion { get; private set; }

    public int? ChangedInVersion { get; private set; }

    /// <summary>The source before the last change, for the translator updating an old translation.</summary>
    public string? PreviousSource { get; private set; }

    public IReadOnlyList<InlineCode>? PreviousSourceCodes { get; private set; }

    public int? RetiredInVersion { get; private set; }

    public bool IsRetired => RetiredInVersion is not null;

    public SegmentContent Content => new(Source, SourceCodes);

    public SegmentContent? PreviousContent => PreviousSource is null ? null : new(PreviousSource, PreviousSourceCodes ?? []);

    internal static Segment Create(Guid documentId, string key, int ordinal, SegmentDraft draft, int version, DateTimeOffset now)
    {
        var segment = new Segment { Id = Guid.CreateVersion7(now), DocumentId = documentId, Key = key, AddedInVersion = version };
        segment.Place(ordinal, draft);
        segment.SetSource(draft.Content);
        return segment;
    }

    /// <summary>The same text found again in a new version, perhaps elsewhere.</summary>
    internal void Keep(int ordinal, SegmentDraft draft)
    {
        Place(ordinal, draft);
        RetiredInVersion = null;
    }

    /// <summary>The text at this place was edited: the old source is kept for the translator.</summary>
    internal void ChangeSource(int ordinal, SegmentDraft draft, int version)
    {
        PreviousSource = Source;
        PreviousSourceCodes = SourceCodes;
        ChangedInVersion = version;
        Place(ordinal, draft);
        SetSource(draft.Content);
        RetiredInVersion = null;
    }

    internal void Retire(int version) => RetiredInVersion ??= version;

    private void Place(int ordinal, SegmentDraft draft)
    {
        Ordinal = ordinal;
        Paragraph = draft.Paragraph;
        Sentence = draft.Sentence;
        Kind = draft.Block.Kind;
        Number = draft.Block.Number;
        Level = draft.Block.Level;
        SpaceAfter = draft.SpaceAfter;
    }

    private void SetSource(SegmentContent content)
    {
        Source = content.CodedText;
        SourceCodes = content.Codes;
        WordCount = WordCounter.Count(content.PlainText);
    }
}
