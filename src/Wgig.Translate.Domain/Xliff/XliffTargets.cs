using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Xliff;

/// <summary>
/// What an uploaded unit says about one of our segments: its translation as content whose codes are the
/// segment's source codes, or why it cannot be taken.
/// </summary>
public sealed record XliffTarget(string UnitId, SegmentContent? Target, string? State, string? Problem)
{
    public bool IsUsable => Problem is null && Target is not null;
}

/// <summary>
/// Reads the targets of a validated XLIFF file (2.x or 1.2) against our segments. A unit a tool split
/// into several segments is joined back in target order. Inline codes in a target must be codes of the
/// source, paired as in the source, and codes that must be kept must be there.
/// </summary>
public static class XliffTargets
{
    private static readonly XNamespace X2 = XliffSchemas.Core2Namespace;
    private static readonly XNamespace X12 = XliffSchemas.Core12Namespace;

    /// <param name="sourceOf">Our source for a unit id, or null when no segment has that key.</param>
    public static IEnumerable<XliffTarget> Read(XliffDocument document, Func<string, SegmentContent?> sourceOf) =>
        document.Version == "1.2" ? Read12(document.Xml, sourceOf) : Read2(document.Xml, sourceOf);

    private static IEnumerable<XliffTarget> Read2(XDocument xml, Func<string, SegmentContent?> sourceOf)
    {
        foreach (var unit in xml.Descendants(X2 + "unit"))
        {
            var id = (string?)unit.Attribute("id") ?? "";
            var parts = unit.Elements().Where(e => e.Name == X2 + "segment" || e.Name == X2 + "ignorable").ToList();
            var targets = parts
                .Select((part, index) => (part, target: part.Element(X2 + "target"), order: int.TryParse((string?)part.Element(X2 + "target")?.Attribute("order"), out var o) ? o : index + 1))
                .ToList();
            var states = parts.Where(p => p.Name == X2 + "segment").Select(p => (string?)p.Attribute("state") ?? "initial").Distinct().ToList();
            var state = states.Count == 1 ? states[0] : "initial";
            yield return Resolve(id, sourceOf,
                [.. parts.Select(p => p.Element(X2 + "source")).OfType<XElement>()],
                targets.Any(t => t.target is not null) ? [.. targets.OrderBy(t => t.order).Select(t => t.target ?? t.part.Element(X2 + "source")).OfType<XElement>()] : null,
                state);
        }
    }

    private static IEnumerable<XliffTarget> Read12(XDocument xml, Func<string, SegmentContent?> sourceOf)
    {
        foreach (var unit in xml.Descendants(X12 + "trans-unit"))
        {
            var id = (string?)unit.Attribute("id") ?? "";
            var target = unit.Element(X12 + "target");
            var state = (string?)unit.Attribute("approved") == "yes" ? "signed-off" : (string?)target?.Attribute("state") ?? "translated";
            yield return Resolve(id, sourceOf, [unit.Element(X12 + "source")!], target is null ? null : [target], state);
        }
    }

    private static XliffTarget Resolve(string unitId, Func<string, SegmentContent?> sourceOf, List<XElement> sources, List<XElement>? targets, string state)
    {
        if (sourceOf(unitId) is not { } source)
        {
            return new XliffTarget(unitId, null, state, $"no segment has the key '{unitId}'");
        }
        var theirSource = Parse(sources, source, out _);
        if (!string.Equals(theirSource.PlainText, source.PlainText, StringComparison.Ordinal))
        {
            return new XliffTarget(unitId, null, state, "the source in the file differs from the current source; export the document again");
        }
        if (targets is null)
        {
            return new XliffTarget(unitId, null, state, null);
        }
        var target = Parse(targets, source, out var problem);
        return new XliffTarget(unitId, problem is null ? target : null, state, problem);
    }

    // Content whose markers point at the source's codes, matched by XLIFF id and kind.
    private static SegmentContent Parse(List<XElement> contents, SegmentContent source, out string? problem)
    {
        var text = new StringBuilder();
        var seen = new List<InlineCode>();
        string? firstProblem = null;

        void Code(string? id, CodeKind kind)
        {
            var index = -1;
            for (var i = 0; i < source.Codes.Count; i++)
            {
                if (source.Codes[i].Kind == kind && source.Codes[i].Id.ToString(CultureInfo.InvariantCulture) == id)
                {
                    index = i;
                    break;
                }
            }
            if (index < 0)
            {
                firstProblem ??= $"the code '{id}' ({kind}) is not a code of the source";
                return;
            }
            if (seen.Contains(source.Codes[index]))
            {
                firstProblem ??= $"the code '{id}' ({kind}) occurs twice";
                return;
            }
            seen.Add(source.Codes[index]);
            text.Append(SegmentContent.MarkerFor(index));
        }

        void Walk(XElement element)
        {
            foreach (var node in element.Nodes())
            {
                switch (node)
                {
                    case XText t:
                        text.Append(t.Value);
                        break;
                    case XElement e:
                        var id = (string?)e.Attribute("id");
                        switch (e.Name.LocalName)
                        {
                            case "pc" or "g":
                                Code(id, CodeKind.Open);
                                Walk(e);
                                Code(id, CodeKind.Close);
                                break;
                            case "ph" or "x":
                                Code(id, CodeKind.Standalone);
                                break;
                            case "sc":
                                Code(id, CodeKind.Open);
                                break;
                            case "ec":
                                Code((string?)e.Attribute("startRef") ?? id, CodeKind.Close);
                                break;
                            case "bx":
                                Code((string?)e.Attribute("rid") ?? id, CodeKind.Open);
                                break;
                            case "ex":
                                Code((string?)e.Attribute("rid") ?? id, CodeKind.Close);
                                break;
                            case "cp" when int.TryParse((string?)e.Attribute("hex"), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var codePoint):
                                text.Append(char.ConvertFromUtf32(codePoint));
                                break;
                            case "sm" or "em":
                                break;
                            default:
                                Walk(e);
                                break;
                        }
                        break;
                }
            }
        }

        foreach (var content in contents)
        {
            Walk(content);
        }
        var result = new SegmentContent(text.ToString(), source.Codes);
        var missing = source.Codes.FirstOrDefault(c => XliffCodes.MustKeep(c) && !seen.Contains(c));
        if (missing is not null)
        {
            firstProblem ??= $"the code '{missing.Id}' ({missing.Type}) may be moved but not deleted";
        }
        firstProblem ??= PairingProblem(result);
        problem = firstProblem;
        return result;
    }

    private static string? PairingProblem(SegmentContent content)
    {
        var open = new HashSet<int>();
        foreach (var c in content.CodedText.Where(SegmentContent.IsMarker))
        {
            var code = content.CodeAt(c);
            if (code.Kind == CodeKind.Open)
            {
                open.Add(code.Id);
            }
            else if (code.Kind == CodeKind.Close && !open.Contains(code.Id)
                && content.CodedText.Any(m => SegmentContent.IsMarker(m) && content.CodeAt(m) is { Kind: CodeKind.Open } o && o.Id == code.Id))
            {
                return $"the code '{code.Id}' closes before it opens";
            }
        }
        return null;
    }
}
