using Wgig.Translate.Domain.Glossary;

namespace Wgig.Translate.Domain.Checks;

/// <summary>The same word twice in a row ("the the"), except where the language doubles it on purpose ("nous nous").</summary>
public sealed class DoubledWordsCheck : ICheck
{
    private static readonly Dictionary<string, HashSet<string>> Allowed = new(StringComparer.Ordinal)
    {
        ["en"] = ["had", "that"],
        ["fr"] = ["nous", "vous"],
        ["de"] = ["die", "der", "das"],
    };

    public string Id => "doubled-words";

    public string Description => "No word is written twice in a row by mistake.";

    private const string Doubled = "doubled-words.found";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [Doubled];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        if (WordForms.IsUnspaced(input.TargetLanguage))
        {
            yield break;
        }
        var text = input.TargetPlain;
        var words = input.TargetWords;
        var allowed = Allowed.GetValueOrDefault(input.TargetBase);
        var doubled = new List<string>();
        for (var i = 1; i < words.Count; i++)
        {
            WordToken previous = words[i - 1], current = words[i];
            // The keys are stems ("nation nations" share one): the same word twice is the same folded form, and has the same key.
            if (current.Key == previous.Key && !char.IsDigit(text[current.Start]) && text.AsSpan(previous.Start + previous.Length, current.Start - previous.Start - previous.Length).IsWhiteSpace()
                && WordForms.Fold(text.Substring(current.Start, current.Length)) is var word && word == WordForms.Fold(text.Substring(previous.Start, previous.Length))
                && allowed?.Contains(word) != true)
            {
                doubled.Add(text.Substring(previous.Start, current.Start + current.Length - previous.Start));
            }
        }
        if (doubled.Count > 0)
        {
            yield return new(Doubled, string.Join(", ", doubled.Select(TextScan.Quote)));
        }
    }
}
