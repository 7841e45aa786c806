using System.Globalization;

namespace Wgig.Translate.Domain.Checks;

/// <summary>
/// The translation's length is within the usual range for the language pair. Languages differ in how many
/// characters they need for the same text (French about 1.2 times English, Chinese about a third), so the
/// expected ratio comes from per-language factors, with a wide tolerance; short sentences are not judged.
/// </summary>
public sealed class LengthCheck : ICheck
{
    public const int MinimumSourceLength = 20;

    // Characters needed relative to English for the same text (typical expansion factors of translation vendors).
    private static readonly Dictionary<string, double> Factors = new(StringComparer.Ordinal)
    {
        ["en"] = 1.0, ["fr"] = 1.2, ["es"] = 1.2, ["pt"] = 1.2, ["it"] = 1.15, ["de"] = 1.25, ["nl"] = 1.2, ["ru"] = 1.1, ["uk"] = 1.1,
        ["ar"] = 0.95, ["fa"] = 1.0, ["he"] = 0.9, ["zh"] = 0.35, ["ja"] = 0.45, ["ko"] = 0.55, ["tr"] = 1.05, ["sw"] = 1.1,
    };

    public string Id => "length";

    public string Description => "The translation's length is within the usual range for the language pair.";

    private const string Ratio = "length.ratio";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [Ratio];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        var sourceLength = input.SourcePlain.Trim().Length;
        if (sourceLength < MinimumSourceLength)
        {
            yield break;
        }
        var expected = Factors.GetValueOrDefault(input.TargetBase, 1.0) / Factors.GetValueOrDefault(input.SourceBase, 1.0);
        // Shorter sentences vary more.
        var tolerance = sourceLength >= 60 ? 2.0 : 2.5;
        double low = expected / tolerance, high = expected * tolerance;
        var ratio = (double)input.TargetPlain.Trim().Length / sourceLength;
        if (ratio < low || ratio > high)
        {
            yield return new(Ratio, Number(ratio), input.SourceBase, input.TargetBase, Number(low), Number(high));
        }
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
