using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Wgig.Translate.Domain.Xliff;

/// <summary>
/// The constraints of the XLIFF 2.1 modules (§5) that their schemas cannot express: matches, glossary,
/// resource data, size restriction, validation and change tracking.
/// </summary>
internal static partial class XliffModuleRules
{
    private static readonly XNamespace X = XliffSchemas.Core2Namespace;
    private static readonly XNamespace Mtc = "urn:oasis:names:tc:xliff:matches:2.0";
    private static readonly XNamespace Gls = "urn:oasis:names:tc:xliff:glossary:2.0";
    private static readonly XNamespace Res = "urn:oasis:names:tc:xliff:resourcedata:2.0";
    private static readonly XNamespace Slr = "urn:oasis:names:tc:xliff:sizerestriction:2.0";
    private static readonly XNamespace Val = "urn:oasis:names:tc:xliff:validation:2.0";
    private static readonly XNamespace Ctr = "urn:oasis:names:tc:xliff:changetracking:2.0";
    private static readonly string[] ValidationTests = ["isPresent", "isNotPresent", "startsWith", "endsWith"];
    private static readonly string[] SizeInformation = ["sizeInfo", "sizeInfoRef", "equivStorage"];

    [GeneratedRegex(@"^(?:\d+|\*)(?:,(?:\d+|\*))?$")]
    private static partial Regex Restriction();

