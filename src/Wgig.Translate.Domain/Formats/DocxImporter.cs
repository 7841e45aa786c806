using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Formats;

/// <summary>
/// Word documents through DocumentFormat.OpenXml. Every paragraph of the body (tables included) and of
/// the footnotes is a block. Runs keep their formatting as paired codes carrying the run properties, and
/// hyperlinks as paired codes carrying the link; tabs, breaks, footnote references, fields and anything
/// else become placeholders carrying their XML, so a translated paragraph is rebuilt with the same look.
/// </summary>
public sealed partial class DocxImporter : IDocumentImporter
{
    [System.Text.RegularExpressions.GeneratedRegex("%([1-9])")]
    private static partial System.Text.RegularExpressions.Regex LevelPlaceholder();

    // A zip that inflates past these is refused before any part is read (zip bombs).
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;
    private const int MaxEntries = 5000;

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public FileFormat Format => FileFormat.Docx;

    public IReadOnlyCollection<string> FileExtensions { get; } = [".docx"];

    public string MediaType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public bool IsText => false;

    public Result<IReadOnlyList<SourceBlock>> Split(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var checkedZip = CheckPackage(content);
        if (checkedZip is not null)
        {
            return checkedZip;
        }
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var paragraphs = Paragraphs(document);
            if (!paragraphs.Succeeded)
            {
                return paragraphs.Error;
            }
            var numbering = new ListNumbering(document);
            return Result<IReadOnlyList<SourceBlock>>.From([.. paragraphs.Value
                .Select(p =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return ToBlock(p, numbering);
                })
                .OfType<SourceBlock>()]);
        }
        catch (Exception e) when (IsMalformed(e))
        {
            return new MalformedDocument("DOCX", e.Message.TrimEnd('.'));
        }
    }

    /// <summary>
    /// What the package and Open XML readers throw at a broken file: besides their own exceptions, a relationship to a
    /// part that is not there (InvalidOperationException), a relationship's target that is no URI (ArgumentException),
    /// an attribute whose value is not of its type, such as w:val="10 09" on a list level (FormatException), read
    /// lazily. Those three are malformed input only when the readers threw them; from our own code they are bugs.
    /// </summary>
    private static bool IsMalformed(Exception e) =>
        e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or IOException
        || (e is InvalidOperationException or ArgumentException or FormatException or OverflowException
            && new System.Diagnostics.StackTrace(e).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly is { } assembly
                && (assembly == typeof(OpenXmlElement).Assembly || assembly == typeof(System.IO.Packaging.Package).Assembly)));

    public Result<byte[]> Rebuild(ReadOnlyMemory<byte> original, IReadOnlyList<SegmentContent?> blocks, TextLanguages? languages = null,
        CancellationToken cancellationToken = default)
    {
        var checkedZip = CheckPackage(original);
        if (checkedZip is not null)
        {
            return checkedZip;
        }
        using var stream = new MemoryStream();
        stream.Write(original.Span);
        stream.Position = 0;
        try
        {
            using var document = WordprocessingDocument.Open(stream, isEditable: true);
            var paragraphs = Paragraphs(document).Value!;
            var numbering = new ListNumbering(document);
            var translatable = paragraphs.Where(p => ToBlock(p, numbering) is not null).ToList();
            for (var i = 0; i < translatable.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (blocks[i] is { } translation)
                {
                    Rewrite(translatable[i], translation, StructuralLabel.Split(Content(translatable[i])).Label);
                }
            }
            if (languages is not null)
            {
                DocxLanguage.Apply(document, languages, translatable.Where((_, i) => blocks[i] is not null).ToHashSet(),
                    translatable.Where((_, i) => blocks[i] is null).ToList());
            }
        }
        catch (Exception e) when (IsMalformed(e))
        {
            // Saving touches parts reading did not (relationships, lazily loaded parts): the same readers' refusals.
            return new MalformedDocument("DOCX", e.Message.TrimEnd('.'));
        }
        return stream.ToArray();
    }

    private static MalformedDocument? CheckPackage(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                return new MalformedDocument("DOCX", $"it has more than {MaxEntries} parts");
            }
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                return new MalformedDocument("DOCX", $"it unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB");
            }
            if (zip.GetEntry("word/document.xml") is null && !zip.Entries.Any(e => e.FullName.EndsWith("document.xml", StringComparison.OrdinalIgnoreCase)))
            {
                return new MalformedDocument("DOCX", "it has no main document part");
            }
            return zip.Entries.FirstOrDefault(DeclaresDtd) is { } withDtd
                ? new MalformedDocument("DOCX", $"its part {withDtd.FullName} declares a DTD (<!DOCTYPE …>), and DTDs are not allowed: Word never writes one, and they are how entity-expansion and external-entity attacks work")
                : null;
        }
        catch (InvalidDataException e)
        {
            return new MalformedDocument("DOCX", $"it is not a zip package ({e.Message.TrimEnd('.')})");
        }
    }

    // Reads an XML part up to its root element: a DOCTYPE can only come before it. The DTD's internal
    // subset is parsed (never an external one: no resolver) but no entity is ever expanded.
    private static bool DeclaresDtd(ZipArchiveEntry entry)
    {
        if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Parse, XmlResolver = null, MaxCharactersFromEntities = 1024 };
        try
        {
            using var reader = System.Xml.XmlReader.Create(entry.Open(), settings);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case System.Xml.XmlNodeType.DocumentType:
                        return true;
                    case System.Xml.XmlNodeType.Element:
                        return false;
                }
            }
        }
        catch (System.Xml.XmlException)
        {
            // Not well-formed before its root: the package reader says so in its own words.
        }
        return false;
    }

    private static Result<List<Paragraph>> Paragraphs(WordprocessingDocument document)
    {
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return new MalformedDocument("DOCX", "it has no document body");
        }
        var footnotes = document.MainDocumentPart!.FootnotesPart?.Footnotes?.Elements<Footnote>()
            .Where(f => f.Type is null || f.Type.Value == FootnoteEndnoteValues.Normal)
            .SelectMany(f => f.Descendants<Paragraph>()) ?? [];
        return (List<Paragraph>)[.. body.Descendants<Paragraph>(), .. footnotes];
    }

    private static SourceBlock? ToBlock(Paragraph paragraph, ListNumbering numbering)
    {
        var content = Content(paragraph);
        if (!content.PlainText.Any(char.IsLetterOrDigit))
        {
            return null;
        }
        if (paragraph.Ancestors<Footnote>().Any())
        {
            return new SourceBlock(BlockKind.Footnote, content, Valid(paragraph.Ancestors<Footnote>().First().Id)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        if (style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style == "Title")
        {
            var (label, text) = StructuralLabel.Split(content);
            var level = style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) && int.TryParse(style.AsSpan("Heading".Length), out var l) ? l : 1;
            return new SourceBlock(BlockKind.Heading, text, label, level);
        }
        if (paragraph.Ancestors<TableCell>().Any())
        {
            return new SourceBlock(BlockKind.TableCell, content);
        }
        if (paragraph.ParagraphProperties?.NumberingProperties is { } list)
        {
            return new SourceBlock(BlockKind.ListItem, content, numbering.Next(list), (Valid(list.NumberingLevelReference?.Val) ?? 0) + 1);
        }
        return new SourceBlock(BlockKind.Paragraph, content);
    }

    private static SegmentContent Content(Paragraph paragraph)
    {
        var builder = new ContentBuilder();
        var format = new FormatTracker(builder);
        foreach (var child in paragraph.ChildElements)
        {
            Inline(child, builder, format);
        }
        format.CloseAll();
        return builder.Build();
    }

    private static void Inline(OpenXmlElement element, ContentBuilder builder, FormatTracker format)
    {
        switch (element)
        {
            case ParagraphProperties or ProofError or BookmarkEnd:
                break;
            case Run run:
                var properties = run.RunProperties?.OuterXml;
                foreach (var part in run.ChildElements)
                {
                    if (part is RunProperties)
                    {
                        continue;
                    }
                    if (part is Text text)
                    {
                        format.Use(properties, run.RunProperties);
                        builder.Text(text.Text);
                    }
                    else
                    {
                        format.Use(properties, run.RunProperties);
                        builder.Standalone(PlaceholderType(part), $"<w:r xmlns:w=\"{W}\">{properties}{part.OuterXml}</w:r>");
                    }
                }
                break;
            case Hyperlink link:
                format.CloseAll();
                var shell = (Hyperlink)link.CloneNode(deep: false);
                var id = builder.Open("link", shell.OuterXml, link.Anchor?.Value ?? link.Id?.Value);
                foreach (var child in link.ChildElements)
                {
                    Inline(child, builder, format);
                }
                format.CloseAll();
                builder.Close(id, "link", "");
                break;
            default:
                format.CloseAll();
                builder.Standalone("object", element.OuterXml);
                break;
        }
    }

    private static string PlaceholderType(OpenXmlElement part) => part switch
    {
        TabChar => "tab",
        Break => "break",
        FootnoteReference or EndnoteReference => "footnote",
        FieldChar or FieldCode => "field",
        _ => "object",
    };

    /// <summary>Consecutive runs with the same properties share one paired code.</summary>
    private sealed class FormatTracker(ContentBuilder builder)
    {
        private (int Id, string Properties)? _open;

        public void Use(string? properties, RunProperties? runProperties)
        {
            if (_open?.Properties == properties)
            {
                return;
            }
            CloseAll();
            if (properties is not null)
            {
                var type = runProperties?.Bold is not null ? "bold" : runProperties?.Italic is not null ? "italic" : runProperties?.Underline is not null ? "underline" : "format";
                _open = (builder.Open(type, properties), properties);
            }
        }

        public void CloseAll()
        {
            if (_open is { } open)
            {
                builder.Close(open.Id, "format", "");
                _open = null;
            }
        }
    }

    private static void Rewrite(Paragraph paragraph, SegmentContent translation, string? label)
    {
        foreach (var child in paragraph.ChildElements.Where(c => c is not ParagraphProperties).ToList())
        {
            child.Remove();
        }
        OpenXmlElement parent = paragraph;
        var formats = new Stack<string>();
        var links = new Stack<OpenXmlElement>();
        var text = new System.Text.StringBuilder(label is null ? "" : label + " ");

        void FlushText()
        {
            if (text.Length == 0)
            {
                return;
            }
            var run = new Run();
            if (formats.TryPeek(out var properties))
            {
                run.AppendChild(new RunProperties(properties));
            }
            run.AppendChild(new Text(text.ToString()) { Space = SpaceProcessingModeValues.Preserve });
            parent.AppendChild(run);
            text.Clear();
        }

        foreach (var c in translation.CodedText)
        {
            if (!SegmentContent.IsMarker(c))
            {
                text.Append(c);
                continue;
            }
            FlushText();
            var code = translation.CodeAt(c);
            switch (code.Kind, code.Type)
            {
                case (CodeKind.Open, "link"):
                    var link = new Hyperlink(code.Data);
                    parent.AppendChild(link);
                    links.Push(parent);
                    parent = link;
                    break;
                case (CodeKind.Close, "link"):
                    parent = links.TryPop(out var outer) ? outer : paragraph;
                    break;
                case (CodeKind.Open, _):
                    formats.Push(code.Data);
                    break;
                case (CodeKind.Close, _):
                    formats.TryPop(out _);
                    break;
                default:
                    var holder = new Paragraph($"<w:p xmlns:w=\"{W}\">{code.Data}</w:p>");
                    foreach (var element in holder.ChildElements.ToList())
                    {
                        element.Remove();
                        parent.AppendChild(element);
                    }
                    break;
            }
        }
        FlushText();
    }

    /// <summary>
    /// An attribute's value, or null when it is missing or not of its type (w:val="10 09" on a list level): Word ignores
    /// such a value, and so do we. Reading it through the property would throw, and in an optimised build the throw no
    /// longer shows the reader's frame that <see cref="IsMalformed"/> looks for.
    /// </summary>
    private static T? Valid<T>(OpenXmlSimpleValue<T>? value) where T : struct => value is { HasValue: true } ? value.Value : null;

    /// <summary>The number Word shows for a list paragraph: its list's start value plus the items before it.</summary>
    private sealed class ListNumbering(WordprocessingDocument document)
    {
        private readonly Dictionary<(int List, int Level), int> _next = [];

        public string? Next(NumberingProperties list)
        {
            var numId = Valid(list.NumberingId?.Val);
            var level = Valid(list.NumberingLevelReference?.Val) ?? 0;
            if (numId is null || Definition(numId.Value, level) is not { } definition)
            {
                return null;
            }
            var key = (numId.Value, level);
            var number = _next.GetValueOrDefault(key, definition.Start);
            _next[key] = number + 1;
            // The level text says how Word prints it: "%1." → "17.", "(%1)" with lower roman → "(ii)", "%1.%2." → "2.3." (the
            // outer levels' current numbers, in decimal).
            var printed = ListNumberFormat.Format(number, definition.Style);
            var label = LevelPlaceholder().Replace(definition.Text, m => (m.Groups[1].Value[0] - '1') switch
            {
                var l when l == level => printed,
                var l when l < level && _next.TryGetValue((numId.Value, l), out var outer) => (outer - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "",
            }).Trim();
            return label.Length > 0 ? label : printed;
        }

        private (int Start, char Style, string Text)? Definition(int numId, int level)
        {
            var numbering = document.MainDocumentPart?.NumberingDefinitionsPart?.Numbering;
            var instance = numbering?.Elements<NumberingInstance>().FirstOrDefault(n => Valid(n.NumberID) == numId);
            var abstractId = Valid(instance?.AbstractNumId?.Val);
            var definition = numbering?.Elements<AbstractNum>().FirstOrDefault(a => Valid(a.AbstractNumberId) == abstractId)
                ?.Elements<Level>().FirstOrDefault(l => Valid(l.LevelIndex) == level);
            var overridden = Valid(instance?.Elements<LevelOverride>().FirstOrDefault(o => Valid(o.LevelIndex) == level)?.StartOverrideNumberingValue?.Val);
            var format = Valid(definition?.NumberingFormat?.Val);
            if (format is null || format == NumberFormatValues.Bullet || format == NumberFormatValues.None)
            {
                return null;
            }
            var style = format == NumberFormatValues.LowerRoman ? 'i' : format == NumberFormatValues.UpperRoman ? 'I'
                : format == NumberFormatValues.LowerLetter ? 'a' : format == NumberFormatValues.UpperLetter ? 'A' : '1';
            return (overridden ?? Valid(definition?.StartNumberingValue?.Val) ?? 1, style, definition?.LevelText?.Val?.Value ?? "%1.");
        }
    }
}
