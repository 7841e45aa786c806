using System.Globalization;
using System.Text;
using Wgig.Translate.Domain.Languages;

namespace Wgig.Translate.Domain.Glossary;

/// <summary>A word of a text: where it is, and its key (the lower-case stem that its inflected forms share).</summary>
public readonly record struct WordToken(int Start, int Length, string Key);

/// <summary>
/// Words and their forms, for finding a term whatever its case and inflection: "Stakeholders" finds
/// "stakeholder", "sociétés de l'information" finds "société de l'information", "naciones" finds "nación",
/// "информационного общества" finds "информационное общество". Light suffix stripping per language (en, fr,
/// es, ru, de, pt, it; Arabic drops the article and vowel marks), never a dictionary: it is only used to compare
/// a term with a text in the same language. Languages written without spaces (zh, ja, th) compare characters.
/// </summary>
public static class WordForms
{
    private static readonly HashSet<string> Unspaced = ["zh", "ja", "th", "lo", "km", "my"];

    public static bool IsUnspaced(string language) => Unspaced.Contains(LanguageTag.Primary(language));

    /// <summary>
    /// The words of <paramref name="text"/>, each with its key in <paramref name="language"/>; <paramref name="keys"/>
    /// remembers the keys of words seen before, for a run over many texts of the language.
    /// </summary>
    public static List<WordToken> Tokenize(string text, string language, WordKeys? keys = null)
    {
        var primary = LanguageTag.Primary(language);
        var tokens = new List<WordToken>(text.Length / 6 + 1);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (IsWordChar(text, i) || (IsJoiner(text[i]) && i + 1 < text.Length && IsWordChar(text, i + 1) && i > start)))
            {
                i++;
            }
            var word = text.AsSpan(start, i - start);
            tokens.Add(new WordToken(start, i - start, keys is null ? Key(word, primary) : keys.KeyOf(word)));
        }
        return tokens;
    }

    /// <summary>The key of one word or phrase's words, joined by spaces: what two forms of a term share.</summary>
    public static string KeyOf(string phrase, string language) =>
        IsUnspaced(language) ? Fold(phrase) : string.Join(' ', Tokenize(phrase, language).Select(t => t.Key));

    /// <summary>Lower case, without vowel marks and with one kind of apostrophe: the form compared in every language.</summary>
    public static string Fold(string text)
    {
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(buffer[..FoldInto(text, buffer)]);
    }

    /// <summary>Folds <paramref name="text"/> into <paramref name="folded"/> (at least as long), returning the folded length.</summary>
    public static int FoldInto(ReadOnlySpan<char> text, Span<char> folded)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (!IsSilent(c))
            {
                folded[n++] = FoldChar(c);
            }
        }
        return n;
    }

    /// <summary>Arabic harakat and tatweel are optional in writing: folding leaves them out.</summary>
    public static bool IsSilent(char c) => c is >= '\u064B' and <= '\u0652' or '\u0640';

    /// <summary>One character folded (of one that is not <see cref="IsSilent"/>): lower case, ё as е, one kind of apostrophe.</summary>
    public static char FoldChar(char c)
    {
        if (c is '\u2019' or '\u02BC')
        {
            return '\'';
        }
        var lower = char.ToLowerInvariant(c);
        return lower is 'ё' ? 'е' : lower;
    }

    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || char.IsSurrogate(c);
    }

    // Inside a word: "multi-stakeholder", "l'information", "aujourd’hui".
    private static bool IsJoiner(char c) => c is '-' or '\'' or '\u2019' or '\u2010' or '\u2011';

    // Every word of every text checked goes through here: the word is folded and stemmed in a buffer on the stack,
    // and only its key is allocated.
    internal static string Key(ReadOnlySpan<char> word, string language)
    {
        var buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        ReadOnlySpan<char> folded = buffer[..FoldInto(word, buffer)];
        return language switch
        {
            "en" => English(folded),
            "fr" => French(folded),
            "es" or "pt" or "it" or "ca" => Romance(folded),
            "ru" or "uk" or "be" => Russian(folded),
            "de" => German(folded),
            "ar" or "fa" or "ur" => Arabic(folded),
            _ => new string(folded),
        };
    }

    private static string English(ReadOnlySpan<char> w)
    {
        if (w.EndsWith("'s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith("s'", StringComparison.Ordinal))
        {
            w = w[..^1];
        }
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(w[..^3], "y");
        }
        if (w.Length > 4 && (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)
            || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("zes", StringComparison.Ordinal)))
        {
            return new string(w[..^2]);
        }
        if (w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            return new string(w[..^1]);
        }
        return new string(w);
    }

    private static string French(ReadOnlySpan<char> w)
    {
        // Elided articles belong to the next word: l'information, d'Internet.
        if (w.Length > 2 && w[1] == '\'' && w[0] is 'l' or 'd' or 'j' or 'm' or 'n' or 's' or 't' or 'c')
        {
            w = w[2..];
        }
        else if (w.Length > 3 && w.StartsWith("qu'", StringComparison.Ordinal))
        {
            w = w[3..];
        }
        var stem = w.Length <= 64 ? stackalloc char[w.Length] : new char[w.Length];
        w.CopyTo(stem);
        var n = w.Length;
        if (n > 4 && stem[..n].EndsWith("aux", StringComparison.Ordinal))
        {
            // -aux → -al: "nationaux" → "national".
            stem[n - 2] = 'l';
            n--;
        }
        else if (n > 3 && stem[n - 1] is 's' or 'x')
        {
            n--;
        }
        if (n > 3 && stem[n - 1] == 'e')
        {
            n--;
        }
        return RemoveAccents(stem[..n]);
    }

    // Plurals: -ces → -z (luces, luz), -es after a consonant (naciones, países), -s after a plain vowel (casas, partes);
    // then the gender vowel (informático, informática), so the forms of one word meet.
    private static string Romance(ReadOnlySpan<char> w)
    {
        var stem = w.Length <= 64 ? stackalloc char[w.Length] : new char[w.Length];
        w.CopyTo(stem);
        var n = w.Length;
        if (n > 4 && stem[..n].EndsWith("ces", StringComparison.Ordinal))
        {
            stem[n - 3] = 'z';
            n -= 2;
        }
        else if (n > 4 && stem[..n].EndsWith("es", StringComparison.Ordinal) && !IsVowel(stem[n - 3]))
        {
            n -= 2;
        }
        else if (n > 3 && stem[n - 1] == 's' && stem[n - 2] is 'a' or 'e' or 'o')
        {
            n--;
        }
        if (n > 4 && stem[n - 1] is 'a' or 'e' or 'o')
        {
            n--;
        }
        return RemoveAccents(stem[..n]);
    }

    // Longest endings first: noun and adjective case endings, so that "обществе" and "общества" meet at "обществ".
    private static readonly string[] RussianEndings =
    [
        "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "ией", "ием", "ия", "ие", "ий", "ию", "ии",
        "ов", "ев", "ей", "ам", "ям", "ах", "ях", "ом", "ем", "ой", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ых", "их", "ым", "им",
        "а", "я", "ы", "и", "у", "ю", "е", "о", "ь", "й",
    ];

    private static readonly string[] GermanEndings = ["ern", "en", "er", "es", "e", "n", "s"];

    private static readonly string[] ArabicArticles = ["وال", "بال", "كال", "فال", "لل", "ال"];

    private static string Russian(ReadOnlySpan<char> w)
    {
        foreach (var ending in RussianEndings)
        {
            if (w.Length - ending.Length >= 3 && w.EndsWith(ending, StringComparison.Ordinal))
            {
                return new string(w[..^ending.Length]);
            }
        }
        return new string(w);
    }

    private static string German(ReadOnlySpan<char> w)
    {
        foreach (var ending in GermanEndings)
        {
            if (w.Length - ending.Length >= 4 && w.EndsWith(ending, StringComparison.Ordinal))
            {
                return new string(w[..^ending.Length]);
            }
        }
        return new string(w);
    }

    private static string Arabic(ReadOnlySpan<char> w)
    {
        foreach (var prefix in ArabicArticles)
        {
            if (w.Length - prefix.Length >= 3 && w.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new string(w[prefix.Length..]);
            }
        }
        return new string(w);
    }

    private static bool IsVowel(char c) => "aeiouáéíóú".Contains(c, StringComparison.Ordinal);

    private static string RemoveAccents(ReadOnlySpan<char> w)
    {
        if (!w.ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return new string(w);
        }
        var decomposed = new string(w).Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }
        return plain.ToString().Normalize(NormalizationForm.FormC);
    }
}
