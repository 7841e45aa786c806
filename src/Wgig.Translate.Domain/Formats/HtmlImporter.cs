using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Formats;

/// <summary>
/// HTML pages and fragments through AngleSharp's HTML5 parser. Every run of text-bearing inline content
/// is a block, its kind taken from the element holding it (h1–h6, li, td, blockquote, p…); inline
/// elements (a, em, strong, span…) become paired codes carrying their tags, br/img/code placeholders.
/// Script, style and pre are not translatable. Nothing is fetched: the parser has no resource loader.
/// </summary>
public sealed class HtmlImporter : IDocumentImporter
{
    /// <summary>Deeper nesting of elements than any real page has; beyond it the input is refused.</summary>
    public const int MaxDepth = 256;

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
        "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "ul",
    };

    private static readonly HashSet<string> Untranslatable = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "pre", "template", "noscript", "svg", "math", "textarea", "select", "iframe", "object", "meta", "link", "base",
    };

    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "img", "code", "kbd", "samp", "var", "wbr", "input", "video", "audio", "canvas", "embed",
    };

    public FileFormat Format => FileFormat.Html;

    public IReadOnlyCollection<string> FileExtensions { get; } = [".html", ".htm", ".xhtml"];

    public string MediaType => "text/html; charset=utf-8";

    public bool IsText => true;

    public Result<IReadOnlyList<SourceBlock>> Split(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var parsed = Parse(content, cancellationToken);
        return parsed.Succeeded ? Result<IReadOnlyList<SourceBlock>>.From([.. parsed.Value.Runs.Select(r => r.Block)]) : parsed.Error;
    }

    public Result<byte[]> Rebuild(ReadOnlyMemory<byte> original, IReadOnlyList<SegmentContent?> blocks, TextLanguages? languages = null,
        CancellationToken cancellationToken = default)
    {
        var parsed = Parse(original, cancellationToken);
        if (!parsed.Succeeded)
        {
            return parsed.Error;
        }
        var (document, runs, isFragment) = parsed.Value;
        var parser = new HtmlParser();
        // Each run is taken out and its translation put in its place one node at a time, and AngleSharp finds a node among its
        // siblings by searching them: an element holding n runs between blocks costs n² steps. No real page holds many, and
        // the export's time limit stops a hostile one.
        for (var i = 0; i < runs.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (blocks[i] is not { } translation)
            {
                continue;
            }
            var (block, container, nodes) = runs[i];
            var label = block.Kind == BlockKind.Heading && block.Number is { } number ? number + " " : "";
            var html = label + translation.ToOriginal(System.Net.WebUtility.HtmlEncode);
            var anchor = nodes[^1].NextSibling;
            foreach (var node in nodes)
            {
                container.RemoveChild(node);
            }
            foreach (var node in parser.ParseFragment(html, container).ToList())
            {
                container.InsertBefore(node, anchor);
            }
        }
        if (languages is not null)
        {
            MarkLanguages(document, runs, blocks, languages, isFragment);
        }
        var output = isFragment ? document.Body!.InnerHtml : document.ToHtml();
        return TextSplicer.Encode(output, original.Span);
    }

    // The page says its language and direction (lang, dir on <html>), so browsers, screen readers and search engines read it as
    // the target; a block whose own element says otherwise (or any block of a fragment, which has no <html>) says it itself,
    // and a block left in the source is marked as the source.
    private static void MarkLanguages(IDocument document, List<(SourceBlock Block, IElement Container, List<INode> Nodes)> runs,
        IReadOnlyList<SegmentContent?> blocks, TextLanguages languages, bool isFragment)
    {
        var root = document.DocumentElement;
        if (!isFragment)
        {
            root.SetAttribute("lang", languages.Target.Tag);
            root.SetAttribute("dir", languages.Target.Direction);
        }
        for (var i = 0; i < runs.Count; i++)
        {
            var container = runs[i].Container;
            if (container.LocalName is "html" or "body" or "head")
            {
                continue;
            }
            var writing = blocks[i] is null ? languages.Source : languages.Target;
            var said = container.ParentElement?.Closest("[lang]");
            if (isFragment || blocks[i] is null || container.HasAttribute("lang") || (said is not null && said != root))
            {
                container.SetAttribute("lang", writing.Tag);
                container.SetAttribute("dir", writing.Direction);
            }
        }
    }

    private static Result<(IDocument Document, List<(SourceBlock Block, IElement Container, List<INode> Nodes)> Runs, bool IsFragment)> Parse(
        ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var text = SourceText.DecodeUtf8(content);
        if (!text.Succeeded)
        {
            return text.Error;
        }
        IDocument document;
        try
        {
            document = new HtmlParser(new HtmlParserOptions { OnCreated = new DepthGuard(cancellationToken).Created }).ParseDocument(text.Value);
        }
        catch (NestedTooDeepException)
        {
            return new TooDeeplyNested(MaxDepth);
        }
        // The guard never sees the last element made, and the parser may still move a subtree deeper after the guard saw it
        // (misnested tags are adopted by new parents).
        if (DeeperThanLimit(document.DocumentElement))
        {
            return new TooDeeplyNested(MaxDepth);
        }
        var walk = new PageWalk(cancellationToken);
        walk.Walk(document.DocumentElement);
        var runs = walk.Runs;
        var isFragment = !text.Value.Contains("<html", StringComparison.OrdinalIgnoreCase)
            && !text.Value.Contains("<body", StringComparison.OrdinalIgnoreCase);
        return (document, runs, isFragment);
    }

    /// <summary>
    /// Watches the parser as it builds: AngleSharp's tree construction takes time that grows with the square of the depth
    /// (each start tag looks through the elements still open), so a depth check after parsing comes too late: in an optimized
    /// process 80,000 nested &lt;div&gt; (400 KB) took 23 s to parse, and a 10 MB file would have taken hours. When an
    /// element is made, the one made before it has found its place in the tree; it may not lie deeper than
    /// <see cref="MaxDepth"/>. The parse stops too when the import's time limit is over.
    /// </summary>
    private sealed class DepthGuard(CancellationToken cancellationToken)
    {
        private IElement? _previous;

        public void Created(IElement element, TextPosition position)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_previous is { } previous && DepthOf(previous) > MaxDepth)
            {
                throw new NestedTooDeepException();
            }
            _previous = element;
        }

        // Counts no further than one past the limit, so that each check costs at most that many steps.
        private static int DepthOf(IElement element)
        {
            var depth = 0;
            for (var parent = element.ParentElement; parent is not null && depth <= MaxDepth; parent = parent.ParentElement)
            {
                depth++;
            }
            return depth;
        }
    }