    public static void Check(XElement root, string srcLang, string? trgLang, Action<XObject, string, string> fail)
    {
        foreach (var unit in root.Descendants(X + "unit"))
        {
            var ids = unit.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var match in unit.Descendants(Mtc + "match"))
            {
                if (match.Attribute(XNamespace.Xml + "lang") is { } lang)
                {
                    fail(lang, "mtc", "xml:lang is not allowed on <mtc:match> (§5.1.5.3)");
                }
                if (match.Attribute("subType") is not null && match.Attribute("type") is null)
                {
                    fail(match, "mtc", "subType on <mtc:match> needs type");
                }
                var reference = (string?)match.Attribute("ref") ?? "";
                if (!reference.StartsWith('#'))
                {
                    fail(match, "mtc", $"ref '{reference}' is not a fragment identifier (#id)");
                }
                else if (!reference.Contains('=', StringComparison.Ordinal) && !ids.Contains(reference[1..]))
                {
                    fail(match, "mtc", $"ref '{reference}' points to nothing in the unit");
                }
            }
            foreach (var revisions in unit.Descendants(Ctr + "revisions"))
            {
                var revised = (string?)revisions.Attribute("ref") is { } reference
                    ? unit.Descendants().FirstOrDefault(e => (string?)e.Attribute("id") == reference)
                    : null;
                if (revisions.Attribute("ref") is { } referenceAttribute && revised is null)
                {
                    fail(revisions, "ctr", $"ref '{referenceAttribute.Value}' is the id of no element in the unit (§5.6.5.5)");
                }
                CheckRevisionItems(revisions, revised, fail);
            }
        }
        foreach (var entry in root.Descendants(Gls + "glossEntry"))
        {
            if (!entry.Elements(Gls + "translation").Any() && !entry.Elements(Gls + "definition").Any())
            {
                fail(entry, "gls", "a <gls:glossEntry> has a translation or a definition (§5.2.4.3)");
            }
        }
        foreach (var side in root.Descendants().Where(e => e.Name == Res + "source" || e.Name == Res + "target"))
        {
            var hasContent = side.Nodes().Any(n => n is XElement || n is XText t && t.Value.Trim().Length > 0);
            if (hasContent && side.Attribute("href") is not null)
            {
                fail(side, "res", $"<res:{side.Name.LocalName}> has both an href and content");
            }
            // §5.3.5: a resource's source is in srcLang; its target may be a variant (a resource for another locale).
            var expected = side.Name.LocalName == "source" ? srcLang : null;
            if ((string?)side.Attribute(XNamespace.Xml + "lang") is { } lang && expected is not null && !string.Equals(lang, expected, StringComparison.OrdinalIgnoreCase))
            {
                fail(side, "res", $"xml:lang '{lang}' on <res:{side.Name.LocalName}> differs from '{expected}'");
            }
        }
        CheckSizeRestriction(root, fail);
        foreach (var rule in root.Descendants(Val + "rule"))
        {
            var tests = rule.Attributes().Count(a => ValidationTests.Contains(a.Name.LocalName) && a.Name.Namespace == XNamespace.None
                || a.Name.Namespace != XNamespace.None && a.Name.Namespace != XNamespace.Xml && !a.IsNamespaceDeclaration);
            if (tests != 1)
            {
                fail(rule, "val", $"a <val:rule> has exactly one test attribute; this one has {tests}");
            }
            // The schema's default ("no") is filled in by the validating reader: only "yes" asks for a pattern.
            if ((string?)rule.Attribute("existsInSource") == "yes" && rule.Attribute("isPresent") is null && rule.Attribute("startsWith") is null && rule.Attribute("endsWith") is null)
            {
                fail(rule, "val", "existsInSource goes with isPresent, startsWith or endsWith (§5.8.5.6)");
            }
        }
    }

    // §5.6.5.6: an item records the content or one attribute of the revised element, each at most once per revision.
    private static void CheckRevisionItems(XElement revisions, XElement? revised, Action<XObject, string, string> fail)
    {
        foreach (var revision in revisions.Elements(Ctr + "revision"))
        {
            var recorded = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in revision.Elements(Ctr + "item"))
            {
                var property = (string?)item.Attribute("property") ?? "";
                if (!recorded.Add(property))
                {
                    fail(item, "ctr", $"the property '{property}' is recorded twice in one revision (§5.6.5.6)");
                }
                else if (property != "content" && revised is not null && !Written(revised.Attribute(property)))
                {
                    fail(item, "ctr", $"the property '{property}' is neither content nor an attribute of the revised <{revised.Name.LocalName}> (§5.6.5.6)");
                }
            }
        }
    }

    // The validating reader fills in schema defaults; such an attribute has no position of its own in the
    // file, it repeats the position of the attribute (or element) read before it.
    private static bool Written(XAttribute? attribute)
    {
        if (attribute?.Parent is not { } element)
        {
            return false;
        }
        static (int, int) At(XObject o) => (((System.Xml.IXmlLineInfo)o).LineNumber, ((System.Xml.IXmlLineInfo)o).LinePosition);
        var position = At(attribute);
        return position != (0, 0) && position != At(element)
            && !element.Attributes().TakeWhile(a => a != attribute).Any(a => At(a) == position);
    }

    private static void CheckSizeRestriction(XElement root, Action<XObject, string, string> fail)
    {
        var dataIds = root.Descendants(Slr + "data").SelectMany(d => d.DescendantsAndSelf()).Select(d => (string?)d.Attribute("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // Under the code point profile sizes are counts; other profiles may define their own notation.
        var countsCodePoints = root.Descendants(Slr + "profiles").Any(p => ((string?)p.Attribute("generalProfile") ?? (string?)p.Attribute("storageProfile")) is "xliff:codepoints");
        foreach (var element in root.DescendantsAndSelf())
        {
            foreach (var name in new[] { "sizeRestriction", "storageRestriction" })
            {
                if (element.Attribute(Slr + name) is { } restriction && !Restriction().IsMatch(restriction.Value))
                {
                    fail(restriction, "slr", $"{name} '{restriction.Value}' is not a size or a min,max range");
                }
            }
            foreach (var name in new[] { "sizeInfo", "equivStorage" })
            {
                if (countsCodePoints && element.Attribute(Slr + name) is { } size && !uint.TryParse(size.Value, out _))
                {
                    fail(size, "slr", $"{name} '{size.Value}' is not a non-negative integer");
                }
            }
            if (element.Attribute(Slr + "sizeInfo") is not null && element.Attribute(Slr + "sizeInfoRef") is not null)
            {
                fail(element, "slr", "sizeInfo and sizeInfoRef exclude each other");
            }
            if (element.Attribute(Slr + "sizeInfoRef") is { } sizeInfoRef && !dataIds.Contains(sizeInfoRef.Value))
            {
                fail(sizeInfoRef, "slr", $"sizeInfoRef '{sizeInfoRef.Value}' names no <slr:data>");
            }
            if (element.Name == X + "ec" && (string?)element.Attribute("isolated") != "yes"
                && SizeInformation.Any(a => element.Attribute(Slr + a) is not null))
            {
                fail(element, "slr", "size information on an <ec> belongs on its <sc>, unless the <ec> is isolated");
            }
        }
    }
}
