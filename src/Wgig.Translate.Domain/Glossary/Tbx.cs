using System.Xml;
using System.Xml.Linq;

namespace Wgig.Translate.Domain.Glossary;

/// <summary>
/// TBX-Basic: written as TBX 2 (ISO 30042:2008, &lt;martif type="TBX-Basic"&gt;), which CAT tools and terminology
/// managers read; read from TBX 2 and from TBX 3 (&lt;tbx&gt;, conceptEntry/langSec/termSec, DCA or DCT style).
/// A concept is an entry; definition and note go at concept level, part of speech, status and note at term level.
/// "Do not translate" has no TBX-Basic data category: it travels as &lt;admin type="x-doNotTranslate"&gt;.
/// </summary>
public static class Tbx
{
    private const string DoNotTranslate = "x-doNotTranslate";

    public static void Write(Stream output, string sourceLanguage, string title, IEnumerable<GlossaryEntry> entries)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true, CloseOutput = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("martif");
        xml.WriteAttributeString("type", "TBX-Basic");
        xml.WriteAttributeString("xml", "lang", "http://www.w3.org/XML/1998/namespace", sourceLanguage);
        xml.WriteStartElement("martifHeader");
        xml.WriteStartElement("fileDesc");
        xml.WriteStartElement("sourceDesc");
        xml.WriteElementString("p", title);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("encodingDesc");
        xml.WriteStartElement("p");
        xml.WriteAttributeString("type", "XCSURI");
        xml.WriteString("TBXBasicXCSV02.xcs");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("text");
        xml.WriteStartElement("body");
        foreach (var entry in entries)
        {
            xml.WriteStartElement("termEntry");
            xml.WriteAttributeString("id", "c" + entry.Id.ToString("N"));
            if (entry.Definition is { } definition)
            {
                Element(xml, "descrip", "definition", definition);
            }
            if (entry.DoNotTranslate)
            {
                Element(xml, "admin", DoNotTranslate, "yes");
            }
            if (entry.Note is { } note)
            {
                xml.WriteElementString("note", note);
            }
            foreach (var language in entry.Terms.GroupBy(t => t.Language))
            {
                xml.WriteStartElement("langSet");
                xml.WriteAttributeString("xml", "lang", "http://www.w3.org/XML/1998/namespace", language.Key);
                foreach (var term in language)
                {
                    xml.WriteStartElement("tig");
                    xml.WriteElementString("term", term.Text);
                    if (term.PartOfSpeech is { } pos)
                    {
                        Element(xml, "termNote", "partOfSpeech", pos);
                    }
                    Element(xml, "termNote", "administrativeStatus", term.Status switch
                    {
                        TermStatus.Preferred => "preferredTerm-admn-sts",
                        TermStatus.Admitted => "admittedTerm-admn-sts",
                        _ => "deprecatedTerm-admn-sts",
                    });
                    if (term.Note is { } termNote)
                    {
                        xml.WriteElementString("note", termNote);
                    }
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndDocument();
    }

    /// <summary>The concepts of a TBX file as drafts, with the file's language codes (the caller normalizes and checks them).</summary>
    public static List<GlossaryEntryDraft> Read(Stream input)
    {
        var document = XDocument.Load(XmlReader.Create(input, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null }));
        if (document.Root?.Name.LocalName is not ("martif" or "tbx"))
        {
            throw new XmlException($"This is not a TBX file: its root element is <{document.Root?.Name.LocalName}>, not <martif> or <tbx>.");
        }
        var drafts = new List<GlossaryEntryDraft>();
        foreach (var concept in document.Descendants().Where(e => e.Name.LocalName is "termEntry" or "conceptEntry"))
        {
            var terms = new List<GlossaryTermDraft>();
            foreach (var langSet in concept.Elements().Where(e => e.Name.LocalName is "langSet" or "langSec"))
            {
                var language = (string?)langSet.Attribute(XNamespace.Xml + "lang");
                foreach (var tig in langSet.Elements().Where(e => e.Name.LocalName is "tig" or "ntig" or "termSec"))
                {
                    var termElement = tig.Descendants().FirstOrDefault(e => e.Name.LocalName == "term");
                    terms.Add(new GlossaryTermDraft(language, termElement?.Value, Category(tig, "administrativeStatus") ?? Category(tig, "normativeAuthorization"),
                        Category(tig, "partOfSpeech"), Local(tig, "note")));
                }
            }
            drafts.Add(new GlossaryEntryDraft(Category(concept, "definition") ?? concept.Elements().Where(e => e.Name.LocalName is "langSet" or "langSec")
                    .Select(l => Category(l, "definition")).FirstOrDefault(d => d is not null),
                Local(concept, "note"), Category(concept, DoNotTranslate) is "yes" or "true", terms));
        }
        return drafts;
    }

    // A data category as TBX-Basic DCA (<termNote type="partOfSpeech">) or TBX 3 DCT style (<basic:partOfSpeech>), on this level only.
    private static string? Category(XElement parent, string name) => parent.Elements()
        .FirstOrDefault(e => (string?)e.Attribute("type") == name || e.Name.LocalName == name)?.Value.Trim();

    private static string? Local(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

    private static void Element(XmlWriter xml, string element, string type, string value)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("type", type);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
