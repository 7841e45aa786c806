using System.Globalization;
using System.Xml;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Domain.Memory.Tmx;

/// <summary>
/// Writes TMX 1.4b as a stream, one &lt;tu&gt; per memory entry: the source and the translation as &lt;tuv&gt;s,
/// codes as TMX inline elements (a pair within the segment &lt;bpt&gt;/&lt;ept&gt;, an open or close whose partner
/// is in another segment &lt;it&gt;, a placeholder &lt;ph&gt;) carrying their original markup, and the entry's
/// context key as a property so a re-import keeps in-context matches.
/// </summary>
public sealed class TmxWriter : IDisposable
{
    public const string ContextProperty = "x-wgig-context";
    public const string DocumentProperty = "x-wgig-document";

    private readonly XmlWriter _xml;

    public TmxWriter(Stream output, string sourceLanguage, DateTimeOffset now)
    {
        _xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true, CloseOutput = false });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("tmx");
        _xml.WriteAttributeString("version", "1.4");
        _xml.WriteStartElement("header");
        _xml.WriteAttributeString("creationtool", "Wgig.Translate");
        _xml.WriteAttributeString("creationtoolversion", "1.0");
        _xml.WriteAttributeString("segtype", "sentence");
        _xml.WriteAttributeString("o-tmf", "Wgig.Translate");
        _xml.WriteAttributeString("adminlang", "en");
        _xml.WriteAttributeString("srclang", sourceLanguage);
        _xml.WriteAttributeString("datatype", "plaintext");
        _xml.WriteAttributeString("creationdate", Date(now));
        _xml.WriteEndElement();
        _xml.WriteStartElement("body");
    }

    public void Write(MemoryEntry entry, string? author)
    {
        _xml.WriteStartElement("tu");
        _xml.WriteAttributeString("tuid", entry.Id.ToString("N"));
        _xml.WriteAttributeString("creationdate", Date(entry.CreatedAt));
        _xml.WriteAttributeString("changedate", Date(entry.UpdatedAt));
        if (author is not null)
        {
            _xml.WriteAttributeString("creationid", author);
            _xml.WriteAttributeString("changeid", author);
        }
        if (entry.ContextKey is { } context)
        {
            Property(ContextProperty, context.ToString("N"));
        }
        if (entry.DocumentId is { } document)
        {
            Property(DocumentProperty, document.ToString("N"));
        }
        Variant(entry.SourceLanguage, entry.SourceContent);
        Variant(entry.TargetLanguage, entry.TargetContent);
        _xml.WriteEndElement();
    }

    private void Property(string type, string value)
    {
        _xml.WriteStartElement("prop");
        _xml.WriteAttributeString("type", type);
        _xml.WriteString(value);
        _xml.WriteEndElement();
    }

    private void Variant(string language, SegmentContent content)
    {
        _xml.WriteStartElement("tuv");
        _xml.WriteAttributeString("xml", "lang", "http://www.w3.org/XML/1998/namespace", language);
        _xml.WriteStartElement("seg");
        var text = new System.Text.StringBuilder();
        void Flush()
        {
            _xml.WriteString(XliffCodes.XmlSafe(text.ToString()));
            text.Clear();
        }
        foreach (var c in content.CodedText)
        {
            if (!SegmentContent.IsMarker(c))
            {
                text.Append(c);
                continue;
            }
            Flush();
            var code = content.CodeAt(c);
            var paired = code.Kind != CodeKind.Standalone && PairedInside(content, code);
            var (element, pos) = code.Kind switch
            {
                CodeKind.Open when paired => ("bpt", null),
                CodeKind.Close when paired => ("ept", null),
                CodeKind.Open => ("it", "begin"),
                CodeKind.Close => ("it", "end"),
                _ => ("ph", (string?)null),
            };
            _xml.WriteStartElement(element);
            if (element is "bpt" or "ept")
            {
                _xml.WriteAttributeString("i", code.Id.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                _xml.WriteAttributeString("x", code.Id.ToString(CultureInfo.InvariantCulture));
            }
            if (pos is not null)
            {
                _xml.WriteAttributeString("pos", pos);
            }
            if (element != "ept")
            {
                _xml.WriteAttributeString("type", code.Type);
            }
            _xml.WriteString(XliffCodes.XmlSafe(code.Data));
            _xml.WriteEndElement();
        }
        Flush();
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    // TMX pairs <bpt>/<ept> within one <seg>, the open first.
    private static bool PairedInside(SegmentContent content, InlineCode code)
    {
        int open = -1, close = -1;
        for (var i = 0; i < content.CodedText.Length; i++)
        {
            if (SegmentContent.IsMarker(content.CodedText[i]) && content.CodeAt(content.CodedText[i]) is { } other && other.Id == code.Id)
            {
                if (other.Kind == CodeKind.Open)
                {
                    open = i;
                }
                else if (other.Kind == CodeKind.Close)
                {
                    close = i;
                }
            }
        }
        return open >= 0 && close > open;
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
        _xml.Dispose();
    }
}
