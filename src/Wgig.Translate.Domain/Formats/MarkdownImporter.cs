using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Formats;

/// <summary>
/// Markdown through Markdig. Headings, paragraphs, list items, quotes, table cells and footnotes are
/// translatable; code blocks, front matter, HTML blocks and link definitions are not. Emphasis, links,
/// inline code, images, footnote references and hard breaks become inline codes carrying their markup.
/// </summary>
public sealed partial class MarkdownImporter : IDocumentImporter
{
    /// <summary>Deeper nesting than any real document has; beyond it the input is refused, not parsed.</summary>
    public const int MaxNesting = 32;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseFootnotes()
        .UseYamlFrontMatter()
        .UsePreciseSourceLocation()
        .Build();

    [GeneratedRegex(@"^(?:[#>+\-]|(\d+)[.)])")]
    private static partial Regex BlockStart();

    // A section number or item label printed at the start of a heading or item: "2. ", "(a) ", "(iii) ".
    [GeneratedRegex(@"\A(?<label>\d{1,3}(?:\.\d{1,3})*\.|\((?:[a-z]|[ivxlc]{1,5})\))[ \t]+")]
    private static partial Regex Label();

    public FileFormat Format => FileFormat.Markdown;

    public IReadOnlyCollection<string> FileExtensions { get; } = [".md", ".markdown"];

    public string MediaType => "text/markdown; charset=utf-8";

    public bool IsText => true;

    public Result<IReadOnlyList<SourceBlock>> Split(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var parsed = Parse(content, cancellationToken);
        return parsed.Succeeded ? Result<IReadOnlyList<SourceBlock>>.From([.. parsed.Value.Select(b => b.Block)]) : parsed.Error;
    }

    public Result<byte[]> Rebuild(ReadOnlyMemory<byte> original, IReadOnlyList<SegmentContent?> blocks, TextLanguages? languages = null,
        CancellationToken cancellationToken = default)
    {
        var parsed = Parse(original, cancellationToken);
        if (!parsed.Succeeded)
        {
            return parsed.Error;
        }
        var text = SourceText.DecodeUtf8(original).Value!;
        var spliced = TextSplicer.Splice(text, [.. parsed.Value.Select(b => b.Span)],
            [.. blocks.Select(b => b is null ? null : Escape(b.ToOriginal(EscapeText)))]);
        return TextSplicer.Encode(languages is { Target.RightToLeft: true } ? RightToLeft(spliced, languages.Target) : spliced, original.Span);
    }

    // Markdown has no way of its own to say a direction: a translation written right to left is wrapped, after any front
    // matter, in an HTML block that says its language and direction (GitHub and CommonMark renderers keep both attributes);
    // the blank lines let the Markdown inside render as Markdown.
    private static string RightToLeft(string markdown, Writing target)
    {
        var front = Markdown.Parse(markdown, Pipeline).OfType<YamlFrontMatterBlock>().FirstOrDefault();
        var start = front is null ? 0 : markdown.IndexOf('\n', front.Span.End) + 1;
        start = start <= 0 && front is not null ? markdown.Length : start;
        var newline = markdown.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var end = markdown.EndsWith('\n') ? "" : newline;
        return $"{markdown[..start]}<div lang=\"{target.Tag}\" dir=\"rtl\">{newline}{newline}{markdown[start..]}{end}{newline}</div>{newline}";
    }

