using Wgig.Translate.Domain.Glossary;

namespace Wgig.Translate.Domain.Checks;

/// <summary>The translation uses no term the glossary forbids in the target language.</summary>
public sealed class ForbiddenTermCheck : ICheck
{
    public string Id => "forbidden-term";

    public string Description => "The translation uses no term that the glossary marks as forbidden.";

    public CheckLevel DefaultLevel => CheckLevel.Error;

    public IEnumerable<string> Run(CheckInput input)
    {
        foreach (var hit in input.TargetTerms.Where(h => h.Payload.Status == TermStatus.Forbidden).DistinctBy(h => h.Payload))
        {
            var used = input.TargetPlain.Substring(hit.Start, hit.Length);
            var instead = input.Terms.FirstOrDefault(m => m.Forbidden.Contains(hit.Payload))?.Allowed.ToList() ?? [];
            yield return instead.Count > 0
                ? $"{TextScan.Quote(used)} is a forbidden term; use {string.Join(" or ", instead.Select(t => TextScan.Quote(t.Text)))}."
                : $"{TextScan.Quote(used)} is a forbidden term.";
        }
    }
}
