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
        var source = input.SourcePlain;
        // Addresses and terms kept as they are, blanked out longest first (a name may hold a shorter one); the blanks keep
        // every other character where it was.
        var kept = TextScan.Addresses(source)
            .Concat(input.Terms.Where(t => t.Entry.DoNotTranslate).Select(t => source.Substring(t.Start, t.Length)))
            .OrderByDescending(name => name.Length);
        var text = source;
        foreach (var name in kept)
        {
            text = text.Replace(name, new string(' ', name.Length), StringComparison.Ordinal);
        }
        // What is left: acronyms and numbers only (no word with a letter that is not a capital)?
        return WordForms.Tokenize(text, input.SourceLanguage).All(w => text.Substring(w.Start, w.Length).All(c => !char.IsLetter(c) || char.IsUpper(c)));
    }
}
