namespace Wgig.Translate.Domain.Glossary;

/// <summary>Where a phrase was found in a text: its payload and the span of text it covers.</summary>
public readonly record struct PhraseHit<T>(T Payload, int Start, int Length);

/// <summary>
/// Finds many phrases of one language in texts of that language by word forms (see <see cref="WordForms"/>):
/// built once per glossary and language, it scans a text once whatever the number of phrases, so checking a
/// whole document against a large glossary stays linear in the document.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly string _language;
    private readonly bool _unspaced;
    private readonly Dictionary<string, List<(string[] Keys, T Payload)>> _byFirstKey = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<(string Folded, T Payload)>> _byFirstChar = [];

    public PhraseMatcher(string language, IEnumerable<(string Phrase, T Payload)> phrases)
    {
        _language = language;
        _unspaced = WordForms.IsUnspaced(language);
        foreach (var (phrase, payload) in phrases)
        {
            if (_unspaced)
            {
                var folded = WordForms.Fold(phrase.Trim());
                if (folded.Length > 0)
                {
                    Add(_byFirstChar, folded[0], (folded, payload));
                }
                continue;
            }
            var keys = WordForms.Tokenize(phrase, language).Select(t => t.Key).ToArray();
            if (keys.Length > 0)
            {
                Add(_byFirstKey, keys[0], (keys, payload));
            }
        }
    }

    public bool IsEmpty => _byFirstKey.Count == 0 && _byFirstChar.Count == 0;

    /// <summary>
    /// Every phrase found in <paramref name="text"/>, in text order; where one lies inside a longer one, only the longer unless
    /// asked for all. <paramref name="words"/>: the text's words in this matcher's language, when the caller has them already.
    /// </summary>
    public List<PhraseHit<T>> Find(string text, IReadOnlyList<WordToken>? words = null, bool outermostOnly = true)
    {
        var hits = new List<PhraseHit<T>>();
        if (IsEmpty)
        {
            return hits;
        }
        if (_unspaced)
        {
            var folded = WordForms.Fold(text);
            for (var i = 0; i < folded.Length; i++)
            {
                if (!_byFirstChar.TryGetValue(folded[i], out var candidates))
                {
                    continue;
                }
                foreach (var (phrase, payload) in candidates)
                {
                    if (string.CompareOrdinal(folded, i, phrase, 0, phrase.Length) == 0)
                    {
                        hits.Add(new(payload, i, phrase.Length));
                    }
                }
            }
            return outermostOnly ? Outermost(hits) : hits;
        }
        words ??= WordForms.Tokenize(text, _language);
        for (var i = 0; i < words.Count; i++)
        {
            if (!_byFirstKey.TryGetValue(words[i].Key, out var candidates))
            {
                continue;
            }
            foreach (var (keys, payload) in candidates)
            {
                if (i + keys.Length > words.Count)
                {
                    continue;
                }
                var all = true;
                for (var k = 1; k < keys.Length && all; k++)
                {
                    all = string.Equals(words[i + k].Key, keys[k], StringComparison.Ordinal);
                }
                if (all)
                {
                    var last = words[i + keys.Length - 1];
                    hits.Add(new(payload, words[i].Start, last.Start + last.Length - words[i].Start));
                }
            }
        }
        return outermostOnly ? Outermost(hits) : hits;
    }

    // Hits come in text order of their first word (of their first character where unspaced), so what is left stays in order.
    private static List<PhraseHit<T>> Outermost(List<PhraseHit<T>> hits)
    {
        if (hits.Count < 2)
        {
            return hits;
        }
        var kept = new List<PhraseHit<T>>(hits.Count);
        foreach (var hit in hits)
        {
            var inside = false;
            foreach (var other in hits)
            {
                if (other.Length > hit.Length && other.Start <= hit.Start && other.Start + other.Length >= hit.Start + hit.Length)
                {
                    inside = true;
                    break;
                }
            }
            if (!inside)
            {
                kept.Add(hit);
            }
        }
        return kept;
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key, TValue value) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }
        list.Add(value);
    }
}
