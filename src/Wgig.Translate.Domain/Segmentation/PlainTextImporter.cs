using System.Text.RegularExpressions;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;

namespace Wgig.Translate.Domain.Segmentation;

/// <summary>
/// Plain UTF-8 text: paragraphs are separated by blank lines, and a paragraph number standing on
/// its own first line (as UN papers print them) is kept as structure. Line breaks inside a paragraph
/// are where the text extraction wrapped, so they become spaces.
/// </summary>
public sealed partial class PlainTextImporter : IDocumentImporter
{
    [GeneratedRegex(@"^\d{1,4}\.?$")]
    private static partial Regex ParagraphNumber();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLine();

    public DocumentFormat Format => DocumentFormat.PlainText;

    public IReadOnlyCollection<string> FileExtensions { get; } = [".txt", ".text"];

    public Result<IReadOnlyList<SourceBlock>> Split(ReadOnlyMemory<byte> content)
    {
        var text = SourceText.DecodeUtf8(content);
        if (!text.Succeeded)
        {
            return text.Error;
        }
        var blocks = new List<SourceBlock>();
        foreach (var paragraph in BlankLine().Split(SourceText.NormalizeLineEnds(text.Value)))
        {
            var lines = paragraph.Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.Length > 0)
                .ToList();
            if (lines.Count == 0)
            {
                continue;
            }
            string? number = null;
            if (lines.Count > 1 && ParagraphNumber().IsMatch(lines[0]))
            {
                number = lines[0].TrimEnd('.');
                lines.RemoveAt(0);
            }
            blocks.Add(new SourceBlock(BlockKind.Paragraph, string.Join(' ', lines), number));
        }
        return blocks;
    }
}
