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

    public CheckLevel DefaultLevel => CheckLevel.Error;

    public IEnumerable<string> Run(CheckInput input)
    {
        var codes = input.Source.Codes;
        if (codes.Count == 0)
        {
            yield break;
        }
        var seen = new int[codes.Count];
        var open = new Stack<int>();
        var crossed = new List<string>();
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
                    crossed.Add($"The {Name(code)} span closes inside another span it does not contain; spans nest, they do not cross.");
                    open = new Stack<int>(open.Where(id => id != code.Id).Reverse());
                }
                else
                {
                    crossed.Add($"The {Name(code)} span closes before it opens.");
                }
            }
        }
        var missing = Enumerable.Range(0, codes.Count).Where(i => seen[i] == 0).Select(i => Name(codes[i])).Distinct().ToList();
        if (missing.Count > 0)
        {
            yield return missing.Count == 1
                ? $"The translation lacks the source's {missing[0]} code."
                : $"The translation lacks {missing.Count} of the source's codes: {string.Join(", ", missing)}.";
        }
        foreach (var twice in Enumerable.Range(0, codes.Count).Where(i => seen[i] > 1).Select(i => Name(codes[i])).Distinct())
        {
            yield return $"The {twice} code occurs more than once; each code is used once.";
        }
        foreach (var problem in crossed.Distinct())
        {
            yield return problem;
        }
    }

    private static bool HasPartner(IReadOnlyList<InlineCode> codes, InlineCode code) =>
        code.Kind != CodeKind.Standalone && codes.Any(o => o.Id == code.Id && o.Kind != code.Kind && o.Kind != CodeKind.Standalone);

    private static string Name(InlineCode code) => code.Kind switch
    {
        CodeKind.Open => $"{code.Type} ({code.Id}, opening)",
        CodeKind.Close => $"{code.Type} ({code.Id}, closing)",
        _ => $"{code.Type} ({code.Id})",
    };
}
