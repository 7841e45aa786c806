namespace Wgig.Translate.Domain.Checks;

/// <summary>Spanish opens a question with ¿ and an exclamation with ¡, and closes what it opens.</summary>
public sealed class SpanishMarksCheck : ICheck
{
    public string Id => "spanish-marks";

    public string Description => "Spanish: questions open with ¿ and exclamations with ¡.";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IEnumerable<string> Run(CheckInput input)
    {
        if (input.TargetBase is not ("es" or "gl" or "ast"))
        {
            yield break;
        }
        var text = input.TargetPlain;
        foreach (var (open, close, what) in new[] { ('¿', '?', "question"), ('¡', '!', "exclamation") })
        {
            int opens = text.Count(c => c == open), closes = text.Count(c => c == close);
            if (closes > opens)
            {
                yield return $"A Spanish {what} opens with {open}; the translation has {closes} {close} and {opens} {open}.";
            }
            else if (opens > closes)
            {
                yield return $"The translation opens {opens} {what}{(opens > 1 ? "s" : "")} with {open} but closes {closes} with {close}.";
            }
        }
    }
}
