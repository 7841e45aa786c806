using System.Globalization;
using System.Text;
using Wgig.Translate.Domain.Formats;

namespace Wgig.Translate.Domain.Segmentation;

/// <summary>
/// Counts words the way translation platforms bill and plan them: a run of letters or digits is a word,
/// and in scripts written without spaces (Han, kana) each character is one.
/// </summary>
public static class WordCounter
{
    public static int Count(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsIdeographic(rune))
            {
                words++;
                inWord = false;
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            var isWordPart = Rune.IsLetterOrDigit(rune)
                || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                || (inWord && rune.Value is '\'' or '\u2019' or '-');
            if (isWordPart && !inWord)
            {
                words++;
            }
            inWord = isWordPart;
        }
        return words;
    }

    private static bool IsIdeographic(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x3400 and <= 0x4DBF => true, // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK Unified Ideographs
        >= 0xF900 and <= 0xFAFF => true, // CJK Compatibility Ideographs
        >= 0x20000 and <= 0x3134F => true, // CJK Extensions B–G
        _ => false,
    };
}
