using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Wgig.Translate.Domain.Languages;

namespace Wgig.Translate.Domain.Xliff;

/// <summary>
/// The processing requirements of XLIFF 2.1 (§4 and the Fragment Identification appendix) that the
/// schema cannot express. Each violation names the rule it breaks.
/// </summary>
internal static partial class Xliff2Rules
{
    private static readonly XNamespace X = XliffSchemas.Core2Namespace;
    private static readonly XNamespace Fs = "urn:oasis:names:tc:xliff:fs:2.0";
    private static readonly XName XmlLang = XNamespace.Xml + "lang";
    private static readonly XName XmlSpace = XNamespace.Xml + "space";
    private static readonly HashSet<string> InlineWithId = ["ph", "pc", "sc", "mrk", "sm"];
    private static readonly HashSet<string> CodeTypes = ["fmt", "ui", "quote", "link", "image", "other"];
    private static readonly string[] DataReferences = ["dataRef", "dataRefStart", "dataRefEnd"];
    private static readonly string[] SubFlowAttributes = ["subFlows", "subFlowsStart", "subFlowsEnd"];
    private static readonly string[] PairedHints = ["canCopy", "canDelete", "canOverlap", "canReorder"];

    // The xlf: sub-types and the type each requires (§4.3.1.34).
    private static readonly Dictionary<string, string> XlfSubTypes = new(StringComparer.Ordinal)
    {
        ["xlf:lb"] = "fmt", ["xlf:pb"] = "fmt", ["xlf:b"] = "fmt", ["xlf:i"] = "fmt", ["xlf:u"] = "fmt", ["xlf:var"] = "ui",
    };

    // Fragment identifier prefixes: core ones and those of the modules this reader knows (Appendix: Fragment Identification).
    private static readonly HashSet<string> FragmentPrefixes = ["f", "g", "u", "n", "d", "t", "mtc", "gls", "mda", "res", "ctr", "slr", "val", "fs", "itsm", "tbx"];

    [GeneratedRegex(@"^[A-Za-z0-9_.\-:]+$")]
    private static partial Regex NmToken();