    private static Result<List<(SourceBlock Block, Range Span)>> Parse(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var text = SourceText.DecodeUtf8(content);
        if (!text.Succeeded)
        {
            return text.Error;
        }
        if (NestingDepth(text.Value) > MaxNesting)
        {
            return new TooDeeplyNested(MaxNesting);
        }
        var markdown = text.Value;
        var document = Markdown.Parse(markdown, Pipeline);
        var blocks = new List<(SourceBlock, Range)>();
        foreach (var leaf in Leaves(document))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (leaf is not (HeadingBlock or ParagraphBlock) || leaf.Inline is not { Span.IsEmpty: false } inline)
            {
                continue;
            }
            var listNumber = leaf.Parent is ListItemBlock listItem ? NumberOf(listItem, leaf) : null;
            var (label, skip) = listNumber is null ? LabelOf(inline) : (null, 0);
            var builder = new ContentBuilder();
            Walk(inline, builder, markdown, skip);
            if (!builder.HasText)
            {
                continue;
            }
            var block = leaf switch
            {
                HeadingBlock heading => new SourceBlock(BlockKind.Heading, builder.Build(), label, heading.Level),
                _ => leaf.Parent switch
                {
                    ListItemBlock item => new SourceBlock(BlockKind.ListItem, builder.Build(), listNumber ?? label, ListDepth(item)),
                    QuoteBlock => new SourceBlock(BlockKind.Quote, builder.Build(), label),
                    TableCell => new SourceBlock(BlockKind.TableCell, builder.Build()),
                    Footnote footnote => new SourceBlock(BlockKind.Footnote, builder.Build(), footnote.Label),
                    _ => new SourceBlock(BlockKind.Paragraph, builder.Build(), label),
                },
            };
            blocks.Add((block, (inline.Span.Start + skip)..(inline.Span.End + 1)));
        }
        return blocks;
    }

    // Document order without Markdig's nested iterators, which cost a frame per level per block.
    private static IEnumerable<LeafBlock> Leaves(MarkdownDocument document)
    {
        var pending = new Stack<(ContainerBlock Container, int Next)>();
        pending.Push((document, 0));
        while (pending.TryPop(out var top))
        {
            var (container, next) = top;
            if (next >= container.Count)
            {
                continue;
            }
            pending.Push((container, next + 1));
            switch (container[next])
            {
                case LeafBlock leaf:
                    yield return leaf;
                    break;
                case ContainerBlock child:
                    pending.Push((child, 0));
                    break;
            }
        }
    }

    // The label is structure: it stays in the file and out of the text, like a list item's number.
    private static (string? Label, int Length) LabelOf(ContainerInline inline)
    {
        if (inline.FirstChild is not LiteralInline first || first.NextSibling is null && first.Content.Length == 0)
        {
            return (null, 0);
        }
        var match = Label().Match(first.Content.ToString());
        return match.Success && (match.Length < first.Content.Length || first.NextSibling is not null)
            ? (match.Groups["label"].Value, match.Length)
            : (null, 0);
    }

    /// <param name="skipFirst">Characters of the first literal that are a label, not text.</param>
    private static void Walk(ContainerInline container, ContentBuilder builder, string markdown, int skipFirst = 0)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Text(literal.Content.ToString()[skipFirst..]);
                    skipFirst = 0;
                    break;
                case CodeInline code:
                    builder.Standalone("code", Slice(markdown, code.Span), code.Content);
                    break;
                case LineBreakInline lineBreak when lineBreak.IsHard:
                    // The span holds only the line end; the two spaces before it are what make it hard.
                    builder.Standalone("break", lineBreak.IsBackslash ? "\\\n" : "  \n");
                    break;
                case LineBreakInline:
                    builder.Text(" ");
                    break;
                case HtmlEntityInline entity:
                    builder.Text(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    builder.Standalone("link", Slice(markdown, autolink.Span), autolink.Url);
                    break;
                case LinkInline { IsImage: true } image:
                    builder.Standalone("image", Slice(markdown, image.Span), image.Url);
                    break;
                case FootnoteLink footnote:
                    builder.Standalone("footnote", Slice(markdown, footnote.Span), footnote.Footnote?.Label);
                    break;
                case HtmlInline html:
                    builder.Standalone("html", html.Tag);
                    break;
                case LinkInline link:
                    Paired(link, "link", link.Url, builder, markdown);
                    break;
                case EmphasisInline emphasis:
                    Paired(emphasis, emphasis.DelimiterCount >= 2 ? "bold" : "italic", null, builder, markdown);
                    break;
                case ContainerInline other:
                    Walk(other, builder, markdown);
                    break;
                default:
                    builder.Text(Slice(markdown, inline.Span));
                    break;
            }
        }
    }

    // The markup before the first child opens the code and the markup after the last child closes it,
    // exactly as written: "**", "[", "](http://… \"title\")".
    private static void Paired(ContainerInline span, string type, string? display, ContentBuilder builder, string markdown)
    {
        if (span.FirstChild is null || span.LastChild is null)
        {
            builder.Standalone(type, Slice(markdown, span.Span), display);
            return;
        }
        var id = builder.Open(type, markdown[span.Span.Start..span.FirstChild.Span.Start], display);
        Walk(span, builder, markdown);
        builder.Close(id, type, markdown[(span.LastChild.Span.End + 1)..(span.Span.End + 1)]);
    }

    private static string Slice(string markdown, SourceSpan span) => markdown.Substring(span.Start, span.Length);

    // Only the item's first paragraph carries the number; a list item may hold several paragraphs. The number is kept as
    // printed, with its delimiter ("17." or "17)").
    private static string? NumberOf(ListItemBlock item, LeafBlock leaf) =>
        item.Parent is ListBlock { IsOrdered: true } list && ReferenceEquals(item.FirstOrDefault(), leaf)
            ? item.Order.ToString(CultureInfo.InvariantCulture) + list.OrderedDelimiter
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

    /// <summary>
    /// A cheap upper bound of container and bracket nesting, checked before parsing: the parser and any
    /// walk over its tree recurse with the nesting, and a hostile file must not exhaust the stack.
    /// </summary>
    internal static int NestingDepth(string markdown)
    {
        var deepest = 0;
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            var depth = 0;
            var i = 0;
            while (true)
            {
                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }
                if (i < line.Length && line[i] == '>')
                {
                    i++;
                }
                else if (i + 1 < line.Length && line[i] is '-' or '*' or '+' && line[i + 1] == ' ')
                {
                    i += 2;
                }
                else
                {
                    var digits = i;
                    while (digits < line.Length && char.IsAsciiDigit(line[digits]))
                    {
                        digits++;
                    }
                    if (digits == i || digits + 1 >= line.Length || line[digits] is not ('.' or ')') || line[digits + 1] != ' ')
                    {
                        break;
                    }
                    i = digits + 2;
                }
                depth++;
            }
            var brackets = 0;
            foreach (var c in line[i..])
            {
                brackets = c switch { '[' => brackets + 1, ']' => Math.Max(0, brackets - 1), _ => brackets };
                depth = Math.Max(depth, brackets);
            }
            deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }

    // A translation is inline text: its line breaks become spaces (a line break followed by '#', '-', '>', a blank line or
    // "===" would start a block of its own), and '|' is escaped (it would split a table cell).
    private static string EscapeText(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in BlockAssembly.FoldLines(text))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    // A translation that starts like a block marker would turn the paragraph into a heading or list.
    private static string Escape(string inline)
    {
        inline = inline.TrimStart(' ', '\t'); // four spaces at the start of a block would make it code
        var start = BlockStart().Match(inline);
        if (!start.Success)
        {
            return inline;
        }
        // "1." is escaped after the number ("1\."), the other markers before themselves ("\#").
        var at = start.Groups[1].Success ? start.Groups[1].Length : 0;
        return inline.Insert(at, "\\");
    }
}
