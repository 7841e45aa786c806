using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Memory.Tmx;

/// <summary>One language variant of a translation unit: its language as written in the file, and its text with codes.</summary>
public sealed record TmxVariant(string Language, SegmentContent Content);

/// <summary>A translation unit as read: its variants, properties, author and date.</summary>
public sealed record TmxUnit(IReadOnlyList<TmxVariant> Variants, IReadOnlyDictionary<string, string> Properties, string? Author, DateTimeOffset? Changed, string? SourceLanguage);

/// <summary>
/// Reads TMX (1.4b, and 1.1 as OmegaT's project_save.tmx still writes it) unit by unit from a stream, so a
/// large memory is never held whole. Inline elements become codes (&lt;bpt&gt;/&lt;ept&gt; a pair, &lt;it&gt; an
/// open or close, &lt;ph&gt;/&lt;ut&gt; a placeholder, &lt;hi&gt; transparent); OmegaT's own tags (&lt;f0&gt;…&lt;/f0&gt;,
/// &lt;x1/&gt;), which it writes into the text, become codes too. A DOCTYPE is skipped, never fetched.
/// </summary>
public static partial class TmxReader
{
    [GeneratedRegex(@"<(?<close>/)?(?<name>[a-zA-Z]{1,3})(?<id>\d+)(?<empty>/)?>")]
    private static partial Regex OmegaTTag();

    public static IEnumerable<TmxUnit> Read(Stream stream)
    {
        using var xml = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });
        if (!xml.ReadToFollowing("tmx"))
        {
            throw new XmlException("This is not a TMX file: it has no <tmx> root element.");
        }
        string? headerSource = null;
        var omegaT = false;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (xml.LocalName == "header")
            {
                headerSource = xml.GetAttribute("srclang");
                omegaT = string.Equals(xml.GetAttribute("creationtool"), "OmegaT", StringComparison.OrdinalIgnoreCase);
            }
            else if (xml.LocalName == "tu")
            {
                var tu = (XElement)XNode.ReadFrom(xml);
                yield return Unit(tu, headerSource, omegaT);
                // ReadFrom leaves the reader on the next node already.
                while (xml.NodeType == XmlNodeType.Element && xml.LocalName == "tu")
                {
                    tu = (XElement)XNode.ReadFrom(xml);
                    yield return Unit(tu, headerSource, omegaT);
                }
            }
        }
    }

    private static TmxUnit Unit(XElement tu, string? headerSource, bool omegaT)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var prop in tu.Elements("prop"))
        {
            if ((string?)prop.Attribute("type") is { } type)
            {
                properties[type] = prop.Value;
            }
        }
        var variants = new List<TmxVariant>();
        string? author = (string?)tu.Attribute("changeid") ?? (string?)tu.Attribute("creationid");
        var changed = Date((string?)tu.Attribute("changedate") ?? (string?)tu.Attribute("creationdate"));
        foreach (var tuv in tu.Elements("tuv"))
        {
            var language = (string?)tuv.Attribute(XNamespace.Xml + "lang") ?? (string?)tuv.Attribute("lang");
            if (language is null || tuv.Element("seg") is not { } seg)
            {
                continue;
            }
            author = (string?)tuv.Attribute("changeid") ?? (string?)tuv.Attribute("creationid") ?? author;
            changed = Date((string?)tuv.Attribute("changedate") ?? (string?)tuv.Attribute("creationdate")) ?? changed;
            variants.Add(new TmxVariant(language, Content(seg, omegaT)));
        }
        return new TmxUnit(variants, properties, author, changed, (string?)tu.Attribute("srclang") ?? headerSource);
    }

    private static SegmentContent Content(XElement seg, bool omegaT)
    {
        var text = new StringBuilder();
        var codes = new List<InlineCode>();
        var isolated = 1000;
        void Code(InlineCode code)
        {
            text.Append(SegmentContent.MarkerFor(codes.Count));
            codes.Add(code);
        }
        void Text(string value)
        {
            if (!omegaT)
            {
                text.Append(value.Where(c => !SegmentContent.IsMarker(c)).ToArray());
                return;
            }
            var at = 0;
            foreach (Match tag in OmegaTTag().Matches(value))
            {
                text.Append(value.AsSpan(at, tag.Index - at));
                var id = int.Parse(tag.Groups["id"].Value, CultureInfo.InvariantCulture);
                Code(new InlineCode(id, tag.Groups["close"].Success ? CodeKind.Close : tag.Groups["empty"].Success ? CodeKind.Standalone : CodeKind.Open,
                    tag.Groups["name"].Value, tag.Value));
                at = tag.Index + tag.Length;
            }
            text.Append(value.AsSpan(at));
        }
        void Walk(XElement element)
        {
            foreach (var node in element.Nodes())
            {
                if (node is XText t)
                {
                    Text(t.Value);
                    continue;
                }
                if (node is not XElement e)
                {
                    continue;
                }
                var id = (int?)e.Attribute("i") ?? (int?)e.Attribute("x") ?? isolated++;
                var type = (string?)e.Attribute("type") ?? "x";
                switch (e.Name.LocalName)
                {
                    case "bpt":
                        Code(new InlineCode(id, CodeKind.Open, type, e.Value));
                        break;
                    case "ept":
                        Code(new InlineCode(id, CodeKind.Close, codes.LastOrDefault(c => c.Id == id && c.Kind == CodeKind.Open)?.Type ?? type, e.Value));
                        break;
                    case "it":
                        Code(new InlineCode(id, (string?)e.Attribute("pos") == "end" ? CodeKind.Close : CodeKind.Open, type, e.Value));
                        break;
                    case "ph" or "ut":
                        Code(new InlineCode(id, CodeKind.Standalone, type, e.Value));
                        break;
                    case "hi":
                        Walk(e);
                        break;
                    default:
                        break;
                }
            }
        }
        Walk(seg);
        return new SegmentContent(text.ToString(), codes);
    }

    private static DateTimeOffset? Date(string? value) =>
        value is not null && DateTimeOffset.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}
