using Wgig.Translate.Domain.Segmentation;
namespace Wgig.Translate.Domain.Formats;

public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Quote,
    TableCell,
    Footnote,
}

/// <summary>
/// One translatable block of a source document as an importer found it: its content with inline codes,
/// and its structure. <paramref name="Number"/> is structure (a numbered paragraph's "17", an item's
/// "(a)", a bullet "·"), not text to translate.
/// </summary>
public sealed record SourceBlock(BlockKind Kind, SegmentContent Content, string? Number = null, int Level = 0)
{
    public SourceBlock(BlockKind kind, string text, string? number = null, int level = 0)
        : this(kind, new ContentBuilder().Text(text).Build(), number, level)
    {
    }

    public string Text => Content.PlainText;
}
