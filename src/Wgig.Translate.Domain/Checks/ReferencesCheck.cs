using System.Text.RegularExpressions;

namespace Wgig.Translate.Domain.Checks;

/// <summary>
/// Paragraph and article references keep their labels: "paragraph 17 (b)", "(iv)", "Annex II", "chapter IV".
/// Sub-paragraph letters may take the target language's own letters, as UN translations do (Russian а) б) в),
/// Arabic (أ) (ب) (ج) in abjad order); Roman numerals stay as they are. The numbers themselves are the
/// numbers check's.
/// </summary>
public sealed partial class ReferencesCheck : ICheck
{
    private const string Latin = "abcdefghijklmnopqrstuvwxyz";

    // The letters UN translations use for (a), (b), (c)… in each language.
    private static readonly Dictionary<string, string[]> Letters = new(StringComparer.Ordinal)
    {
        ["ru"] = ["а", "б", "в", "г", "д", "е", "ж", "з", "и", "к", "л", "м", "н", "о", "п", "р", "с", "т", "у", "ф", "х", "ц", "ч", "ш", "щ", "э"],
        ["ar"] = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض"],
    };

    [GeneratedRegex(@"\((?<label>[a-z]{1,2}|[ivxlc]{1,6})\)", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"\b(?:chapters?|annex(?:es)?|parts?|sections?|articles?|paragraphs?|titles?|volumes?|appendi(?:x|ces)|resolutions?|rules?)\s+(?<roman>[IVXLCDM]{1,7})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RomanPattern();

    public string Id => "references";

    public string Description => "References to paragraphs, sub-paragraphs, articles, chapters and annexes keep their labels, (a) to (z) and Roman numerals.";

    private const string MissingOne = "references.missing-one";
    private const string MissingMany = "references.missing-many";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [MissingOne, MissingMany];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        var missing = new List<string>();
        foreach (Match match in LabelPattern().Matches(input.SourcePlain))
        {
            var label = match.Groups["label"].Value;
            if (!Variants(label, input.TargetBase).Any(v => input.TargetPlain.Contains(v, StringComparison.Ordinal)))
            {
                missing.Add(match.Value);
            }
        }
        foreach (Match match in RomanPattern().Matches(input.SourcePlain))
        {
            var roman = match.Groups["roman"].Value;
            if (roman.All(char.IsUpper) && !Regex.IsMatch(input.TargetPlain, $@"(?<![\p{{L}}]){roman}(?![\p{{L}}])"))
            {
                missing.Add(match.Value);
            }
        }
        if (missing.Count > 0)
        {
            var distinct = missing.Distinct().ToList();
            yield return new(distinct.Count == 1 ? MissingOne : MissingMany, string.Join(", ", distinct.Select(TextScan.Quote)));
        }
    }

    // (b) may stay (b), or be b), or the language's own letter: (б), б), (ب).
    private static IEnumerable<string> Variants(string label, string language)
    {
        yield return $"({label})";
        yield return $"{label})";
        yield return $"（{label}）";
        if (label.Length == 1 && Letters.TryGetValue(language, out var letters) && Latin.IndexOf(label[0], StringComparison.Ordinal) is var i and >= 0 && i < letters.Length)
        {
            yield return $"({letters[i]})";
            yield return $"{letters[i]})";
        }
    }
}
