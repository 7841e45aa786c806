using System.Globalization;

namespace Wgig.Translate.Domain.Checks;

/// <summary>Spanish opens a question with ¿ and an exclamation with ¡, and closes what it opens.</summary>
public sealed class SpanishMarksCheck : ICheck
{
    public string Id => "spanish-marks";

    public string Description => "Spanish: questions open with ¿ and exclamations with ¡.";

    private const string QuestionUnopened = "spanish-marks.question-unopened";
    private const string QuestionUnclosed = "spanish-marks.question-unclosed";
    private const string ExclamationUnopened = "spanish-marks.exclamation-unopened";
    private const string ExclamationUnclosed = "spanish-marks.exclamation-unclosed";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [QuestionUnopened, QuestionUnclosed, ExclamationUnopened, ExclamationUnclosed];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        if (input.TargetBase is not ("es" or "gl" or "ast"))
        {
            yield break;
        }
        var text = input.TargetPlain;
        foreach (var (open, close, unopened, unclosed) in new[] { ('¿', '?', QuestionUnopened, QuestionUnclosed), ('¡', '!', ExclamationUnopened, ExclamationUnclosed) })
        {
            int opens = text.Count(c => c == open), closes = text.Count(c => c == close);
            if (closes != opens)
            {
                yield return new(closes > opens ? unopened : unclosed, closes.ToString(CultureInfo.InvariantCulture), opens.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
