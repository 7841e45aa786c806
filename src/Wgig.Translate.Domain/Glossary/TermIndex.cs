namespace Wgig.Translate.Domain.Glossary;

/// <summary>A glossary entry whose source term occurs in a segment, with where, and its terms in the target language.</summary>
public sealed record TermMatch(GlossaryEntry Entry, GlossaryTerm SourceTerm, int Start, int Length, string TargetLanguage, IReadOnlyList<GlossaryTerm> Translations)
{
    /// <summary>Renderings a translation may use: preferred and admitted terms, or the source term itself when it is not to be translated.</summary>
    public IEnumerable<GlossaryTerm> Allowed => Entry.DoNotTranslate
        ? [SourceTerm with { Language = TargetLanguage }]
        : Translations.Where(t => t.Status != TermStatus.Forbidden);

    public IEnumerable<GlossaryTerm> Forbidden => Translations.Where(t => t.Status == TermStatus.Forbidden);
}

/// <summary>
/// A glossary compiled for one language pair: finds the entries whose source terms occur in a segment and
/// the target terms that occur in a translation, by word forms. Built once per request or per document check.
/// </summary>
public sealed class TermIndex
{
    private readonly string _targetLanguage;
    private readonly PhraseMatcher<(GlossaryEntry Entry, GlossaryTerm Term, GlossaryTerm[] Translations)> _source;
    private readonly PhraseMatcher<GlossaryTerm> _target;

    public TermIndex(IEnumerable<GlossaryEntry> entries, string sourceLanguage, string targetLanguage)
    {
        var list = entries.ToList();
        _targetLanguage = targetLanguage;
        // Each entry's terms in the target language are picked out once here, not for every segment its term is found in.
        _source = new(sourceLanguage, list.SelectMany(e =>
        {
            var translations = e.TermsIn(targetLanguage).ToArray();
            return e.TermsIn(sourceLanguage).Where(t => t.Status != TermStatus.Forbidden).Select(t => (t.Text, (e, t, translations)));
        }));
        // Terms kept as they are ("do not translate") are searched for in the translation too, in the target language's forms.
        _target = new(targetLanguage, list.SelectMany(e => e.TermsIn(targetLanguage)
            .Concat(e.DoNotTranslate ? e.TermsIn(sourceLanguage).Select(t => t with { Language = targetLanguage }) : []))
            .Select(t => (t.Text, t)));
    }

    public static TermIndex Empty(string sourceLanguage, string targetLanguage) => new([], sourceLanguage, targetLanguage);

    public bool IsEmpty => _source.IsEmpty;

    /// <summary>
    /// The glossary entries whose source terms occur in <paramref name="sourceText"/>, in text order; <paramref name="words"/>
    /// are its words in the source language when the caller has them already (<see cref="WordForms.Tokenize"/>).
    /// </summary>
    public List<TermMatch> Find(string sourceText, IReadOnlyList<WordToken>? words = null) =>
        [.. _source.Find(sourceText, words).Select(hit => new TermMatch(hit.Payload.Entry, hit.Payload.Term, hit.Start, hit.Length, _targetLanguage,
            hit.Payload.Translations))];

    /// <summary>The target-language terms (of any status) that occur in <paramref name="translation"/> (words: its words in the target language).</summary>
    public List<PhraseHit<GlossaryTerm>> FindInTranslation(string translation, IReadOnlyList<WordToken>? words = null) =>
        _target.Find(translation, words, outermostOnly: false);
}
