using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;

namespace Wgig.Translate.Domain.Segmentation;

/// <summary>
/// Markdown through Markdig. Headings, paragraphs, list items, quotes, table cells and footnotes
/// are translatable; code, front matter, HTML blocks and link definitions are not.
/// </summary>
public sealed class MarkdownImporter : IDocumentImporter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseFootnotes()
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation()
        .Build();

    public DocumentFormat Format => DocumentFormat.Markdown;

    public IReadOnlyCollection<string> FileExtensions { get; } = [".md", ".markdown"];

    public Result<IReadOnlyList<SourceBlock>> Split(ReadOnlyMemory<byte> content)
    {
        var text = SourceText.DecodeUtf8(content);
        if (!text.Succeeded)
        {
            return text.Error;
        }
        var markdown = SourceText.NormalizeLineEnds(text.Value);
        var document = Markdown.Parse(markdown, Pipeline);
        var blocks = new List<SourceBlock>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (ToSourceBlock(leaf, markdown) is { } block)
            {
                blocks.Add(block);
            }
        }
        return blocks;
    }

    private static SourceBlock? ToSourceBlock(LeafBlock leaf, string markdown)
    {
        if (leaf is not (HeadingBlock or ParagraphBlock) || leaf.Inline is not { Span.IsEmpty: false } inline)
        {
            return null;
        }
        var text = InlineSource(markdown, inline.Span);
        if (text.Length == 0)
        {
            return null;
        }
        if (leaf is HeadingBlock heading)
        {
            return new SourceBlock(BlockKind.Heading, text, Level: heading.Level);
        }
        return leaf.Parent switch
        {
            ListItemBlock item => new SourceBlock(BlockKind.ListItem, text, NumberOf(item, leaf), ListDepth(item)),
            QuoteBlock => new SourceBlock(BlockKind.Quote, text),
            TableCell => new SourceBlock(BlockKind.TableCell, text),
            Footnote footnote => new SourceBlock(BlockKind.Footnote, text, footnote.Label),
            _ => new SourceBlock(BlockKind.Paragraph, text),
        };
    }

    // The inline markup exactly as written, less the indentation that continues a list item or quote.
    private static string InlineSource(string markdown, SourceSpan span) =>
        string.Join('\n', markdown.Substring(span.Start, span.Length).Split('\n').Select(line => line.Trim())).Trim();

    // Only the item's first paragraph carries the number; a list item may hold several paragraphs.
    private static string? NumberOf(ListItemBlock item, LeafBlock leaf) =>
        item.Parent is ListBlock { IsOrdered: true } && ReferenceEquals(item.FirstOrDefault(), leaf)
            ? item.Order.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static int ListDepth(ListItemBlock item)
    {
        var depth = 0;
        for (Block? block = item; block is not null; block = block.Parent)
        {
            if (block is ListBlock)
            {
                depth++;
            }
        }
        return depth;
    }
}
