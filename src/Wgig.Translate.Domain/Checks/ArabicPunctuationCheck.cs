namespace Wgig.Translate.Domain.Checks;

/// <summary>Arabic script takes its own comma, semicolon and question mark (، ؛ ؟), not the Latin ones.</summary>
public sealed class ArabicPunctuationCheck : ICheck
{
    public string Id => "arabic-punctuation";

    public string Description => "Arabic, Persian, Urdu: the Arabic comma ، semicolon ؛ and question mark ؟.";

    private const string Latin = "arabic-punctuation.latin";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [Latin];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        if (input.TargetBase is not ("ar" or "fa" or "ur"))
        {
            yield break;
        }
        var text = input.TargetPlain;
        var wrong = new SortedSet<char>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is ',' or ';' or '?' && TextScan.IsArabicLetter(TextScan.PreviousVisible(text, i)))
            {
                wrong.Add(text[i]);
            }
        }
        if (wrong.Count > 0)
        {
            yield return new(Latin, string.Join(' ', wrong.Select(c => c switch { ',' => '،', ';' => '؛', _ => '؟' })), string.Join(' ', wrong));
        }
    }
}
