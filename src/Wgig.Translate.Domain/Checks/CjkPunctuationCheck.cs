namespace Wgig.Translate.Domain.Checks;

/// <summary>
/// Chinese and Japanese text takes full-width punctuation (，。？！：；（）), not the half-width Latin marks,
/// after Han or kana; decimals, URLs and Latin words inside the text keep theirs.
/// </summary>
public sealed class CjkPunctuationCheck : ICheck
{
    public string Id => "cjk-punctuation";

    public string Description => "Chinese and Japanese: full-width punctuation ，。？！：；（） after Han or kana.";

    private const string HalfWidth = "cjk-punctuation.half-width";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [HalfWidth];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        if (input.TargetBase is not ("zh" or "ja"))
        {
            yield break;
        }
        var text = input.TargetPlain;
        var wrong = new SortedSet<char>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var after = i > 0 && TextScan.IsCjk(text[i - 1]);
            var before = i + 1 < text.Length && TextScan.IsCjk(text[i + 1]);
            if (c is ',' or '.' or '?' or '!' or ':' or ';' or ')' && after || c == '(' && before)
            {
                wrong.Add(c);
            }
        }
        if (wrong.Count > 0)
        {
            yield return new(HalfWidth, string.Join(' ', wrong.Select(c => FullWidth(c, input.TargetBase))), string.Join(' ', wrong));
        }
    }

    private static char FullWidth(char c, string language) => c switch
    {
        ',' => language == "ja" ? '、' : '，',
        '.' => '。',
        '?' => '？',
        '!' => '！',
        ':' => '：',
        ';' => '；',
        '(' => '（',
        _ => '）',
    };
}
