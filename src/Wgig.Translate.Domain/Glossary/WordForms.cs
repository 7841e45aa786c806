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

    /// <summary>The words of <paramref name="text"/>, each with its key in <paramref name="language"/>.</summary>
    public static List<WordToken> Tokenize(string text, string language)
    {
        var primary = LanguageTag.Primary(language);
        var tokens = new List<WordToken>();
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
            tokens.Add(new WordToken(start, i - start, Key(text.AsSpan(start, i - start), primary)));
        }
        return tokens;
    }

    /// <summary>The key of one word or phrase's words, joined by spaces: what two forms of a term share.</summary>
    public static string KeyOf(string phrase, string language) =>
        IsUnspaced(language) ? Fold(phrase) : string.Join(' ', Tokenize(phrase, language).Select(t => t.Key));

    /// <summary>Lower case, without vowel marks and with one kind of apostrophe: the form compared in every language.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\u2019' or '\u02BC')
            {
                folded.Append('\'');
            }
            else if (c is >= '\u064B' and <= '\u0652' or '\u0640')
            {
                // Arabic harakat and tatweel are optional in writing.
            }
            else
            {
                folded.Append(char.ToLowerInvariant(c) is 'ё' ? 'е' : char.ToLowerInvariant(c));
            }
        }
        return folded.ToString();
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

    private static string Key(ReadOnlySpan<char> word, string language)
    {
        var folded = Fold(word.ToString());
        return language switch
        {
            "en" => English(folded),
            "fr" => French(folded),
            "es" or "pt" or "it" or "ca" => Romance(folded),
            "ru" or "uk" or "be" => Russian(folded),
            "de" => German(folded),
            "ar" or "fa" or "ur" => Arabic(folded),
            _ => folded,
        };
    }

    private static string English(string w)
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
            return w[..^3] + "y";
        }
        if (w.Length > 4 && (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)
            || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("zes", StringComparison.Ordinal)))
        {
            return w[..^2];
        }
        if (w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            return w[..^1];
        }
        return w;
    }

    private static string French(string w)
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
        if (w.Length > 4 && w.EndsWith("aux", StringComparison.Ordinal))
        {
            w = w[..^3] + "al";
        }
        else if (w.Length > 3 && w[^1] is 's' or 'x')
        {
            w = w[..^1];
        }
        if (w.Length > 3 && w[^1] == 'e')
        {
            w = w[..^1];
        }
        return RemoveAccents(w);
    }

    // Plurals: -ces → -z (luces, luz), -es after a consonant (naciones, países), -s after a plain vowel (casas, partes);
    // then the gender vowel (informático, informática), so the forms of one word meet.
    private static string Romance(string w)
    {
        if (w.Length > 4 && w.EndsWith("ces", StringComparison.Ordinal))
        {
            w = w[..^3] + "z";
        }
        else if (w.Length > 4 && w.EndsWith("es", StringComparison.Ordinal) && !IsVowel(w[^3]))
        {
            w = w[..^2];
        }
        else if (w.Length > 3 && w[^1] == 's' && w[^2] is 'a' or 'e' or 'o')
        {
            w = w[..^1];
        }
        if (w.Length > 4 && w[^1] is 'a' or 'e' or 'o')
        {
            w = w[..^1];
        }
        return RemoveAccents(w);
    }

    // Longest endings first: noun and adjective case endings, so that "обществе" and "общества" meet at "обществ".
    private static readonly string[] RussianEndings =
    [
        "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "ией", "ием", "ия", "ие", "ий", "ию", "ии",
        "ов", "ев", "ей", "ам", "ям", "ах", "ях", "ом", "ем", "ой", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ых", "их", "ым", "им",
        "а", "я", "ы", "и", "у", "ю", "е", "о", "ь", "й",
    ];

    private static string Russian(string w)
    {
        foreach (var ending in RussianEndings)
        {
            if (w.Length - ending.Length >= 3 && w.EndsWith(ending, StringComparison.Ordinal))
            {
                return w[..^ending.Length];
            }
        }
        return w;
    }

    private static string German(string w)
    {
        foreach (var ending in (string[])["ern", "en", "er", "es", "e", "n", "s"])
        {
            if (w.Length - ending.Length >= 4 && w.EndsWith(ending, StringComparison.Ordinal))
            {
                return w[..^ending.Length];
            }
        }
        return w;
    }

    private static string Arabic(string w)
    {
        foreach (var prefix in (string[])["وال", "بال", "كال", "فال", "لل", "ال"])
        {
            if (w.Length - prefix.Length >= 3 && w.StartsWith(prefix, StringComparison.Ordinal))
            {
                return w[prefix.Length..];
            }
        }
        return w;
    }

    private static bool IsVowel(char c) => "aeiouáéíóú".Contains(c, StringComparison.Ordinal);

    private static string RemoveAccents(string w)
    {
        var decomposed = w.Normalize(NormalizationForm.FormD);
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
