namespace Wgig.Translate.Domain.Checks;

/// <summary>
/// French typography: a (narrow) no-break space before « ; : ! ? » and after «, and before ». Swiss French
/// keeps only the spaces at the colon and inside guillemets. Times (10:30), URLs and "?!" are left alone.
/// </summary>
public sealed class FrenchSpacingCheck : ICheck
{
    public string Id => "french-spacing";

    public string Description => "French: a space (preferably no-break) before ; : ! ? and inside « ».";

    private const string Before = "french-spacing.before";
    private const string AfterGuillemet = "french-spacing.after-guillemet";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [Before, AfterGuillemet];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        if (input.TargetBase != "fr")
        {
            yield break;
        }
        var swiss = input.TargetLanguage.EndsWith("-CH", StringComparison.OrdinalIgnoreCase);
        var text = input.TargetPlain;
        var missing = new SortedSet<char>();
        var afterGuillemet = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var needsSpaceBefore = c switch
            {
                ':' => !(i > 0 && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1])) && !(i + 2 < text.Length && text[i + 1] == '/' && text[i + 2] == '/'),
                ';' or '!' or '?' => !swiss && !(i > 0 && text[i - 1] is '!' or '?'),
                '»' => true,
                _ => false,
            };
            if (needsSpaceBefore && i > 0 && !IsSpace(text[i - 1]))
            {
                missing.Add(c);
            }
            if (c == '«' && i + 1 < text.Length && !IsSpace(text[i + 1]))
            {
                afterGuillemet = true;
            }
        }
        if (missing.Count > 0)
        {
            yield return new(Before, string.Join(' ', missing));
        }
        if (afterGuillemet)
        {
            yield return new(AfterGuillemet);
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';
}
