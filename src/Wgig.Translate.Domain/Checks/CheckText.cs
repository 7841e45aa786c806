using System.Globalization;
using System.Resources;

namespace Wgig.Translate.Domain.Checks;

/// <summary>
/// The sentences of the checks' findings in the six interface languages, one per <see cref="ICheck.Codes"/> code with
/// {0}, {1}… for its arguments. The JSON API and the history speak English (the invariant strings); the editor renders
/// the same finding in the volunteer's interface language.
/// </summary>
public static class CheckText
{
    private static readonly ResourceManager Strings = new(typeof(CheckText).FullName!, typeof(CheckText).Assembly);

    /// <summary>A piece of a rendered finding: the sentence's own words, or one of the finding's arguments (quoted text, a number).</summary>
    public readonly record struct Part(string Text, bool IsArgument);

    /// <summary>The sentence of a code in a language (English for the invariant culture); null for an unknown code.</summary>
    public static string? Template(string code, CultureInfo culture) => Strings.GetString(code, culture);

    public static string English(string code, IReadOnlyList<string> arguments) => Format(code, arguments, CultureInfo.InvariantCulture);

    public static string Format(string code, IReadOnlyList<string> arguments, CultureInfo culture) =>
        string.Concat(Parts(code, arguments, culture).Select(p => p.Text));

    /// <summary>
    /// The sentence of a code in a language cut into its words and its arguments, so a page can isolate each argument's
    /// direction (a Latin address inside an Arabic sentence). An unknown code is shown as itself with its arguments.
    /// </summary>
    public static List<Part> Parts(string code, IReadOnlyList<string> arguments, CultureInfo culture)
    {
        var template = Template(code, culture);
        if (template is null)
        {
            return [new(code, false), .. arguments.SelectMany(a => new[] { new Part(" ", false), new Part(a, true) })];
        }
        var parts = new List<Part>();
        var start = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }
            var end = template.IndexOf('}', i + 1);
            if (end < 0 || !int.TryParse(template.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= arguments.Count)
            {
                continue;
            }
            if (i > start)
            {
                parts.Add(new(template[start..i], false));
            }
            parts.Add(new(arguments[index], true));
            start = end + 1;
            i = end;
        }
        if (start < template.Length)
        {
            parts.Add(new(template[start..], false));
        }
        return parts;
    }
}
