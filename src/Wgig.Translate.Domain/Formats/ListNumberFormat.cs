using System.Globalization;
using System.Text;
using Wgig.Translate.Domain.Formats;

namespace Wgig.Translate.Domain.Formats;

/// <summary>How list numbers print: 3, c, C, iii, III.</summary>
public static class ListNumberFormat
{
    public static string Format(int number, char style) => style switch
    {
        'a' => Letters(number).ToLowerInvariant(),
        'A' => Letters(number),
        'i' => Roman(number).ToLowerInvariant(),
        'I' => Roman(number),
        _ => number.ToString(CultureInfo.InvariantCulture),
    };

    private static string Letters(int number)
    {
        var letters = new StringBuilder();
        for (; number > 0; number = (number - 1) / 26)
        {
            letters.Insert(0, (char)('A' + (number - 1) % 26));
        }
        return letters.ToString();
    }

    private static string Roman(int number)
    {
        ReadOnlySpan<(int Value, string Numeral)> numerals =
            [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var roman = new StringBuilder();
        foreach (var (value, numeral) in numerals)
        {
            for (; number >= value; number -= value)
            {
                roman.Append(numeral);
            }
        }
        return roman.ToString();
    }
}
