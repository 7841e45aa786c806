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
/// check: a whole document is tokenized once per text, not once per check, and with <paramref name="sourceKeys"/> and
/// <paramref name="targetKeys"/> each distinct word is stemmed once per run.
/// </summary>
public sealed class CheckInput(SegmentContent source, SegmentContent target, string sourceLanguage, string targetLanguage,
    TermIndex? glossary = null, IReadOnlyCollection<string>? otherTranslations = null, WordKeys? sourceKeys = null, WordKeys? targetKeys = null)
{
    private string? _sourcePlain;
    private string? _targetPlain;
    private List<WordToken>? _sourceWords;
    private List<WordToken>? _targetWords;
    private string? _targetFolded;
    private bool? _targetIsSource;
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
    public IReadOnlyList<WordToken> SourceWords => _sourceWords ??= WordForms.Tokenize(SourcePlain, SourceLanguage, sourceKeys);

    /// <summary>The words of the translation with their keys in the target language.</summary>
    public IReadOnlyList<WordToken> TargetWords => _targetWords ??= WordForms.Tokenize(TargetPlain, TargetLanguage, targetKeys);

    /// <summary>The translation folded (<see cref="WordForms.Fold"/>) with its white space collapsed: how texts are compared as "the same".</summary>
    public string TargetFolded => _targetFolded ??= Folded(TargetPlain);

    /// <summary>Whether the translation is the source again, folded and with white space collapsed (as <see cref="Folded"/> compares).</summary>
    public bool TargetIsSource => _targetIsSource ??= FoldedEquals(SourcePlain, TargetPlain);

    /// <summary>Glossary entries whose source terms occur in the source.</summary>
    public IReadOnlyList<TermMatch> Terms => _terms ??= glossary?.Find(SourcePlain, SourceWords) ?? [];

    /// <summary>Glossary terms of the target language that occur in the translation.</summary>
    public IReadOnlyList<PhraseHit<GlossaryTerm>> TargetTerms => _targetTerms ??= glossary?.FindInTranslation(TargetPlain, TargetWords) ?? [];

    /// <summary>Current translations (plain text) of the same source in other segments of the project.</summary>
    public IReadOnlyCollection<string> OtherTranslations { get; } = otherTranslations ?? [];

    /// <summary>A text folded with its white space collapsed, as <see cref="TargetFolded"/>.</summary>
    public static string Folded(string text)
    {
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var folded = buffer[..WordForms.FoldInto(text, buffer)];
        var n = 0;
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = n > 0;
                continue;
            }
            if (space)
            {
                buffer[n++] = ' ';
                space = false;
            }
            buffer[n++] = c;
        }
        return new string(buffer[..n]);
    }

    /// <summary>
    /// Whether two texts are the same once <see cref="Folded"/>, read side by side without building either: a translation
    /// mostly differs from its source at the first letter.
    /// </summary>
    public static bool FoldedEquals(string a, string b)
    {
        int i = 0, j = 0;
        var first = true;
        while (true)
        {
            var moreA = NextFolded(a, ref i, out var ca, out var spacedA);
            var moreB = NextFolded(b, ref j, out var cb, out var spacedB);
            if (moreA != moreB)
            {
                return false;
            }
            if (!moreA)
            {
                return true;
            }
            // White space before the first character is left out, as Folded trims it.
            if (ca != cb || (!first && spacedA != spacedB))
            {
                return false;
            }
            first = false;
        }
    }

    // The next folded character at or after i, and whether white space comes before it.
    private static bool NextFolded(string text, ref int i, out char c, out bool spaced)
    {
        spaced = false;
        while (i < text.Length)
        {
            var x = text[i++];
            if (WordForms.IsSilent(x))
            {
                continue;
            }
            if (char.IsWhiteSpace(x))
            {
                spaced = true;
                continue;
            }
            c = WordForms.FoldChar(x);
            return true;
        }
        c = '\0';
        return false;
    }
}