    public static IReadOnlyList<XliffViolation> Check(XDocument xml)
    {
        var violations = new List<XliffViolation>();
        void Fail(XObject at, string rule, string message) =>
            violations.Add(new XliffViolation(rule, message, ((IXmlLineInfo)at).HasLineInfo() ? ((IXmlLineInfo)at).LineNumber : 0));

        var root = xml.Root!;
        var srcLang = (string?)root.Attribute("srcLang") ?? "";
        var trgLang = (string?)root.Attribute("trgLang");
        if (!LanguageTag.IsWellFormed(srcLang))
        {
            Fail(root, "srcLang", $"srcLang '{srcLang}' is not a well-formed BCP 47 tag");
        }
        if (trgLang is not null && !LanguageTag.IsWellFormed(trgLang))
        {
            Fail(root, "trgLang", $"trgLang '{trgLang}' is not a well-formed BCP 47 tag");
        }
        foreach (var lang in root.DescendantsAndSelf().Attributes(XmlLang).Where(a => a.Value.Length > 0 && !LanguageTag.IsWellFormed(a.Value)))
        {
            Fail(lang, "xml:lang", $"xml:lang '{lang.Value}' is not a well-formed BCP 47 tag");
        }
        if (trgLang is null && root.Descendants(X + "target").Any())
        {
            Fail(root, "trgLang", "the file has <target> elements but no trgLang on <xliff>");
        }
        Unique(root.Elements(X + "file"), "id", "file id", Fail);
        foreach (var file in root.Elements(X + "file"))
        {
            // §4.2.2.3, §4.2.2.4: unit and group ids are one namespace per file.
            Unique(file.Descendants().Where(e => e.Name == X + "unit" || e.Name == X + "group"), "id", "unit or group id", Fail);
        }
        foreach (var element in root.DescendantsAndSelf())
        {
            if (Undeclared(element.Name) is { } elementModule)
            {
                Fail(element, "module", $"<{element.Name.LocalName}> is not an element of the module {elementModule}");
            }
            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && Undeclared(a.Name) is not null))
            {
                Fail(attribute, "module", $"{attribute.Name.LocalName} is not an attribute of the module {attribute.Name.NamespaceName}");
            }
        }

        foreach (var file in root.Elements(X + "file"))
        {
            CheckSkeleton(file, Fail);
            var unitIds = file.Descendants(X + "unit").Select(u => (string?)u.Attribute("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var scope in file.DescendantsAndSelf().Where(e => e.Name == X + "file" || e.Name == X + "group" || e.Name == X + "unit"))
            {
                foreach (var notes in scope.Elements(X + "notes"))
                {
                    Unique(notes.Elements(X + "note"), "id", "note id", Fail);
                }
                var extensionIds = scope.Elements().Where(e => e.Name.Namespace != X)
                    .SelectMany(e => e.DescendantsAndSelf())
                    .Where(e => e.Name.Namespace != X)
                    .SelectMany(e => e.Attributes().Where(a => a.Name == "id" || a.Name == XNamespace.Xml + "id"));
                foreach (var duplicate in extensionIds.GroupBy(a => a.Value).Where(g => g.Count() > 1))
                {
                    Fail(duplicate.Last(), "extension id", $"the id '{duplicate.Key}' is used twice by extension elements of the same {scope.Name.LocalName}");
                }
            }
            foreach (var unit in file.Descendants(X + "unit"))
            {
                CheckUnit(file, unit, srcLang, trgLang, unitIds, Fail);
            }
        }
        XliffModuleRules.Check(root, srcLang, trgLang, Fail);
        return violations;
    }

    private static string? Undeclared(XName name) =>
        XliffSchemas.ModuleDeclarations.TryGetValue(name.NamespaceName, out var declared) && !declared.Contains(name.LocalName)
            ? name.NamespaceName
            : null;

    private static void CheckSkeleton(XElement file, Action<XObject, string, string> fail)
    {
        foreach (var skeleton in file.Elements(X + "skeleton"))
        {
            var hasHref = skeleton.Attribute("href") is not null;
            var hasContent = skeleton.Nodes().Any(n => n is XElement || n is XText t && t.Value.Trim().Length > 0);
            if (hasHref == hasContent)
            {
                fail(skeleton, "skeleton", hasHref ? "<skeleton> has both an href and content" : "<skeleton> has neither an href nor content");
            }
        }
    }

    private static void CheckUnit(XElement file, XElement unit, string srcLang, string? trgLang, HashSet<string> unitIds,
        Action<XObject, string, string> fail)
    {
        var parts = unit.Elements().Where(e => e.Name == X + "segment" || e.Name == X + "ignorable").ToList();
        Unique(parts, "id", "segment/ignorable id", fail);
        if (!unit.Elements(X + "segment").Any())
        {
            fail(unit, "segment", $"unit '{(string?)unit.Attribute("id")}' has no <segment>");
        }

        var data = unit.Elements(X + "originalData").Elements(X + "data").ToList();
        Unique(data, "id", "data id", fail);
        var dataIds = data.Select(d => (string?)d.Attribute("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var noteIds = unit.Elements(X + "notes").Elements(X + "note").Select(n => (string?)n.Attribute("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var sources = parts.Elements(X + "source").ToList();
        var targets = parts.Elements(X + "target").ToList();
        var sourceInline = sources.SelectMany(s => s.Descendants()).ToList();
        var targetInline = targets.SelectMany(t => t.Descendants()).ToList();
        Unique(sourceInline.Where(e => InlineWithId.Contains(e.Name.LocalName) && e.Name.Namespace == X), "id", "inline id in the source", fail);
        Unique(targetInline.Where(e => InlineWithId.Contains(e.Name.LocalName) && e.Name.Namespace == X && e.Attribute("copyOf") is null), "id", "inline id in the target", fail);
        var sourceCodeIds = sourceInline.Where(e => e.Name.LocalName is "ph" or "pc" or "sc").Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);

        foreach (var element in sourceInline.Concat(targetInline).Where(e => e.Name.Namespace == X))
        {
            CheckInline(file, unit, element, dataIds, noteIds, sourceCodeIds, unitIds, fail);
        }
        CheckPairs(sources, fail);
        CheckPairs(targets, fail);
        CheckMarkers(sources, fail);
        CheckMarkers(targets, fail);

        foreach (var part in parts)
        {
            var source = part.Element(X + "source");
            var target = part.Element(X + "target");
            if (source is not null && Inherited(source, XmlLang) is { } sourceLang && !string.Equals(sourceLang, srcLang, StringComparison.OrdinalIgnoreCase))
            {
                fail(source, "xml:lang", $"the source's language is '{sourceLang}', not srcLang '{srcLang}'");
            }
            if (target is not null && trgLang is not null && Inherited(target, XmlLang) is { } targetLang && !string.Equals(targetLang, trgLang, StringComparison.OrdinalIgnoreCase))
            {
                fail(target, "xml:lang", $"the target's language is '{targetLang}', not trgLang '{trgLang}'");
            }
            if (source is not null && target is not null && (Inherited(source, XmlSpace) ?? "default") != (Inherited(target, XmlSpace) ?? "default"))
            {
                fail(target, "xml:space", "a segment's source and target have different xml:space");
            }
            if (source is not null && target is not null)
            {
                CheckEditingHints(source, target, fail);
            }
        }
        CheckOrder(parts, fail);
    }

    private static void CheckInline(XElement file, XElement unit, XElement element, HashSet<string> dataIds, HashSet<string> noteIds,
        HashSet<string> sourceCodeIds, HashSet<string> unitIds, Action<XObject, string, string> fail)
    {
        var name = element.Name.LocalName;
        foreach (var reference in DataReferences.Select(a => element.Attribute(a)).OfType<XAttribute>())
        {
            if (!dataIds.Contains(reference.Value))
            {
                fail(reference, "dataRef", $"{reference.Name} '{reference.Value}' names no <data> in the unit's <originalData>");
            }
        }
        if (element.Attribute("copyOf") is { } copyOf)
        {
            if (!sourceCodeIds.Contains(copyOf.Value))
            {
                fail(copyOf, "copyOf", $"copyOf '{copyOf.Value}' names no code of the unit's source");
            }
            if (element.Attributes().Any(a => a.Name.LocalName.StartsWith("dataRef", StringComparison.Ordinal)))
            {
                fail(copyOf, "copyOf", "a code with copyOf must not also have original data");
            }
        }
        var type = (string?)element.Attribute("type");
        var subType = (string?)element.Attribute("subType");
        if (name is "ph" or "pc" or "sc" or "ec")
        {
            if (type is not null && !CodeTypes.Contains(type))
            {
                fail(element, "type", $"'{type}' is not a code type (fmt, ui, quote, link, image, other)");
            }
            if (subType is not null && type is null)
            {
                fail(element, "subType", "subType is given without type");
            }
            if (subType is not null && subType.StartsWith("xlf:", StringComparison.Ordinal)
                && (!XlfSubTypes.TryGetValue(subType, out var required) || type is not null && required != type))
            {
                fail(element, "subType", $"subType '{subType}' is not an xlf: sub-type valid for type '{type}'");
            }
            var canReorder = (string?)element.Attribute("canReorder") ?? "yes";
            if (canReorder is "no" or "firstNo" && ((string?)element.Attribute("canCopy") != "no" || (string?)element.Attribute("canDelete") != "no"))
            {
                fail(element, "canReorder", "a code that cannot be reordered must also have canCopy=\"no\" and canDelete=\"no\"");
            }
        }
        if (name == "ec" && element.Attribute("startRef") is not null && element.Attribute(Fs + "fs") is not null)
        {
            fail(element, "fs", "fs:fs is not allowed on an <ec> that has its <sc>: the <sc> carries it");
        }
        foreach (var flows in SubFlowAttributes.Select(a => element.Attribute(a)).OfType<XAttribute>())
        {
            var missing = flows.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(id => !unitIds.Contains(id)).ToList();
            if (missing.Count > 0)
            {
                fail(flows, "subFlows", $"{flows.Name} names units the file does not have: {string.Join(", ", missing)}");
            }
        }
        if (name == "cp" && element.Attribute("hex") is { } hex)
        {
            if (!int.TryParse(hex.Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var codePoint) || codePoint > 0x10FFFF)
            {
                fail(hex, "cp", $"'{hex.Value}' is not a hexadecimal code point");
            }
            else if (XmlConvert.IsXmlChar((char)codePoint) && codePoint <= 0xFFFF || codePoint is >= 0x10000 and <= 0x10FFFF)
            {
                fail(hex, "cp", $"U+{codePoint:X4} may appear in XML as it is; <cp> is only for characters XML cannot carry");
            }
        }
        if (name == "mrk")
        {
            var reference = (string?)element.Attribute("ref");
            if (type == "comment")
            {
                var hasValue = element.Attribute("value") is not null;
                if (hasValue == (reference is not null))
                {
                    fail(element, "comment", "a comment annotation has exactly one of value and ref");
                }
                else if (reference is not null && !IsUnitNoteReference(reference, file, unit, noteIds))
                {
                    fail(element, "comment", $"ref '{reference}' does not point to a <note> of the enclosing unit");
                }
            }
            if (reference is not null && reference.StartsWith('#') && FragmentProblem(reference) is { } problem)
            {
                fail(element, "fragment identifier", $"ref '{reference}': {problem}");
            }
        }
    }

    private static bool IsUnitNoteReference(string reference, XElement file, XElement unit, HashSet<string> noteIds)
    {
        var prefix = $"f={(string?)file.Attribute("id")}/u={(string?)unit.Attribute("id")}/n=";
        var path = reference.TrimStart('#').TrimStart('/');
        var id = path.StartsWith("n=", StringComparison.Ordinal) ? path[2..]
            : path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..]
            : null;
        return id is not null && noteIds.Contains(id);
    }

    // Appendix: Fragment Identification. "#id" (one leaf) or "#[/]prefix=id/prefix=id…" with known prefixes, each at most once.
    private static string? FragmentProblem(string reference)
    {
        var path = reference[1..];
        if (!path.Contains('=', StringComparison.Ordinal))
        {
            return path.Contains('/', StringComparison.Ordinal) ? "a relative reference must be a single id" : null;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selector in path.TrimStart('/').Split('/'))
        {
            var equals = selector.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == selector.Length - 1)
            {
                return $"'{selector}' is not prefix=id";
            }
            var prefix = selector[..equals];
            if (!NmToken().IsMatch(prefix))
            {
                return $"the prefix '{prefix}' is not an NMTOKEN";
            }
            if (!FragmentPrefixes.Contains(prefix))
            {
                return $"the prefix '{prefix}' is not registered";
            }
            if (!seen.Add(prefix))
            {
                return $"the prefix '{prefix}' occurs twice";
            }
        }
        return null;
    }

    /// <summary>§4.7.2: sc/ec pairing across the segments of one unit, on one side (source or target).</summary>
    private static void CheckPairs(IReadOnlyList<XElement> contents, Action<XObject, string, string> fail)
    {
        var open = new Dictionary<string, XElement>(StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in contents.SelectMany(c => c.Descendants()).Where(e => e.Name.Namespace == X))
        {
            var isolated = (string?)element.Attribute("isolated") == "yes";
            if (element.Name.LocalName == "sc")
            {
                if (element.Attribute("id") is { } id)
                {
                    open[id.Value] = element;
                }
            }
            else if (element.Name.LocalName == "ec")
            {
                var startRef = (string?)element.Attribute("startRef");
                var id = (string?)element.Attribute("id");
                if (isolated)
                {
                    if (startRef is not null || id is null)
                    {
                        fail(element, "ec isolated", "an isolated <ec> has an id and no startRef");
                    }
                }
                else if (startRef is null)
                {
                    fail(element, "ec", "an <ec> that is not isolated must name its <sc> with startRef");
                }
                else if (id is not null)
                {
                    fail(element, "ec", "an <ec> with startRef must not have an id (only isolated ones do)");
                }
                else if (!open.TryGetValue(startRef, out var start))
                {
                    fail(element, "ec", $"startRef '{startRef}' names no <sc> before it in the unit");
                }
                else
                {
                    if ((string?)start.Attribute("isolated") == "yes")
                    {
                        fail(element, "sc isolated", $"<sc id=\"{startRef}\"> is marked isolated but its <ec> is in the unit");
                    }
                    foreach (var hint in PairedHints)
                    {
                        if (((string?)element.Attribute(hint) ?? Default(hint)) != ((string?)start.Attribute(hint) ?? Default(hint)))
                        {
                            fail(element, hint, $"<ec> and its <sc id=\"{startRef}\"> disagree on {hint}");
                        }
                    }
                    closed.Add(startRef);
                }
            }
        }
        foreach (var (id, start) in open.Where(o => !closed.Contains(o.Key) && (string?)o.Value.Attribute("isolated") != "yes"))
        {
            fail(start, "sc isolated", $"<sc id=\"{id}\"> has no <ec> in the unit, so it must be marked isolated=\"yes\"");
        }
    }

    private static string Default(string hint) => hint == "canOverlap" ? "?" : "yes";

    /// <summary>§4.7.1: every &lt;sm&gt; is ended by an &lt;em&gt; after it, and every &lt;em&gt; ends an &lt;sm&gt; before it.</summary>
    private static void CheckMarkers(IReadOnlyList<XElement> contents, Action<XObject, string, string> fail)
    {
        var started = new HashSet<string>(StringComparer.Ordinal);
        var ended = new HashSet<string>(StringComparer.Ordinal);
        var markers = contents.SelectMany(c => c.Descendants()).Where(e => e.Name.Namespace == X && e.Name.LocalName is "sm" or "em").ToList();
        foreach (var marker in markers)
        {
            if (marker.Name.LocalName == "sm" && marker.Attribute("id") is { } id)
            {
                started.Add(id.Value);
            }
            else if (marker.Name.LocalName == "em" && (string?)marker.Attribute("startRef") is { } startRef)
            {
                if (!started.Contains(startRef))
                {
                    fail(marker, "em", $"<em startRef=\"{startRef}\"> comes before its <sm>, or has none");
                }
                ended.Add(startRef);
            }
        }
        foreach (var lone in markers.Where(m => m.Name.LocalName == "sm" && !ended.Contains((string?)m.Attribute("id") ?? "")))
        {
            fail(lone, "sm", $"<sm id=\"{(string?)lone.Attribute("id")}\"> is never ended by an <em>");
        }
    }

    /// <summary>§4.7.5 editing hints: codes that cannot be deleted stay; codes that cannot be reordered keep their sequence.</summary>
    private static void CheckEditingHints(XElement source, XElement target, Action<XObject, string, string> fail)
    {
        var sourceEvents = CodeEvents(source);
        var targetEvents = CodeEvents(target).Select(e => e.Key).ToList();
        foreach (var (key, element) in sourceEvents.Where(e => !e.Key.StartsWith('/') && (string?)e.Element.Attribute("canDelete") == "no"))
        {
            if (!targetEvents.Contains(key))
            {
                fail(target, "canDelete", $"the code '{key}' may not be deleted, but the target lacks it");
            }
        }
        // A sequence is a code with canReorder="firstNo" and the "no" codes right after it (a pair's end
        // included): the target keeps it intact, in order, with nothing between.
        for (var i = 0; i < sourceEvents.Count; i++)
        {
            if (sourceEvents[i].Key.StartsWith('/') || (string?)sourceEvents[i].Element.Attribute("canReorder") != "firstNo")
            {
                continue;
            }
            var members = new HashSet<XElement> { sourceEvents[i].Element };
            var sequence = new List<string> { sourceEvents[i].Key };
            for (var j = i + 1; j < sourceEvents.Count; j++)
            {
                var (key, element) = sourceEvents[j];
                if (!members.Contains(element) && (string?)element.Attribute("canReorder") != "no")
                {
                    break;
                }
                members.Add(element);
                sequence.Add(key);
            }
            var start = targetEvents.IndexOf(sequence[0]);
            if (start >= 0 && !targetEvents.Skip(start).Take(sequence.Count).SequenceEqual(sequence))
            {
                fail(target, "canReorder", $"the codes {string.Join(", ", sequence)} may not be reordered or split in the target");
            }
        }
    }

    // Codes in document order as events: "id" where a code starts or stands, "/id" where a pair ends.
    private static List<(string Key, XElement Element)> CodeEvents(XElement content)
    {
        var events = new List<(string, XElement)>();
        void Walk(XElement parent)
        {
            foreach (var element in parent.Elements().Where(e => e.Name.Namespace == X))
            {
                var id = (string?)element.Attribute("id") ?? "";
                switch (element.Name.LocalName)
                {
                    case "ph" or "sc":
                        events.Add((id, element));
                        break;
                    case "ec":
                        events.Add(("/" + ((string?)element.Attribute("startRef") ?? id), element));
                        break;
                    case "pc":
                        events.Add((id, element));
                        Walk(element);
                        events.Add(("/" + id, element));
                        break;
                    default:
                        Walk(element);
                        break;
                }
            }
        }
        Walk(content);
        return events;
    }

    /// <summary>§4.3.2 order: each target's position (given, or its own) is unique and within the unit.</summary>
    private static void CheckOrder(List<XElement> parts, Action<XObject, string, string> fail)
    {
        var positions = new Dictionary<int, XElement>();
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Element(X + "target") is not { } target)
            {
                continue;
            }
            var order = int.TryParse((string?)target.Attribute("order"), out var given) ? given : i + 1;
            if (order < 1 || order > parts.Count)
            {
                fail(target, "order", $"order {order} is outside 1–{parts.Count}");
            }
            else if (!positions.TryAdd(order, target))
            {
                fail(target, "order", $"two targets take position {order}");
            }
        }
    }

    private static string? Inherited(XElement element, XName attribute) =>
        element.AncestorsAndSelf().Select(e => (string?)e.Attribute(attribute)).FirstOrDefault(v => v is not null);

    private static void Unique(IEnumerable<XElement> elements, string attribute, string what, Action<XObject, string, string> fail)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in elements)
        {
            if (element.Attribute(attribute) is { } id && !seen.Add(id.Value))
            {
                fail(id, "unique ids", $"the {what} '{id.Value}' is not unique");
            }
        }
    }
}
