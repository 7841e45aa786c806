using System.Text;
using System.Text.RegularExpressions;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Formats;

/// <summary>
/// Plain UTF-8 text, read the way UN papers are printed: blocks separated by blank lines; a paragraph
/// or section number on its own first line; "(a)" sub-headings and "(i)" items; "·" bullets; rules of
/// underscores. Numbers, labels and bullets are structure, kept out of the text to translate. Lines
/// inside a block were wrapped by the text extraction, so they join with a space, or with nothing
/// where the next line starts with punctuation (the mark of a lost footnote reference).
/// </summary>
public sealed partial class PlainTextImporter : IDocumentImporter
{
    // A section or paragraph title has no closing stop and is short; anything else is running text.
    private const int MaxTitleWords = 20;

    [GeneratedRegex(@"\A(?<number>\d{1,3}\.?)[ \t]*\n")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"\A(?<label>\((?:[a-z]|[ivxlc]+)\))[ \t]*")]
    private static partial Regex Label();

    [GeneratedRegex(@"\A(?<bullet>[·•▪‣◦\-–])[ \t]+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\A[_\-=–—.·\s]*\z")]
    private static partial Regex Rule();

    [GeneratedRegex(@"\n[ \t]*\n[ \t\n]*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\A\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)\z")]
    private static partial Regex Roman();

    // A footnote reference that lost its superscript: digits glued to a closing quote ("2005”3 and"), or to
    // a stop that ends a sentence ("Action.12 The"). Digits after a letter or inside numbers are left alone.
    [GeneratedRegex(@"(?<=[””""’)])\d{1,3}(?=[\s,.;:]|\z)|(?<=\p{Ll}[.;:,])\d{1,3}(?=\s+\p{Lu})")]
    private static partial Regex FootnoteMarker();

    public FileFormat Format => FileFormat.PlainText;

    public IReadOnlyCollection<string> FileExtensions { get; } = [".txt", ".text"];

    public string MediaType => "text/plain; charset=utf-8";

    public bool IsText => true;

    public Result<IReadOnlyList<SourceBlock>> Split(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var text = SourceText.DecodeUtf8(content);
        return text.Succeeded ? Result<IReadOnlyList<SourceBlock>>.From([.. Parse(text.Value, cancellationToken).Select(b => b.Block)]) : text.Error;
    }

    public Result<byte[]> Rebuild(ReadOnlyMemory<byte> original, IReadOnlyList<SegmentContent?> blocks, TextLanguages? languages = null,
        CancellationToken cancellationToken = default)
    {
        var text = SourceText.DecodeUtf8(original);
        if (!text.Succeeded)
        {
            return text.Error;
        }
        var parsed = Parse(text.Value, cancellationToken);
        var spliced = TextSplicer.Splice(text.Value, [.. parsed.Select(b => b.Span)], [.. blocks.Select(b => b?.ToOriginal(BlockAssembly.FoldLines))]);
        return TextSplicer.Encode(spliced, original.Span);
    }

    private static List<(SourceBlock Block, Range Span)> Parse(string text, CancellationToken cancellationToken = default)
    {
        // Line ends are kept as they are in the file (the rebuild copies them); "\r" is space to the parser.
        var normalized = text.Replace('\r', ' ');
        var blocks = new List<(SourceBlock, Range)>();
        var start = 0;
        foreach (Match? gap in BlankLines().Matches(normalized).Append(null))
        {
            var end = gap?.Index ?? normalized.Length;
            cancellationToken.ThrowIfCancellationRequested();
            if (ToBlock(normalized, start, end) is { } block)
            {
                blocks.Add(block);
            }
            start = gap is null ? end : gap.Index + gap.Length;
        }
        return blocks;
    }

    private static (SourceBlock, Range)? ToBlock(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        var raw = text[start..end];
        if (raw.Length == 0 || Rule().IsMatch(raw))
        {
            return null;
        }

        string? number = null, label = null, bullet = null;
        var textStart = 0;
        if (NumberLine().Match(raw) is { Success: true } numbered && numbered.Length < raw.Length)
        {
            number = numbered.Groups["number"].Value;
            textStart = numbered.Length;
        }
        else if (Label().Match(raw) is { Success: true } labelled && labelled.Length < raw.Length)
        {
            label = labelled.Groups["label"].Value;
            textStart = labelled.Length;
        }
        else if (Bullet().Match(raw) is { Success: true } bulleted && bulleted.Length < raw.Length)
        {
            bullet = bulleted.Groups["bullet"].Value;
            textStart = bulleted.Length;
        }
        while (textStart < raw.Length && char.IsWhiteSpace(raw[textStart]))
        {
            textStart++;
        }

        var content = WithFootnotes(JoinLines(raw[textStart..]));
        var isTitle = IsTitle(content.PlainText);
        var block = (number, label, bullet) switch
        {
            ({ } n, _, _) when isTitle => new SourceBlock(BlockKind.Heading, content, n, 1),
            ({ } n, _, _) => new SourceBlock(BlockKind.Paragraph, content, n),
            (_, { } l, _) when Roman().IsMatch(l) => new SourceBlock(BlockKind.ListItem, content, l, 1),
            (_, { } l, _) when isTitle => new SourceBlock(BlockKind.Heading, content, l, 2),
            (_, { } l, _) => new SourceBlock(BlockKind.ListItem, content, l, 1),
            (_, _, { } b) => new SourceBlock(BlockKind.ListItem, content, b, 1),
            _ when isTitle && !raw.Contains('\n', StringComparison.Ordinal) => new SourceBlock(BlockKind.Heading, content, null, 1),
            _ => new SourceBlock(BlockKind.Paragraph, content),
        };
        return (block, (start + textStart)..end);
    }

    private static SegmentContent WithFootnotes(string text)
    {
        var builder = new ContentBuilder();
        var copied = 0;
        foreach (Match marker in FootnoteMarker().Matches(text))
        {
            builder.Text(text[copied..marker.Index]);
            builder.Standalone("footnote", marker.Value, marker.Value);
            copied = marker.Index + marker.Length;
        }
        return builder.Text(text[copied..]).Build();
    }

    private static string JoinLines(string text)
    {
        var joined = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }
            if (joined.Length > 0 && !char.IsPunctuation(trimmed[0]) || joined.Length > 0 && trimmed[0] is '(' or '[' or '“' or '‘' or '"')
            {
                joined.Append(' ');
            }
            joined.Append(trimmed);
        }
        return joined.ToString();
    }

    private static bool IsTitle(string text) =>
        text.Length > 0
        && !".:;!?,".Contains(text[^1], StringComparison.Ordinal)
        && WordCounter.Count(text) <= MaxTitleWords;
}
