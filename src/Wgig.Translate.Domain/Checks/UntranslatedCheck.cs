using Wgig.Translate.Domain.Glossary;

namespace Wgig.Translate.Domain.Checks;

/// <summary>
/// The translation is the source again (ignoring codes, case and spacing). A source made only of names kept in
/// every language (acronyms such as WSIS, terms marked "do not translate", numbers, addresses) may stay as it is.
/// </summary>
public sealed class UntranslatedCheck : ICheck
{
    public string Id => "untranslated";

    public string Description => "The translation is not a copy of the source.";

    private const string Same = "untranslated.same";

    public CheckLevel DefaultLevel => CheckLevel.Warning;

    public IReadOnlyList<string> Codes { get; } = [Same];

    public IEnumerable<CheckMessage> Run(CheckInput input)
    {
        if (!input.TargetIsSource || KeptAsIs(input))
        {
            yield break;
        }
        yield return new(Same);
    }

    private static bool KeptAsIs(CheckInput input)
    {
        var text = input.SourcePlain;
        foreach (var address in TextScan.Addresses(text))
        {
            text = text.Replace(address, " ", StringComparison.Ordinal);
        }
        foreach (var term in input.Terms.Where(t => t.Entry.DoNotTranslate).OrderByDescending(t => t.Length))
        {
            text = text.Replace(input.SourcePlain.Substring(term.Start, term.Length), " ", StringComparison.Ordinal);
        }
        // What is left: acronyms and numbers only (no word with a letter that is not a capital)?
        return WordForms.Tokenize(text, "und").All(w => text.Substring(w.Start, w.Length).All(c => !char.IsLetter(c) || char.IsUpper(c)));
    }
}