#pragma warning disable CA1064 // Never leaves this class: Parse turns it into TooDeeplyNested.
    private sealed class NestedTooDeepException : Exception;
#pragma warning restore CA1064

    // Every element of the finished tree, without recursion (the walks after it recurse, and may then trust the depth); a
    // template's content, which the parser keeps apart from its children, is serialized with it and counts too. Children
    // are enumerated, not followed sibling by sibling: AngleSharp finds a node's next sibling by searching its parent's
    // children, n² steps for an element with n of them.
    private static bool DeeperThanLimit(IElement root)
    {
        var open = new Stack<(IParentNode Parent, int Depth)>();
        open.Push((root, 0));
        while (open.TryPop(out var next))
        {
            if (next.Depth > MaxDepth)
            {
                return true;
            }
            if (next.Parent is IHtmlTemplateElement template)
            {
                open.Push((template.Content, next.Depth + 1));
            }
            foreach (var child in next.Parent.Children)
            {
                open.Push((child, next.Depth + 1));
            }
        }
        return false;
    }

    /// <summary>
    /// One walk over a parsed page, gathering its runs of text in document order. It stops when the import's time limit is
    /// over, and numbers each ordered list's items in one pass over the list.
    /// </summary>
    private sealed class PageWalk(CancellationToken cancellationToken)
    {
        // Each item's place among its list's items, filled for a whole list when its first item is numbered: looked up item
        // by item, a list of n items took n² steps, hours for a file of <li> only.
        private readonly Dictionary<IElement, int> _itemPlaces = new(ReferenceEqualityComparer.Instance);

        public List<(SourceBlock Block, IElement Container, List<INode> Nodes)> Runs { get; } = [];

        public void Walk(IElement element)
        {
            var run = new List<INode>();
            foreach (var child in element.ChildNodes.ToList())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (child is IElement childElement && (BlockElements.Contains(childElement.LocalName) || Untranslatable.Contains(childElement.LocalName)))
                {
                    Flush(element, run);
                    if (!Untranslatable.Contains(childElement.LocalName))
                    {
                        Walk(childElement);
                    }
                }
                else if (child is IText or IElement)
                {
                    run.Add(child);
                }
                else
                {
                    Flush(element, run);
                }
            }
            Flush(element, run);
        }

        private void Flush(IElement container, List<INode> run)
        {
            if (run.Count == 0)
            {
                return;
            }
            var builder = new ContentBuilder();
            foreach (var node in run)
            {
                Inline(node, builder);
            }
            // White space around the text stays in the file; the block is the nodes from the first to the last with text.
            if (builder.HasText)
            {
                var kind = container.LocalName switch
                {
                    "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
                    "title" => BlockKind.Heading,
                    "li" or "dt" or "dd" => BlockKind.ListItem,
                    "td" or "th" or "caption" => BlockKind.TableCell,
                    "blockquote" => BlockKind.Quote,
                    _ => BlockKind.Paragraph,
                };
                var content = builder.Build();
                string? number = null;
                if (kind == BlockKind.Heading)
                {
                    (number, content) = StructuralLabel.Split(content);
                }
                else if (container.LocalName == "p" && container.ParentElement is { LocalName: "li" } item)
                {
                    kind = BlockKind.ListItem;
                    number = ListNumber(item);
                }
                else if (container.LocalName == "li")
                {
                    number = ListNumber(container);
                }
                var level = kind == BlockKind.Heading && container.LocalName.Length == 2 ? container.LocalName[1] - '0' : 0;
                Runs.Add((new SourceBlock(kind, content, number, level), container, [.. run]));
            }
            run.Clear();
        }

        // An ordered list's item number, from the list's start and the item's place; null in other lists.
        private string? ListNumber(IElement item)
        {
            if (item.ParentElement is not { LocalName: "ol" } list)
            {
                return null;
            }
            var start = int.TryParse(list.GetAttribute("start"), out var first) ? first : 1;
            if (!_itemPlaces.TryGetValue(item, out var index))
            {
                var place = 0;
                foreach (var child in list.Children)
                {
                    if (child.LocalName == "li")
                    {
                        _itemPlaces[child] = place++;
                    }
                }
                index = _itemPlaces[item];
            }
            var style = list.GetAttribute("type") is [var type] ? type : '1';
            // As a browser prints it: "17." for decimal lists (kept with its stop), "(a)" as this importer labels lettered and roman ones.
            return ListNumberFormat.Format(start + index, style) is var number && style != '1' ? $"({number})" : number + ".";
        }
    }

    private static void Inline(INode node, ContentBuilder builder)
    {
        switch (node)
        {
            case IText text:
                builder.Text(text.Data);
                break;
            case IElement element when Placeholders.Contains(element.LocalName) || Untranslatable.Contains(element.LocalName):
                builder.Standalone(element.LocalName, element.OuterHtml, element.LocalName == "img" ? element.GetAttribute("alt") : element.TextContent);
                break;
            case IElement element when element.ChildNodes.Length == 0:
                builder.Standalone(element.LocalName, element.OuterHtml);
                break;
            case IElement element:
                var type = element.LocalName switch { "strong" or "b" => "bold", "em" or "i" => "italic", "a" => "link", var other => other };
                var id = builder.Open(type, StartTag(element), element.GetAttribute("href"));
                foreach (var child in element.ChildNodes)
                {
                    Inline(child, builder);
                }
                builder.Close(id, type, $"</{element.LocalName}>");
                break;
        }
    }

    private static string StartTag(IElement element)
    {
        var tag = new StringBuilder("<").Append(element.LocalName);
        foreach (var attribute in element.Attributes)
        {
            tag.Append(' ').Append(attribute.Name).Append("=\"").Append(System.Net.WebUtility.HtmlEncode(attribute.Value)).Append('"');
        }
        return tag.Append('>').ToString();
    }
}
