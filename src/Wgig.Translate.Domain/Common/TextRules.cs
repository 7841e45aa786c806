using System.Globalization;
using System.Text;

namespace Wgig.Translate.Domain.Common;

/// <summary>
/// What text the system takes in: only characters that both XML 1.0 (XLIFF, DOCX, HTML exports) and PostgreSQL can
/// hold. Refused: NUL and the other C0 controls except tab, line feed and carriage return; U+FFFE and U+FFFF; a
/// surrogate without its pair. Every text that enters is checked once against this (the API's edge filter for
/// requests, the import for files), and text that was stored before the check existed is cleaned when it leaves
/// as XML, so no stray character can break an export. Also the size rules for what people type.
/// </summary>
public static class TextRules
{
    /// <summary>The most any one text a person sends may hold: a translation, a draft, a comment, a name (64 KB).</summary>
    public const int MaxTextLength = 64 * 1024;

    /// <summary>A translation or draft may be this many times as long as its source (and at least <see cref="MinTranslationLimit"/>).</summary>
    public const int TranslationLengthFactor = 10;

    public const int MinTranslationLimit = 500;

    /// <summary>The longest translation allowed for a source of this length.</summary>
    public static int TranslationLimit(int sourceLength) =>
        Math.Min(MaxTextLength, Math.Max(MinTranslationLimit, sourceLength * TranslationLengthFactor));

    /// <summary>The index (UTF-16) of the first character storage or XML cannot hold, or -1.</summary>
    public static int FirstUnstorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 ? c is not ('\t' or '\n' or '\r') : c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return i;
            }
            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>What is wrong with a text, naming the character and where it is (line, column and character count from 1), or null.</summary>
    public static string? Problem(string text)
    {
        var at = FirstUnstorable(text);
        if (at < 0)
        {
            return text.Length > MaxTextLength ? $"The text has {text.Length} characters; at most {MaxTextLength} are allowed." : null;
        }
        var line = 1 + text.AsSpan(0, at).Count('\n');
        var column = at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
        return $"Character {at + 1} (line {line}, column {column}) is {Describe(text[at])}, which cannot be stored: {Allowed}";
    }

    /// <summary>What the rule allows, for messages.</summary>
    public const string Allowed = "control characters other than tab and line breaks, U+FFFE, U+FFFF and unpaired surrogates are not allowed.";

    /// <summary>
    /// Every character storage or XML cannot hold, with where it is: its place in the text, line and column (each from 1),
    /// for a report of what <see cref="Clean"/> replaced.
    /// </summary>
    public static IEnumerable<(int Character, int Line, int Column, string CodePoint)> Unstorable(string text)
    {
        var (line, lineStart, counted) = (1, 0, 0);
        for (var at = FirstUnstorable(text); at >= 0; at = NextUnstorable(text, at + 1))
        {
            for (; counted < at; counted++)
            {
                if (text[counted] == '\n')
                {
                    (line, lineStart) = (line + 1, counted + 1);
                }
            }
            yield return (at + 1, line, at - lineStart + 1, Describe(text[at]));
        }
    }

    private static int NextUnstorable(string text, int from)
    {
        var next = from < text.Length ? FirstUnstorable(text.AsSpan(from)) : -1;
        return next < 0 ? -1 : from + next;
    }

    /// <summary>The text with every character storage or XML cannot hold replaced by U+FFFD, visibly; the text itself when there is none.</summary>
    public static string Clean(string text)
    {
        if (FirstUnstorable(text) < 0)
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else
            {
                clean.Append(FirstUnstorable([c]) < 0 ? c : '\uFFFD');
            }
        }
        return clean.ToString();
    }

    public static string Describe(char c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
}

/// <summary>A text that storage or XML cannot hold (or too long), named by its field and where the character is.</summary>
public sealed record UnstorableText(string Field, string Problem) : InvalidInputError("Text not accepted", Problem,
    new Dictionary<string, string[]> { [Field] = [Problem] });
