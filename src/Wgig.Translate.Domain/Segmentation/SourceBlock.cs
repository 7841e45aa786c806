namespace Wgig.Translate.Domain.Segmentation;

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
/// One translatable block of a source document as an importer found it.
/// <paramref name="Number"/> is structure (a numbered paragraph's "17"), not text to translate.
/// </summary>
public sealed record SourceBlock(BlockKind Kind, string Text, string? Number = null, int Level = 0);
