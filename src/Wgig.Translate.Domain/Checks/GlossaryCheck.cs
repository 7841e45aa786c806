namespace Wgig.Translate.Domain.Checks;

/// <summary>Each glossary term found in the source is rendered as the glossary says (any form of a preferred or admitted term), or kept if it is not to be translated.</summary>
public sealed class GlossaryCheck : ICheck
{
    public string Id => "glossary";

    public string Description => "Terms of the glossary found in the source are translated with the glossary's terms.";

    private const string Keep = "glossary.keep";
    private const string Use = "glossary.use";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [Keep, Use];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        if (input.Terms.Count == 0)
        {
            yield break;
        }
        var used = input.TargetTerms.Select(h => h.Payload).ToHashSet();
        foreach (var match in input.Terms.DistinctBy(m => m.Entry.Id))
        {
            var allowed = match.Allowed.ToList();
            if (allowed.Count == 0 || allowed.Any(used.Contains))
            {
                continue;
            }
            yield return match.Entry.DoNotTranslate
                ? new(Keep, TextScan.Quote(match.SourceTerm.Text))
                : new(Use, TextScan.Quote(match.SourceTerm.Text), TextScan.Alternatives(allowed.Select(t => t.Text)));
        }
    }
}
