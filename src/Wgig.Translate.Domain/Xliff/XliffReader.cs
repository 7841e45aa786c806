using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Xliff;

/// <summary>Limits on an XLIFF file, whatever its size on the wire.</summary>
public sealed record XliffReadLimits(long MaxCharacters = 50_000_000, int MaxDepth = 64, int MaxElements = 2_000_000);

/// <summary>A broken rule: the section of the specification it comes from, what is wrong, and where.</summary>
public sealed record XliffViolation(string Rule, string Message, int Line = 0)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Message} ({Rule})" : $"{Message} ({Rule})";
}

public sealed record InvalidXliff(IReadOnlyList<XliffViolation> Violations) : InvalidInputError("Invalid XLIFF",
    $"The file is not valid XLIFF: {string.Join("; ", Violations.Take(5))}{(Violations.Count > 5 ? $"; and {Violations.Count - 5} more" : "")}.",
    new Dictionary<string, string[]> { ["file"] = [.. Violations.Select(v => v.ToString())] });

/// <summary>A validated XLIFF document, as XML: units are read from it by the import.</summary>
/// <param name="Dialect">Set when the file came from a tool whose output we read specially (translate-toolkit's po2xliff).</param>
public sealed record XliffDocument(string Version, string SourceLanguage, string? TargetLanguage, XDocument Xml, string? Dialect = null);

/// <summary>
/// Reads XLIFF 2.0/2.1 or 1.2 (told apart by namespace and version) securely and checks it: DTDs and
/// external entities are refused outright, size, depth and element count are capped, the OASIS schemas
/// are applied, and for 2.x the processing requirements that a schema cannot express (XLIFF 2.1 §4).
/// </summary>
public static class XliffReader
{
    public static Result<XliffDocument> Read(Stream input, XliffReadLimits? limits = null)
    {
        limits ??= new XliffReadLimits();
        var buffer = new MemoryStream();
        input.CopyTo(buffer);

        var root = Root(buffer, limits);
        if (!root.Succeeded)
        {
            return root.Error;
        }
        var (ns, version, fromPo) = root.Value;
        if (ns == XliffSchemas.Core11Namespace && fromPo)
        {
            return ReadPo2Xliff(buffer, limits);
        }
        var schemas = ns switch
        {
            XliffSchemas.Core2Namespace when version is "2.0" or "2.1" => XliffSchemas.Version2,
            XliffSchemas.Core12Namespace when version == "1.2" => XliffSchemas.Version12,
            XliffSchemas.Core2Namespace => null,
            XliffSchemas.Core12Namespace => null,
            _ => null,
        };
        if (schemas is null)
        {
            return Invalid("version", ns switch
            {
                XliffSchemas.Core11Namespace => "XLIFF 1.1 is not supported; export it as XLIFF 1.2 or 2.x (only translate-toolkit's po2xliff output is read in 1.1)",
                XliffSchemas.Core2Namespace or XliffSchemas.Core12Namespace => $"version '{version}' does not match the namespace {ns}",
                "" => "the root element <xliff> has no namespace; XLIFF 2 uses urn:oasis:names:tc:xliff:document:2.0",
                _ => $"the namespace '{ns}' is not an XLIFF namespace",
            });
        }

        var violations = new List<XliffViolation>();
        XDocument xml;
        try
        {
            // The schema pass only validates: loaded through it, the document would carry the attributes
            // the schema defaults (a segment's state="initial") as if the file had them, and rules about
            // what a file says (subState needs state) could not be checked.
            buffer.Position = 0;
            using (var validating = XmlReader.Create(buffer, Secure(limits, schemas, violations)))
            {
                while (validating.Read())
                {
                }
            }
            buffer.Position = 0;
            using var reader = XmlReader.Create(buffer, Secure(limits, null, null));
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            return Invalid("xml", e.Message);
        }
        if (violations.Count > 0)
        {
            return new InvalidXliff(violations);
        }
        if (ns == XliffSchemas.Core2Namespace)
        {
            violations.AddRange(Xliff2Rules.Check(xml));
            if (violations.Count > 0)
            {
                return new InvalidXliff(violations);
            }
        }
        var rootElement = xml.Root!;
        return new XliffDocument(version, (string?)rootElement.Attribute("srcLang") ?? (string?)rootElement.Descendants().FirstOrDefault(e => e.Name.LocalName == "file")?.Attribute("source-language") ?? "",
            (string?)rootElement.Attribute("trgLang") ?? (string?)rootElement.Descendants().FirstOrDefault(e => e.Name.LocalName == "file")?.Attribute("target-language"), xml);
    }

