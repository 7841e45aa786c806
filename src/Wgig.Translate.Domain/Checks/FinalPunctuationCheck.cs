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

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IEnumerable<string> Run(CheckInput input)
    {
        var source = TextScan.FinalMarkOf(input.SourcePlain);
        var target = TextScan.FinalMarkOf(input.TargetPlain);
        if (source == target)
        {
            yield break;
        }
        yield return (source, target) switch
        {
            (FinalMark.None, _) => $"The translation ends with {Describe(target)}; the source has no final punctuation.",
            (_, FinalMark.None) => $"The source ends with {Describe(source)}; the translation has no final punctuation.",
            _ => $"The source ends with {Describe(source)}, the translation with {Describe(target)}.",
        };
    }

    private static string Describe(FinalMark mark) => mark switch
    {
        FinalMark.FullStop => "a full stop",
        FinalMark.Question => "a question mark",
        FinalMark.Exclamation => "an exclamation mark",
        FinalMark.Colon => "a colon",
        FinalMark.Semicolon => "a semicolon",
        FinalMark.Ellipsis => "an ellipsis",
        _ => "nothing",
    };
}
