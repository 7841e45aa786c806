using System.Xml;

namespace Wgig.Translate.Domain.Xliff;

/// <summary>
/// The layout of a written XLIFF file: structural elements each on their own line, indented two spaces
/// a level, so a unit is one block and a Git diff of a published file shows exactly the units that
/// changed. Only structure is indented: the content of sources, targets, notes and data is written as it
/// is (an <see cref="XmlWriterSettings.Indent"/> writer would add white space before inline codes).
/// </summary>
internal static class XliffLayout
{
    private static readonly string[] Indents = [.. Enumerable.Range(0, 8).Select(depth => "\n" + new string(' ', 2 * depth))];

    /// <summary>A new line at <paramref name="depth"/>, then the element's start tag.</summary>
    public static void Start(XmlWriter xml, int depth, string name, string ns)
    {
        xml.WriteWhitespace(Indents[depth]);
        xml.WriteStartElement(name, ns);
    }

    /// <summary>A new line at <paramref name="depth"/>, then the end tag of an element with structural children.</summary>
    public static void End(XmlWriter xml, int depth)
    {
        xml.WriteWhitespace(Indents[depth]);
        xml.WriteEndElement();
    }
}
