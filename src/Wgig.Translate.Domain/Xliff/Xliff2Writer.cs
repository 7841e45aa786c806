using System.Xml;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Xliff;

/// <summary>
/// One unit to write: a segment's key (the unit id), its source and, where there is one, its target
/// in its workflow state. <paramref name="Prefilled"/> marks a target that is a copy of the source.
/// </summary>
/// <paramref name="Terms"/> are the glossary entries found in the source: XLIFF 2's glossary module, notes in 1.2.
public sealed record XliffUnit(string Id, SegmentContent Source, SegmentContent? Target = null,
    TargetState State = TargetState.Untranslated, IReadOnlyList<string>? Notes = null, bool Prefilled = false,
    IReadOnlyList<Glossary.TermMatch>? Terms = null);

/// <summary>A streaming XLIFF writer of one version.</summary>
public interface IXliffWriter : IDisposable
{
    void StartFile(string id, string? original = null);

    void WriteUnit(XliffUnit unit);
}

/// <summary>
/// Writes XLIFF 2.1 core as a stream: one unit at a time straight to an <see cref="XmlWriter"/>, so
/// memory does not grow with the document. Inline codes follow XLIFF 2 §4.7: a code pair inside one
/// segment is &lt;pc&gt;, an open or close whose partner is in another segment is &lt;sc&gt;/&lt;ec&gt;
/// marked isolated, and a placeholder is &lt;ph&gt;; the original markup of each goes to the unit's
/// &lt;originalData&gt;, referenced by dataRef.
/// </summary>
public sealed class Xliff2Writer : IXliffWriter
{
    public const string Namespace = "urn:oasis:names:tc:xliff:document:2.0";

    public const string GlossaryNamespace = "urn:oasis:names:tc:xliff:glossary:2.0";

    private readonly XmlWriter _xml;
    private bool _fileOpen;

    public Xliff2Writer(Stream output, string sourceLanguage, string? targetLanguage, string version = "2.1")
    {
        _xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = false, CloseOutput = false });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("xliff", Namespace);
        _xml.WriteAttributeString("version", version);
        _xml.WriteAttributeString("srcLang", sourceLanguage);
        if (targetLanguage is not null)
        {
            _xml.WriteAttributeString("trgLang", targetLanguage);
        }
    }

    public void StartFile(string id, string? original = null)
    {
        EndFile();
        XliffLayout.Start(_xml, 1, "file", Namespace);
        _xml.WriteAttributeString("id", id);
        if (original is not null)
        {
            _xml.WriteAttributeString("original", original);
        }
        _fileOpen = true;
    }

    public void WriteUnit(XliffUnit unit)
    {
        XliffLayout.Start(_xml, 2, "unit", Namespace);
        _xml.WriteAttributeString("id", unit.Id);
        WriteGlossary(unit.Terms);
        if (unit.Notes is { Count: > 0 } notes)
        {
            XliffLayout.Start(_xml, 3, "notes", Namespace);
            foreach (var note in notes)
            {
                XliffLayout.Start(_xml, 4, "note", Namespace);
                _xml.WriteString(XliffCodes.XmlSafe(note));
                _xml.WriteEndElement();
            }
            XliffLayout.End(_xml, 3);
        }
        if (unit.Source.Codes.Count > 0)
        {
            XliffLayout.Start(_xml, 3, "originalData", Namespace);
            foreach (var code in unit.Source.Codes)
            {
                XliffLayout.Start(_xml, 4, "data", Namespace);
                _xml.WriteAttributeString("id", DataId(code));
                _xml.WriteString(XliffCodes.XmlSafe(code.Data));
                _xml.WriteEndElement();
            }
            XliffLayout.End(_xml, 3);
        }
        XliffLayout.Start(_xml, 3, "segment", Namespace);
        if (unit.Target is not null)
        {
            // §4.3.1.32: initial, translated, reviewed, final. A reviewer's approval is "reviewed";
            // "final" is left for publication.
            _xml.WriteAttributeString("state", unit.Prefilled ? "initial" : unit.State switch
            {
                TargetState.Translated => "translated",
                TargetState.Approved => "reviewed",
                _ => "initial",
            });
        }
        WriteContent("source", unit.Source);
        if (unit.Target is not null)
        {
            WriteContent("target", unit.Target);
        }
        XliffLayout.End(_xml, 3);
        XliffLayout.End(_xml, 2);
    }

    // §5.2 glossary module, before the unit's notes: each entry's term, the renderings to use and its definition.
    // An entry with neither a rendering nor a definition is left out (§5.2.4.3 needs one of them).
    private void WriteGlossary(IReadOnlyList<Glossary.TermMatch>? terms)
    {
        var entries = (terms ?? []).DistinctBy(t => t.Entry.Id).Where(t => t.Allowed.Any() || t.Entry.Definition is not null).ToList();
        if (entries.Count == 0)
        {
            return;
        }
        _xml.WriteStartElement("gls", "glossary", GlossaryNamespace);
        foreach (var match in entries)
        {
            _xml.WriteStartElement("glossEntry", GlossaryNamespace);
            _xml.WriteElementString("term", GlossaryNamespace, XliffCodes.XmlSafe(match.SourceTerm.Text));
            foreach (var translation in match.Allowed)
            {
                _xml.WriteElementString("translation", GlossaryNamespace, XliffCodes.XmlSafe(translation.Text));
            }
            if (match.Entry.Definition is { } definition)
            {
                _xml.WriteElementString("definition", GlossaryNamespace, XliffCodes.XmlSafe(definition));
            }
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
    }

    private void WriteContent(string element, SegmentContent content)
    {
        XliffLayout.Start(_xml, 4, element, Namespace);
        XliffCodes.WriteInline(_xml, content, (code, id, paired) =>
        {
            switch (code.Kind)
            {
                case CodeKind.Open when paired:
                    _xml.WriteStartElement("pc", Namespace);
                    _xml.WriteAttributeString("id", id);
                    _xml.WriteAttributeString("dataRefStart", DataId(code));
                    if (CloseOf(content, code.Id) is { } close)
                    {
                        _xml.WriteAttributeString("dataRefEnd", DataId(close));
                    }
                    break;
                case CodeKind.Close when paired:
                    _xml.WriteEndElement();
                    break;
                case CodeKind.Open:
                    WriteEmptyCode("sc", id, code, isolated: true);
                    break;
                case CodeKind.Close:
                    WriteEmptyCode("ec", id, code, isolated: true);
                    break;
                default:
                    WriteEmptyCode("ph", id, code, isolated: false);
                    break;
            }
        });
        _xml.WriteEndElement();
    }

    private void WriteEmptyCode(string element, string id, InlineCode code, bool isolated)
    {
        _xml.WriteStartElement(element, Namespace);
        _xml.WriteAttributeString("id", id);
        if (XliffCodes.MustKeep(code))
        {
            _xml.WriteAttributeString("canDelete", "no");
        }
        if (isolated)
        {
            _xml.WriteAttributeString("isolated", "yes");
        }
        _xml.WriteAttributeString("dataRef", DataId(code));
        _xml.WriteEndElement();
    }

    private static InlineCode? CloseOf(SegmentContent content, int id) =>
        content.Codes.FirstOrDefault(c => c.Kind == CodeKind.Close && c.Id == id);

    private static string DataId(InlineCode code) => code.Kind switch
    {
        CodeKind.Close => $"d{code.Id}e",
        _ => $"d{code.Id}",
    };

    private void EndFile()
    {
        if (_fileOpen)
        {
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
