using System.Text;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Formats;

/// <summary>Puts a block back together from its sentences, translated or not.</summary>
public static class BlockAssembly
{
    // Scripts written without spaces between sentences.
    private static readonly HashSet<string> Unspaced = new(StringComparer.OrdinalIgnoreCase) { "zh", "ja", "th", "lo", "km", "my" };

    public static bool JoinsWithoutSpaces(string language) => Unspaced.Contains(language.Split('-')[0]);

    /// <summary>The sentences' coded texts in order, each followed by its space, with their codes renumbered.</summary>
    public static SegmentContent Join(IEnumerable<(SegmentContent Content, string SpaceAfter)> sentences)
    {
        var text = new StringBuilder();
        var codes = new List<InlineCode>();
        foreach (var (content, spaceAfter) in sentences)
        {
            foreach (var c in content.CodedText)
            {
                if (SegmentContent.IsMarker(c))
                {
                    text.Append(SegmentContent.MarkerFor(codes.Count));
                    codes.Add(content.CodeAt(c));
                }
                else
                {
                    text.Append(c);
                }
            }
            text.Append(spaceAfter);
        }
        return new SegmentContent(text.ToString().TrimEnd(), codes);
    }

    /// <summary>
    /// A translation's line breaks as spaces: within a block they are never structure of the translator's to make, and in
    /// text formats a line break (then a blank line, a number, a '#') would start a block of its own in the export.
    /// </summary>
    public static string FoldLines(string text) => text.AsSpan().IndexOfAny('\n', '\r') < 0
        ? text
        : text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
}
