using System.Text.RegularExpressions;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Formats;

/// <summary>
/// A section number or item label printed at the start of a heading or item ("2. ", "(a) ", "(iii) ")
/// is structure, like a list item's number: it stays in the file and out of the text to translate.
/// </summary>
public static partial class StructuralLabel
{
    [GeneratedRegex(@"\A(?<label>\d{1,3}(?:\.\d{1,3})*\.|\((?:[a-z]|[ivxlc]{1,5})\))[ \t]+(?=\S)")]
    private static partial Regex Label();

    /// <summary>
    /// A number as a sentence names it ("paragraph 17"): the label as printed ("17.", "3)") without its closing stop or
    /// bracket; a bracketed label ("(a)") stays whole.
    /// </summary>
    public static string Bare(string printed) => printed.StartsWith('(') ? printed : printed.TrimEnd('.', ')');

    public static (string? Label, SegmentContent Text) Split(SegmentContent content)
    {
        var match = Label().Match(content.CodedText);
        return match.Success
            ? (match.Groups["label"].Value, new SegmentContent(content.CodedText[match.Length..], content.Codes))
            : (null, content);
    }
}
