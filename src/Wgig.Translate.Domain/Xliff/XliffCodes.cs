using System.Globalization;
using System.Text;
using System.Xml;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Xliff;

internal static class XliffCodes
{
    /// <summary>
    /// Placeholders the rebuilt document cannot do without: a footnote reference ties a footnote to its
    /// place, a field code is half of a Word field. Translators may move them, not delete them.
    /// </summary>
    public static bool MustKeep(InlineCode code) => code.Type is "footnote" or "field";

    /// <summary>
    /// Writes content as XLIFF inline markup: text runs as text, each code through
    /// <paramref name="writeCode"/> with its id and whether its pair is complete within this content.
    /// </summary>
    public static void WriteInline(XmlWriter xml, SegmentContent content, Action<InlineCode, string, bool> writeCode)
    {
        if (content.Codes.Count == 0)
        {
            xml.WriteString(XmlSafe(content.CodedText));
            return;
        }
        var paired = PairedCodes(content);
        var run = new StringBuilder();
        foreach (var c in content.CodedText)
        {
            if (!SegmentContent.IsMarker(c))
            {
                run.Append(c);
                continue;
            }
            xml.WriteString(XmlSafe(run.ToString()));
            run.Clear();
            var code = content.CodeAt(c);
            writeCode(code, code.Id.ToString(CultureInfo.InvariantCulture), paired.Contains(code.Id));
        }
        xml.WriteString(XmlSafe(run.ToString()));
    }

    /// <summary>
    /// Text as XML 1.0 can carry it: code data is verbatim markup, and text stored before every input was checked may
    /// hold a character XML cannot; it leaves replaced by U+FFFD instead of breaking the export for everyone.
    /// </summary>
    public static string XmlSafe(string text) => Common.TextRules.Clean(text);

    /// <summary>Ids of opens whose close follows in the same content, properly nested: those become one element.</summary>
    public static HashSet<int> PairedCodes(SegmentContent content)
    {
        var paired = new HashSet<int>();
        var open = new Stack<int>();
        foreach (var c in content.CodedText)
        {
            if (!SegmentContent.IsMarker(c))
            {
                continue;
            }
            var code = content.CodeAt(c);
            if (code.Kind == CodeKind.Open)
            {
                open.Push(code.Id);
            }
            else if (code.Kind == CodeKind.Close && open.TryPeek(out var top) && top == code.Id)
            {
                paired.Add(open.Pop());
            }
        }
        return paired;
    }
}
