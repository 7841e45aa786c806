using System.IO.Compression;
using System.Text;

namespace Wgig.Translate.Bench.Faults;

/// <summary>
/// Mutation of real inputs, in the manner of AFL's havoc stage: one to four stacked byte-level edits (bit flips,
/// interesting bytes, deletions, duplications, splices from another seed) and the format's own tokens inserted
/// singly or repeated hundreds of times (to reach nesting and run-on limits). A DOCX is a zip of XML parts: most
/// mutants edit one part and zip it again, so the edit reaches the importer instead of the zip reader.
/// </summary>
internal sealed class Mutator(Random random, IReadOnlyList<string> tokens)
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0xC0, 0xE2, 0xEF, 0xBB, 0xBF, (byte)'<', (byte)'>', (byte)'&', (byte)'"',
        (byte)'\n', (byte)'\r', (byte)'\t', (byte)' ', (byte)'#', (byte)'*', (byte)'[', (byte)']', (byte)'(', (byte)')', (byte)'\\', (byte)'-', (byte)'.'];

    private static readonly string[] Unicode = ["\u200F", "\u202E", "\u0301", "\uFEFF", "\u00A0", "\u2028", "\uD83D\uDE00", "\u0627\u0644", "\u4E2D\u6587", "\u0000"];

    public byte[] Mutate(byte[] input, byte[] other)
    {
        var data = new List<byte>(input);
        for (int edits = random.Next(1, 5), i = 0; i < edits; i++)
        {
            Edit(data, other);
        }
        return [.. data];
    }

    /// <summary>A DOCX mutant: usually one XML part edited and zipped again, sometimes the zip's own bytes.</summary>
    public byte[] MutateDocx(byte[] docx, byte[] other)
    {
        if (random.Next(5) == 0)
        {
            return Mutate(docx, other);
        }
        using var input = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        var parts = input.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)).ToList();
        // The body most of the time, the other parts (numbering, footnotes, styles, relationships, content types) too.
        var chosen = random.Next(3) > 0 ? parts.FirstOrDefault(p => p.FullName == "word/document.xml") ?? parts[0] : parts[random.Next(parts.Count)];
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var read = entry.Open();
                var content = new MemoryStream();
                read.CopyTo(content);
                var bytes = entry == chosen ? Mutate(content.ToArray(), content.ToArray()) : content.ToArray();
                using var write = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                write.Write(bytes);
            }
        }
        return output.ToArray();
    }

    private void Edit(List<byte> data, byte[] other)
    {
        var at = data.Count == 0 ? 0 : random.Next(data.Count);
        switch (random.Next(11))
        {
            case 0 when data.Count > 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[at] = Interesting[random.Next(Interesting.Length)];
                break;
            case 2 when data.Count > 0:
                data.RemoveRange(at, Math.Min(random.Next(1, 64), data.Count - at));
                break;
            case 3 when data.Count > 0:
                var length = Math.Min(random.Next(1, 256), data.Count - at);
                data.InsertRange(random.Next(data.Count), data.GetRange(at, length));
                break;
            case 4 when other.Length > 0:
                var from = random.Next(other.Length);
                data.InsertRange(at, other.AsSpan(from, Math.Min(random.Next(1, 512), other.Length - from)).ToArray());
                break;
            case 5:
            case 6:
                data.InsertRange(at, Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Count)]));
                break;
            case 7:
                // A token many times over: nesting, run-on lines, long tables.
                var token = tokens[random.Next(tokens.Count)];
                data.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(token, random.Next(2, 400)))));
                break;
            case 8:
                data.InsertRange(at, Encoding.UTF8.GetBytes(Unicode[random.Next(Unicode.Length)]));
                break;
            case 9 when data.Count > 1 && random.Next(4) == 0:
                data.RemoveRange(at, data.Count - at); // truncated, as an interrupted transfer
                break;
            default:
                var noise = new byte[random.Next(1, 16)];
                random.NextBytes(noise);
                data.InsertRange(at, noise);
                break;
        }
    }

    public static readonly string[] MarkdownTokens =
    [
        "#", "## ", "> ", "- ", "* ", "1. ", "2) ", "*", "**", "_", "__", "`", "```\n", "~~~", "[", "]", "](", ")", "![a](b)", "[x]: http://e.example\n", "|",
        "| a | b |\n|---|---|\n", "---\n", "<div>", "</div>", "<b>", "[^1]", "\n[^1]: note\n", "\\", "&amp;", "&#x0;", "\t", "    ", "\r\n", "\n\n", "<!--", "-->",
        "<http://e.example>", "$$", "{#id}", "    - ", "> > ", "1. - > ",
    ];

    public static readonly string[] HtmlTokens =
    [
        "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<i>", "<a href=\"x\">", "</a>", "<br>", "<table><tr><td>", "</td></tr></table>", "<script>", "</script>",
        "<style>", "<!--", "-->", "&nbsp;", "&#x1F600;", "&#0;", "&bogus;", "<ol start=\"-5\">", "<ol start=\"99999999999\">", "<li>", "</li>", "<h1>", "<h7>", "<sup>",
        "<![CDATA[", "]]>", "<svg>", "<math>", "<template>", "<span lang=\"ar\" dir=\"rtl\">", "<img src=x>", "<iframe>", "<blockquote>", "<pre>", "<code>", "<ruby>",
        "<title>", "<meta charset=\"x\">", "</html>", "<body>",
    ];

    public static readonly string[] PlainTextTokens =
    [
        "1.", "12.", "(a)", "(b)", "(i)", "(iv)", "·", "•", "\f", "  ", "\n\n", "\n", "___", "*", "A/", "WGIG/", "Annex", "I.", "II.", "A.", "\u00B9", "\u00B2", "[1]",
        "\t", "\r", "—", "…", "1/", "(1)", "a)",
    ];

    public static readonly string[] DocxTokens =
    [
        "<w:p>", "</w:p>", "<w:r><w:t>x</w:t></w:r>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:numPr><w:ilvl w:val=\"9\"/><w:numId w:val=\"1\"/></w:numPr>",
        "<w:numPr><w:ilvl w:val=\"-1\"/><w:numId w:val=\"999\"/></w:numPr>", "<w:footnoteReference w:id=\"99\"/>", "<w:footnoteReference w:id=\"-1\"/>",
        "<w:hyperlink r:id=\"rId999\">", "</w:hyperlink>", "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr></w:tbl>", "<w:br/>", "<w:tab/>",
        "<w:fldSimple w:instr=\"PAGE\">", "w:val=\"-1\"", "w:val=\"2147483647\"", "<w:pStyle w:val=\"Heading9\"/>", "<w:b/>", "<w:i/>", "<w:sym w:font=\"x\" w:char=\"F0\"/>",
        "<w:start w:val=\"2147483647\"/>", "<w:lvlText w:val=\"%1.%2.%3.%4.%5.%6.%7.%8.%9.%10\"/>", "<w:numFmt w:val=\"upperRoman\"/>", "<w:numFmt w:val=\"bullet\"/>",
        "<mc:AlternateContent>", "&#0;", "&lt;", "<![CDATA[", "xmlns:w=\"urn:x\"",
    ];

    public static readonly string[] XliffTokens =
    [
        "<target>", "</target>", "<pc id=\"1\">", "</pc>", "<ph id=\"9\"/>", "<ph id=\"1\"/>", "<sc id=\"1\"/>", "<ec startRef=\"1\"/>", "<ec startRef=\"77\"/>", "<mrk id=\"m\">",
        "</mrk>", "<segment>", "</segment>", "<unit id=\"u\">", "</unit>", "<ignorable>", "&lt;", "&#0;", "&#xFFFF;", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;",
        "state=\"final\"", "state=\"bogus\"", "id=\"", "xml:space=\"preserve\"", "trgLang=\"ar\"", "srcLang=\"zh\"", "<g id=\"1\">", "</g>", "<x id=\"1\"/>", "<bx id=\"1\"/>",
        "<trans-unit id=\"t\">", "</trans-unit>", "<note>", "<?xml version=\"1.1\"?>", "<![CDATA[", "]]>", "<originalData><data id=\"d1\">&lt;b&gt;</data></originalData>",
        "canResegment=\"no\"", "translate=\"no\"", "<sm id=\"s\"/>", "<em startRef=\"s\"/>",
    ];
}
