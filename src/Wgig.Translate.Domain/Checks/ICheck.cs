using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Checks;

/// <summary>How a check's findings count: not at all, a warning to acknowledge, or an error that blocks submission.</summary>
public enum CheckLevel
{
    Off,
    Warning,
    Error,
}

/// <summary>
/// One automatic test of a translation against its source. Each check is a small class found by scanning
/// (every <see cref="ICheck"/> of this assembly), so adding one is adding a class. A check is a pure function
/// of its input: it never reads the database, which <see cref="CheckInput"/> has done for it.
/// </summary>
public interface ICheck
{
    /// <summary>Stable id, used in settings, mutes and acknowledgements: "inline-codes", "numbers"….</summary>
    string Id { get; }

    string Description { get; }

    CheckLevel DefaultLevel { get; }

    /// <summary>
    /// The codes of every message the check can give ("numbers.missing-one"…), each with its sentence in
    /// CheckText.{culture}.resx for every interface language.
    /// </summary>
    IReadOnlyList<string> Codes { get; }

    /// <summary>What is wrong, one message per problem; nothing when the translation passes.</summary>
    IEnumerable<CheckMessage> Run(CheckInput input);
}

/// <summary>
/// A translation and what its checks need to judge it: the source and target with their codes, the
/// languages, the glossary entries found in the source, and how the same source was translated elsewhere
/// in the project. The plain texts and their words are computed once, when a check first asks, and shared by every
/// check: a whole document is tokenized once per text, not once per check.
/// </summary>
public sealed class CheckInput(SegmentContent source, SegmentContent target, string sourceLanguage, string targetLanguage,
    TermIndex? glossary = null, IReadOnlyCollection<string>? otherTranslations = null)
{
    private string? _sourcePlain;
    private string? _targetPlain;
    private List<WordToken>? _sourceWords;
    private List<WordToken>? _targetWords;
    private string? _sourceFolded;
    private string? _targetFolded;
    private List<TermMatch>? _terms;
    private List<PhraseHit<GlossaryTerm>>? _targetTerms;

    public SegmentContent Source { get; } = source;

    public SegmentContent Target { get; } = target;

    public string SourceLanguage { get; } = sourceLanguage;

    public string TargetLanguage { get; } = targetLanguage;

    /// <summary>The primary subtag of the target language: per-language rules are keyed by it ("fr" for "fr-CA").</summary>
    public string TargetBase { get; } = LanguageTag.Primary(targetLanguage);

    public string SourceBase { get; } = LanguageTag.Primary(sourceLanguage);

    public string SourcePlain => _sourcePlain ??= Source.PlainText;

    public string TargetPlain => _targetPlain ??= Target.PlainText;

    /// <summary>The words of the source with their keys in the source language (<see cref="WordForms.Tokenize"/>).</summary>
    public IReadOnlyList<WordToken> SourceWords => _sourceWords ??= WordForms.Tokenize(SourcePlain, SourceLanguage);

    /// <summary>The words of the translation with their keys in the target language.</summary>
    public IReadOnlyList<WordToken> TargetWords => _targetWords ??= WordForms.Tokenize(TargetPlain, TargetLanguage);

    /// <summary>The source folded (<see cref="WordForms.Fold"/>) with its white space collapsed: how texts are compared as "the same".</summary>
    public string SourceFolded => _sourceFolded ??= Folded(SourcePlain);

    /// <summary>The translation folded with its white space collapsed.</summary>
    public string TargetFolded => _targetFolded ??= Folded(TargetPlain);

    /// <summary>Glossary entries whose source terms occur in the source.</summary>
    public IReadOnlyList<TermMatch> Terms => _terms ??= glossary?.Find(SourcePlain, SourceWords) ?? [];

    /// <summary>Glossary terms of the target language that occur in the translation.</summary>
    public IReadOnlyList<PhraseHit<GlossaryTerm>> TargetTerms => _targetTerms ??= glossary?.FindInTranslation(TargetPlain, TargetWords) ?? [];

    /// <summary>Current translations (plain text) of the same source in other segments of the project.</summary>
    public IReadOnlyCollection<string> OtherTranslations { get; } = otherTranslations ?? [];

    /// <summary>A text folded with its white space collapsed, as <see cref="SourceFolded"/>.</summary>
    public static string Folded(string text) => string.Join(' ', WordForms.Fold(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
