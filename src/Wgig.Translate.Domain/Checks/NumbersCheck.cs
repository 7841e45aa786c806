using Wgig.Translate.Domain.Glossary;

namespace Wgig.Translate.Domain.Checks;

/// <summary>
/// The numbers and dates of the source are in the translation, by value: the target language's digits and
/// separators are fine ("1,000.5" → "1 000,5" → "١٬٠٠٠٫٥"), and so is a month written as a number where the
/// source names it, or the other way round ("24 – 26 June 2004" → "du 24 au 26 juin 2004" → "2004年6月24日至26日").
/// </summary>
public sealed class NumbersCheck : ICheck
{
    // Month names (and their case forms) of the languages the teams work in, to their month numbers.
    private static readonly Dictionary<string, int> Months = BuildMonths();

    public string Id => "numbers";

    public string Description => "The numbers and dates of the source are in the translation, in any digits and separators of the target language.";

    private const string MissingOne = "numbers.missing-one";
    private const string MissingMany = "numbers.missing-many";
    private const string ExtraOne = "numbers.extra-one";
    private const string ExtraMany = "numbers.extra-many";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [MissingOne, MissingMany, ExtraOne, ExtraMany];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        var source = TextScan.Numbers(input.SourcePlain);
        var target = TextScan.Numbers(input.TargetPlain);
        if (source.Count == 0 && target.Count == 0)
        {
            yield break;
        }
        var missing = Subtract(source, target);
        var extra = Subtract(target, source);
        // A month the source names may be a number in the translation, and the other way round (looked for only then).
        if (extra.Count > 0)
        {
            extra = Subtract(extra, MonthsIn(input.SourcePlain, input.SourceWords));
        }
        if (missing.Count > 0)
        {
            missing = Subtract(missing, MonthsIn(input.TargetPlain, input.TargetWords));
        }
        if (missing.Count > 0)
        {
            yield return new(missing.Count == 1 ? MissingOne : MissingMany, string.Join(", ", missing));
        }
        if (extra.Count > 0)
        {
            yield return new(extra.Count == 1 ? ExtraOne : ExtraMany, string.Join(", ", extra));
        }
    }

    private static List<string> Subtract(List<string> from, List<string> remove)
    {
        if (from.Count == 0 || remove.Count == 0)
        {
            return from;
        }
        var left = new List<string>(from);
        foreach (var number in remove)
        {
            left.Remove(number);
        }
        return left;
    }

    private static List<string> MonthsIn(string text, IReadOnlyList<WordToken> words)
    {
        var months = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = WordForms.Fold(text.Substring(words[i].Start, words[i].Length));
            // "may" is a month only next to a number ("1 May 2005"), not in "States may decide".
            if (Months.TryGetValue(word, out var month) && (word != "may" || NextToNumber(text, words, i)))
            {
                months.Add(month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return months;
    }

    private static bool NextToNumber(string text, IReadOnlyList<WordToken> words, int i) =>
        (i > 0 && TextScan.Digit(text[words[i - 1].Start]) >= 0) || (i + 1 < words.Count && TextScan.Digit(text[words[i + 1].Start]) >= 0);

    private static Dictionary<string, int> BuildMonths()
    {
        var names = new[]
        {
            "january february march april may june july august september october november december",
            "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
            "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
            "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
            "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
            "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
            "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
            "januar februar märz april mai juni juli august september oktober november dezember",
            "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        };
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in names)
        {
            var words = line.Split(' ');
            for (var m = 0; m < words.Length; m++)
            {
                months[WordForms.Fold(words[m])] = m + 1;
            }
        }
        // English abbreviations as UN papers use them.
        foreach (var (abbreviation, month) in new[] { ("jan", 1), ("feb", 2), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12) })
        {
            months[abbreviation] = month;
        }
        return months;
    }
}
