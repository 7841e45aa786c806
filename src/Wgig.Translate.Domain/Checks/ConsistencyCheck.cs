using Wgig.Translate.Domain.Glossary;

namespace Wgig.Translate.Domain.Checks;

/// <summary>The same source sentence is translated the same way across the project (other current translations of it differ).</summary>
public sealed class ConsistencyCheck : ICheck
{
    public string Id => "consistency";

    public string Description => "The same source is translated the same way everywhere in the project.";

    private const string DiffersOnce = "consistency.differs-one";
    private const string DiffersMany = "consistency.differs-many";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [DiffersOnce, DiffersMany];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        if (input.OtherTranslations.Count == 0)
        {
            yield break;
        }
        var mine = input.TargetFolded;
        var others = input.OtherTranslations.Where(o => CheckInput.Folded(o) != mine).Distinct(StringComparer.Ordinal).ToList();
        if (others.Count > 0)
        {
            yield return others.Count == 1
                ? new(DiffersOnce, TextScan.Quote(others[0]))
                : new(DiffersMany, TextScan.Quote(others[0]), (others.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
