using Wgig.Translate.Domain.Glossary;

namespace Wgig.Translate.Domain.Checks;

/// <summary>The translation starts and ends with the same white space as the source, and has no doubled spaces the source lacks.</summary>
public sealed class WhitespaceCheck : ICheck
{
    public string Id => "whitespace";

    public string Description => "Leading and trailing white space as in the source; no doubled spaces.";

    private const string LeadingAdded = "whitespace.leading-added";
    private const string LeadingMissing = "whitespace.leading-missing";
    private const string TrailingAdded = "whitespace.trailing-added";
    private const string TrailingMissing = "whitespace.trailing-missing";
    private const string Doubled = "whitespace.doubled";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [LeadingAdded, LeadingMissing, TrailingAdded, TrailingMissing, Doubled];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        string source = input.SourcePlain, target = input.TargetPlain;
        if (Leading(source) != Leading(target))
        {
            yield return new(Leading(source).Length == 0 ? LeadingAdded : LeadingMissing);
        }
        if (Trailing(source) != Trailing(target))
        {
            yield return new(Trailing(source).Length == 0 ? TrailingAdded : TrailingMissing);
        }
        if (!WordForms.IsUnspaced(input.TargetLanguage) && target.Trim().Contains("  ", StringComparison.Ordinal) && !source.Contains("  ", StringComparison.Ordinal))
        {
            yield return new(Doubled);
        }
    }

    private static string Leading(string text) => text[..(text.Length - text.TrimStart().Length)];

    private static string Trailing(string text) => text[text.TrimEnd().Length..];
}
