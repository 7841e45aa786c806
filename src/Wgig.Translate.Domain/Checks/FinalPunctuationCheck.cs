namespace Wgig.Translate.Domain.Checks;

/// <summary>
/// The translation ends with the same kind of mark as the source (full stop, question, exclamation, colon,
/// semicolon, ellipsis), in whatever script: "。" ends a Chinese sentence as "." an English one, "؟" asks in Arabic.
/// Which glyph a language uses is the per-language checks' business.
/// </summary>
public sealed class FinalPunctuationCheck : ICheck
{
    public string Id => "final-punctuation";

    public string Description => "The translation ends with the same kind of punctuation as the source (full stop, question mark, colon…).";

    private const string Added = "final-punctuation.added";
    private const string Missing = "final-punctuation.missing";
    private const string Different = "final-punctuation.different";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [Added, Missing, Different];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        var source = TextScan.FinalMarkOf(input.SourcePlain);
        var target = TextScan.FinalMarkOf(input.TargetPlain);
        if (source.Kind == target.Kind)
        {
            yield break;
        }
        // The marks as written, not their names: "“?”" reads the same in every interface language.
        yield return (source.Kind, target.Kind) switch
        {
            (FinalMark.None, _) => new(Added, TextScan.Quote(target.Mark)),
            (_, FinalMark.None) => new(Missing, TextScan.Quote(source.Mark)),
            _ => new(Different, TextScan.Quote(source.Mark), TextScan.Quote(target.Mark)),
        };
    }
}