    // translate-toolkit's po2xliff labels its output XLIFF 1.1, but writes the 1.2 vocabulary. Volunteers who
    // translate in a PO editor come back with such a file: it is read as the 1.2 it is, under the 1.2 schema.
    private static Result<XliffDocument> ReadPo2Xliff(MemoryStream buffer, XliffReadLimits limits)
    {
        buffer.Position = 0;
        XDocument xml;
        using (var reader = XmlReader.Create(buffer, Secure(limits, null, null)))
        {
            xml = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        XNamespace from = XliffSchemas.Core11Namespace, to = XliffSchemas.Core12Namespace;
        foreach (var element in xml.Descendants().Where(e => e.Name.Namespace == from).ToList())
        {
            element.Name = to + element.Name.LocalName;
        }
        xml.Root!.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == from.NamespaceName).Remove();
        foreach (var unit in xml.Descendants(to + "trans-unit").ToList())
        {
            if ((string?)unit.Attribute("restype") == "x-gettext-domain-header")
            {
                unit.Remove();
                continue;
            }
            // po2xliff numbers units afresh; our unit ids survive as the PO locations (one entry may stand
            // for several units with the same text). They become the ids again, one unit per location.
            var locations = unit.Elements(to + "context-group").Where(g => (string?)g.Attribute("name") == "po-reference").ToList();
            var keys = locations.Elements(to + "context").Where(c => (string?)c.Attribute("context-type") == "sourcefile")
                .SelectMany(c => c.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
            locations.Remove();
            if (keys.Count == 0)
            {
                continue;
            }
            unit.SetAttributeValue("id", keys[0]);
            foreach (var key in keys.Skip(1).Reverse())
            {
                var copy = new XElement(unit);
                copy.SetAttributeValue("id", key);
                unit.AddAfterSelf(copy);
            }
        }
        xml.Root.SetAttributeValue("version", "1.2");
        var rewritten = new MemoryStream();
        xml.Save(rewritten, SaveOptions.DisableFormatting);
        rewritten.Position = 0;
        var read = Read(rewritten, limits);
        return read.Succeeded ? read.Value with { Dialect = "po2xliff" } : read.Error;
    }

    private static XmlReaderSettings Secure(XliffReadLimits limits, XmlSchemaSet? schemas, List<XliffViolation>? violations)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = limits.MaxCharacters,
            CloseInput = false,
        };
        if (schemas is not null && violations is not null)
        {
            settings.ValidationType = ValidationType.Schema;
            settings.Schemas = schemas;
            settings.ValidationFlags = XmlSchemaValidationFlags.ProcessIdentityConstraints;
            settings.ValidationEventHandler += (_, e) =>
            {
                if (e.Severity == XmlSeverityType.Error)
                {
                    violations.Add(new XliffViolation("schema", e.Message, e.Exception?.LineNumber ?? 0));
                }
            };
        }
        return settings;
    }

    // A first, unvalidated pass: well-formedness under the limits, and the root's namespace and version.
    private static Result<(string Namespace, string Version, bool FromPo)> Root(MemoryStream buffer, XliffReadLimits limits)
    {
        buffer.Position = 0;
        string? ns = null, version = null, datatype = null;
        var elements = 0;
        try
        {
            using var reader = XmlReader.Create(buffer, Secure(limits, null, null));
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (++elements > limits.MaxElements)
                {
                    return Invalid("limits", $"the file has more than {limits.MaxElements:N0} elements");
                }
                if (reader.Depth > limits.MaxDepth)
                {
                    return Invalid("limits", $"elements are nested more than {limits.MaxDepth} levels deep");
                }
                if (reader.LocalName == "file" && datatype is null)
                {
                    // po2xliff names the PO file it converted as the original.
                    var original = reader.GetAttribute("original") ?? "";
                    datatype = original.EndsWith(".po", StringComparison.OrdinalIgnoreCase) || original.EndsWith(".pot", StringComparison.OrdinalIgnoreCase)
                        ? "po" : reader.GetAttribute("datatype") ?? "";
                }
                if (ns is null)
                {
                    if (reader.LocalName != "xliff")
                    {
                        return Invalid("root", $"the root element is <{reader.LocalName}>, not <xliff>");
                    }
                    ns = reader.NamespaceURI;
                    version = reader.GetAttribute("version") ?? "";
                }
            }
        }
        catch (XmlException e)
        {
            return Invalid("xml", e.Message.Contains("DTD", StringComparison.Ordinal)
                ? "DTDs are not allowed in XLIFF uploads (they are how entity-expansion and external-entity attacks work)"
                : e.Message);
        }
        return ns is null ? Invalid("root", "the file has no root element") : (ns, version!, datatype == "po");
    }

    private static InvalidXliff Invalid(string rule, string message) => new([new XliffViolation(rule, message)]);
}
