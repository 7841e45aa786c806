using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Wgig.Translate.Domain.Checks;

/// <summary>What several checks look for in text: numbers in any script, URLs and addresses, the final mark.</summary>
public static partial class TextScan
{
    [GeneratedRegex(@"\b(?:https?://|ftp://|www\.)[^\s<>""'«»“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();

    /// <summary>URLs and e-mail addresses, without the punctuation that ends the sentence after them.</summary>
    public static IEnumerable<string> Addresses(string text)
    {
        // Most sentences have none: what every address has is looked for first, without the regular expression.
        if (!text.Contains('@', StringComparison.Ordinal) && !text.Contains("://", StringComparison.Ordinal) && !text.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }
        foreach (Match match in AddressPattern().Matches(text))
        {
            yield return match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']');
        }
    }

    /// <summary>
    /// The numbers of a text by value, whatever the digits (Latin, Arabic-Indic, Persian, full-width, Devanagari…)
    /// and the separators (1,000 · 1 000 · 1.000 · ١٬٠٠٠ · 3.5 · 3,5): grouping and decimal marks are dropped
    /// and leading zeros too, so "06" is 6 and "1 000,5" is the "1,000.5" of another language. A space groups
    /// digits only as a thousands separator (one to three digits, then groups of three).
    /// </summary>
    public static List<string> Numbers(string text)
    {
        var numbers = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (Digit(text[i]) < 0)
            {
                i++;
                continue;
            }
            var value = new StringBuilder();
            var group = ReadGroup(text, ref i, value);
            var first = true;
            while (i + 1 < text.Length && IsSeparator(text[i]) && Digit(text[i + 1]) >= 0)
            {
                var spaced = char.IsWhiteSpace(text[i]); // the no-break, narrow and thin spaces too
                var save = i;
                var before = value.Length;
                i++;
                var next = ReadGroup(text, ref i, value);
                if (spaced && (next != 3 || (first && group > 3)))
                {
                    value.Length = before;
                    i = save;
                    break;
                }
                first = false;
            }
            var canonical = value.ToString().TrimStart('0');
            numbers.Add(canonical.Length == 0 ? "0" : canonical);
        }
        return numbers;
    }

    private static int ReadGroup(string text, ref int i, StringBuilder value)
    {
        var count = 0;
        while (i < text.Length && Digit(text[i]) is var d and >= 0)
        {
            value.Append((char)('0' + d));
            i++;
            count++;
        }
        return count;
    }

    private static bool IsSeparator(char c) => c is ',' or '.' or '\'' or ' ' or '\u00A0' or '\u202F' or '\u2009' or '\u066B' or '\u066C' or '，' or '．';

    public static int Digit(char c) => CharUnicodeInfo.GetDecimalDigitValue(c);

    /// <summary>
    /// The kind of mark a sentence ends with, in any script, looking past closing quotes and brackets, and the mark as
    /// written ("?", "。", "..."); an empty mark with <see cref="FinalMark.None"/>.
    /// </summary>
    public static (FinalMark Kind, string Mark) FinalMarkOf(string text)
    {
        var end = text.Length - 1;
        while (end >= 0 && (char.IsWhiteSpace(text[end]) || IsCloser(text[end])))
        {
            end--;
        }
        if (end < 0)
        {
            return (FinalMark.None, "");
        }
        var kind = KindOf(text, end);
        return (kind, kind switch
        {
            FinalMark.None => "",
            FinalMark.Ellipsis when text[end] == '.' => "...",
            _ => text[end].ToString(),
        });
    }

    private static FinalMark KindOf(string text, int end) =>
        text[end] switch
        {
            '.' when end >= 2 && text[end - 1] == '.' && text[end - 2] == '.' => FinalMark.Ellipsis,
            '…' => FinalMark.Ellipsis,
            '.' or '。' or '．' or '۔' or '।' or '｡' => FinalMark.FullStop,
            '?' or '？' or '؟' => FinalMark.Question,
            '!' or '！' => FinalMark.Exclamation,
            ':' or '：' => FinalMark.Colon,
            ';' or '；' or '؛' => FinalMark.Semicolon,
            _ => FinalMark.None,
        };

    public static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or '»' or '›' or ')' or ']' or '」' or '』' or '）' or '】' or '〉' or '》';

    public static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    public static bool IsArabicLetter(char c) => c is >= '\u0620' and <= '\u064A' or >= '\u066E' and <= '\u06D3' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFC';

    /// <summary>The nearest character before <paramref name="index"/> that is not white space, or '\0'.</summary>
    public static char PreviousVisible(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }
        return '\0';
    }

    public static string Quote(string text) => text.Length > 60 ? $"“{text[..57]}…”" : $"“{text}”";

    /// <summary>Terms any of which will do, quoted and set apart by slashes ("“partie prenante” / “acteur”"): no "or" to translate.</summary>
    public static string Alternatives(IEnumerable<string> texts) => string.Join(" / ", texts.Select(Quote));
}

public enum FinalMark
{
    None,
    FullStop,
    Question,
    Exclamation,
    Colon,
    Semicolon,
    Ellipsis,
}
