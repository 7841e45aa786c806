using Wgig.Translate.Domain.Glossary;

namespace Wgig.Translate.Domain.Checks;

/// <summary>The translation starts and ends with the same white space as the source, and has no doubled spaces the source lacks.</summary>
public sealed class WhitespaceCheck : ICheck
{
    public string Id => "whitespace";

    public string Description => "Leading and trailing white space as in the source; no doubled spaces.";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IEnumerable<string> Run(CheckInput input)
    {
        string source = input.SourcePlain, target = input.TargetPlain;
        if (Leading(source) != Leading(target))
        {
            yield return Leading(source).Length == 0 ? "The translation starts with white space; the source does not." : "The source starts with white space; the translation does not.";
        }
        if (Trailing(source) != Trailing(target))
        {
            yield return Trailing(source).Length == 0 ? "The translation ends with white space; the source does not." : "The source ends with white space; the translation does not.";
        }
        if (!WordForms.IsUnspaced(input.TargetLanguage) && target.Trim().Contains("  ", StringComparison.Ordinal) && !source.Contains("  ", StringComparison.Ordinal))
        {
            yield return "The translation has two spaces in a row.";
        }
    }

    private static string Leading(string text) => text[..(text.Length - text.TrimStart().Length)];

    private static string Trailing(string text) => text[text.TrimEnd().Length..];
}
