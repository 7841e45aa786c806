using System.Globalization;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Checks;

/// <summary>
/// Every inline code of the source is in the translation once, and spans stay well formed: a span's close
/// follows its open, and spans nest rather than cross (the XLIFF 2 rule for &lt;pc&gt;). A code whose partner
/// lies in another segment (an isolated open or close) only has to be present.
/// </summary>
public sealed class InlineCodesCheck : ICheck
{
    public string Id => "inline-codes";

    public string Description => "Every inline code of the source (bold, links, footnote references…) is in the translation, once, and spans nest properly.";

    private const string MissingOne = "inline-codes.missing-one";
    private const string MissingMany = "inline-codes.missing-many";
    private const string Repeated = "inline-codes.repeated";
    private const string Crossed = "inline-codes.crossed";
    private const string ClosedBeforeOpened = "inline-codes.closed-before-opened";

    public CheckLevel DefaultLevel => CheckLevel.Error;

    public IReadOnlyList<string> Codes { get; } = [MissingOne, MissingMany, Repeated, Crossed, ClosedBeforeOpened];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        var codes = input.Source.Codes;
        if (codes.Count == 0)
        {
            yield break;
        }
        var seen = new int[codes.Count];
        var open = new Stack<int>();
        var crossed = new List<CheckMessage>();
        foreach (var c in input.Target.CodedText)
        {
            if (!SegmentContent.IsMarker(c))
            {
                continue;
            }
            var index = c - SegmentContent.FirstMarker;
            if (index >= codes.Count)
            {
                continue;
            }
            seen[index]++;
            var code = codes[index];
            if (!HasPartner(codes, code))
            {
                continue;
            }
            if (code.Kind == CodeKind.Open)
            {
                open.Push(code.Id);
            }
            else if (code.Kind == CodeKind.Close)
            {
                if (open.Count > 0 && open.Peek() == code.Id)
                {
                    open.Pop();
                }
                else if (open.Contains(code.Id))
                {
                    crossed.Add(new(Crossed, Span(code)));
                    open = new Stack<int>(open.Where(id => id != code.Id).Reverse());
                }
                else
                {
                    crossed.Add(new(ClosedBeforeOpened, Span(code)));
                }
            }
        }
        var missing = Enumerable.Range(0, codes.Count).Where(i => seen[i] == 0).Select(i => Name(codes[i])).Distinct().ToList();
        if (missing.Count > 0)
        {
            yield return missing.Count == 1
                ? new(MissingOne, missing[0])
                : new(MissingMany, missing.Count.ToString(CultureInfo.InvariantCulture), string.Join(", ", missing));
        }
        foreach (var twice in Enumerable.Range(0, codes.Count).Where(i => seen[i] > 1).Select(i => Name(codes[i])).Distinct())
        {
            yield return new(Repeated, twice);
        }
        foreach (var problem in crossed.DistinctBy(c => (c.Code, c.Arguments[0])))
        {
            yield return problem;
        }
    }

    private static bool HasPartner(IReadOnlyList<InlineCode> codes, InlineCode code) =>
        code.Kind != CodeKind.Standalone && codes.Any(o => o.Id == code.Id && o.Kind != code.Kind && o.Kind != CodeKind.Standalone);

    // A code as its kind and number, with the span's bracket for a start or an end: "⟨b (1)", "b (1)⟩", "x (2)"; no words, so any language reads it.
    private static string Name(InlineCode code) => code.Kind switch
    {
        CodeKind.Open => $"⟨{Span(code)}",
        CodeKind.Close => $"{Span(code)}⟩",
        _ => Span(code),
    };

    private static string Span(InlineCode code) => $"{code.Type} ({code.Id})";
}
