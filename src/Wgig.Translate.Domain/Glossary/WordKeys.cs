using Wgig.Translate.Domain.Languages;

namespace Wgig.Translate.Domain.Glossary;

/// <summary>
/// Tokenizes many texts of one language, remembering each distinct word's key (<see cref="WordForms.Tokenize"/>): a
/// document repeats its vocabulary, so checking its 28,400 segments folds and stems some thousands of distinct words,
/// not the 700,000 it has. One instance per run (a request, a document's check, an upload); not thread-safe. It stops
/// remembering at <see cref="Capacity"/> words, so a run over a huge and varied text holds a bounded amount of memory.
/// </summary>
public sealed class WordKeys
{
    public const int Capacity = 100_000;

    private readonly string _primary;
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byWord;

    public WordKeys(string language)
    {
        Language = language;
        _primary = LanguageTag.Primary(language);
        _byWord = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Language { get; }

    /// <summary>The words of <paramref name="text"/> with their keys, as <see cref="WordForms.Tokenize"/> gives them.</summary>
    public List<WordToken> Tokenize(string text) => WordForms.Tokenize(text, Language, this);

    internal string KeyOf(ReadOnlySpan<char> word)
    {
        if (_byWord.TryGetValue(word, out var key))
        {
            return key;
        }
        key = WordForms.Key(word, _primary);
        if (_keys.Count < Capacity)
        {
            _byWord[word] = key;
        }
        return key;
    }
}
