using System.Xml;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Xliff;

/// <summary>
/// Writes XLIFF 1.2 (strict) as a stream, for older CAT tools. Codes paired within a unit are
/// &lt;g&gt;, opens and closes whose partner is in another unit &lt;bx&gt;/&lt;ex&gt;, placeholders
/// &lt;ph&gt; carrying their native markup (1.2 keeps native data inline; 2.x moved it to originalData).
/// </summary>
public sealed class Xliff12Writer : IXliffWriter
{
    public const string Namespace = XliffSchemas.Core12Namespace;

    private readonly XmlWriter _xml;
    private readonly string _sourceLanguage;
    private readonly string? _targetLanguage;
    private bool _fileOpen;

    public Xliff12Writer(Stream output, string sourceLanguage, string? targetLanguage)
    {
        _sourceLanguage = sourceLanguage;
        _targetLanguage = targetLanguage;
        _xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), CloseOutput = false });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("xliff", Namespace);
        _xml.WriteAttributeString("version", "1.2");
    }

    public void StartFile(string id, string? original = null)
    {
        EndFile();
        XliffLayout.Start(_xml, 1, "file", Namespace);
        _xml.WriteAttributeString("original", original ?? id);
        _xml.WriteAttributeString("source-language", _sourceLanguage);
        if (_targetLanguage is not null)
        {
            _xml.WriteAttributeString("target-language", _targetLanguage);
        }
        _xml.WriteAttributeString("datatype", "plaintext");
        XliffLayout.Start(_xml, 2, "body", Namespace);
        _fileOpen = true;
    }

    public void WriteUnit(XliffUnit unit)
    {
        XliffLayout.Start(_xml, 3, "trans-unit", Namespace);
        _xml.WriteAttributeString("id", unit.Id);
        if (unit.Target is not null && !unit.Prefilled && unit.State == TargetState.Approved)
        {
            // 1.2 marks a reviewed translation on the unit; tools (translate-toolkit, Poedit) read it as "not fuzzy".
            _xml.WriteAttributeString("approved", "yes");
        }
        WriteContent("source", unit.Source);
        if (unit.Target is not null)
        {
            XliffLayout.Start(_xml, 4, "target", Namespace);
            // §2.6 state: a copy of the source for tools that translate in <target> (OmegaT) needs translation.
            _xml.WriteAttributeString("state", unit.Prefilled ? "needs-translation" : unit.State switch
            {
                TargetState.Translated => "translated",
                TargetState.Approved => "signed-off",
                _ => "needs-translation",
            });
            WriteInline(unit.Target);
            _xml.WriteEndElement();
        }
        foreach (var note in unit.Notes ?? [])
        {
            XliffLayout.Start(_xml, 4, "note", Namespace);
            _xml.WriteString(XliffCodes.XmlSafe(note));
            _xml.WriteEndElement();
        }
        // 1.2 has no glossary module: the terms found in the source go to notes from "glossary".
        foreach (var match in (unit.Terms ?? []).DistinctBy(t => t.Entry.Id))
        {
            var allowed = match.Allowed.Select(t => t.Status == Glossary.TermStatus.Admitted ? $"{t.Text} (admitted)" : t.Text).ToList();
            var forbidden = match.Forbidden.Select(t => t.Text).ToList();
            if (allowed.Count == 0 && match.Entry.Definition is null)
            {
                continue;
            }
            _xml.WriteStartElement("note", Namespace);
            _xml.WriteAttributeString("from", "glossary");
            _xml.WriteString(XliffCodes.XmlSafe($"{match.SourceTerm.Text}: "
                + (match.Entry.DoNotTranslate ? "do not translate" : string.Join("; ", allowed))
                + (forbidden.Count > 0 ? $"; not: {string.Join("; ", forbidden)}" : "")
                + (match.Entry.Definition is { } definition ? $" ({definition})" : "")));
            _xml.WriteEndElement();
        }
        XliffLayout.End(_xml, 3);
    }

    private void WriteContent(string element, SegmentContent content)
    {
        XliffLayout.Start(_xml, 4, element, Namespace);
        WriteInline(content);
        _xml.WriteEndElement();
    }

    private void WriteInline(SegmentContent content) =>
        XliffCodes.WriteInline(_xml, content, (code, id, paired) =>
        {
            switch (code.Kind)
            {
                case CodeKind.Open when paired:
                    _xml.WriteStartElement("g", Namespace);
                    _xml.WriteAttributeString("id", id);
                    _xml.WriteAttributeString("ctype", CType(code));
                    break;
                case CodeKind.Close when paired:
                    _xml.WriteEndElement();
                    break;
                case CodeKind.Open or CodeKind.Close:
                    _xml.WriteStartElement(code.Kind == CodeKind.Open ? "bx" : "ex", Namespace);
                    _xml.WriteAttributeString("id", code.Kind == CodeKind.Open ? id : id + "e");
                    _xml.WriteAttributeString("rid", id);
                    _xml.WriteEndElement();
                    break;
                default:
                    _xml.WriteStartElement("ph", Namespace);
                    _xml.WriteAttributeString("id", id);
                    _xml.WriteAttributeString("ctype", CType(code));
                    _xml.WriteString(XliffCodes.XmlSafe(code.Data));
                    _xml.WriteEndElement();
                    break;
            }
        });

    // 1.2's ctype vocabulary for the code types importers produce; anything else is an x- extension.
    private static string CType(InlineCode code) => code.Type switch
    {
        "bold" => "bold",
        "italic" => "italic",
        "underline" => "underlined",
        "link" => "link",
        "image" => "image",
        "break" => "lb",
        _ => "x-" + code.Type,
    };

    private void EndFile()
    {
        if (_fileOpen)
        {
            XliffLayout.End(_xml, 2);
            XliffLayout.End(_xml, 1);
            _fileOpen = false;
        }
    }

    public void Dispose()
    {
        EndFile();
        XliffLayout.End(_xml, 0);
        _xml.WriteEndDocument();
        _xml.Flush();
        _xml.Dispose();
    }
}
