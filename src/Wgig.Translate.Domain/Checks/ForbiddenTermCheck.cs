using Wgig.Translate.Domain.Glossary;

namespace Wgig.Translate.Domain.Checks;

/// <summary>The translation uses no term the glossary forbids in the target language.</summary>
public sealed class ForbiddenTermCheck : ICheck
{
    public string Id => "forbidden-term";

    public string Description => "The translation uses no term that the glossary marks as forbidden.";

    private const string Used = "forbidden-term.used";
    private const string UseInstead = "forbidden-term.use-instead";

    public CheckLevel DefaultLevel => CheckLevel.Error;

    public IReadOnlyList<string> Codes { get; } = [Used, UseInstead];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        foreach (var hit in input.TargetTerms.Where(h => h.Payload.Status == TermStatus.Forbidden).DistinctBy(h => h.Payload))
        {
            var used = input.TargetPlain.Substring(hit.Start, hit.Length);
            var instead = input.Terms.FirstOrDefault(m => m.Forbidden.Contains(hit.Payload))?.Allowed.ToList() ?? [];
            yield return instead.Count > 0
                ? new(UseInstead, TextScan.Quote(used), TextScan.Alternatives(instead.Select(t => t.Text)))
                : new(Used, TextScan.Quote(used));
        }
    }
}
