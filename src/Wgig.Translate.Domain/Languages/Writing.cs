using System.Globalization;

namespace Wgig.Translate.Domain.Languages;

/// <summary>Which of Word's three font and language slots a language's letters use.</summary>
public enum ScriptSlot
{
    /// <summary>Latin, Cyrillic, Greek …: w:lang w:val, w:rFonts w:ascii/w:hAnsi.</summary>
    Latin,

    /// <summary>Chinese, Japanese, Korean: w:lang w:eastAsia, w:rFonts w:eastAsia.</summary>
    EastAsian,

    /// <summary>Arabic, Hebrew and the other right-to-left scripts: w:lang w:bidi, w:rFonts w:cs, w:rtl.</summary>
    ComplexScript,
}

/// <summary>
/// How a language is written, for the deliverables: its direction, the culture name Word and HTML know it by, which of Word's
/// slots its script uses, and a font Word has for it. One home for "is it right to left": the paper view, the DOCX and the
/// HTML writers all ask here.
/// </summary>
/// <param name="Tag">The project's tag (BCP 47), for HTML's lang.</param>
/// <param name="Culture">A specific culture (ar → ar-SA, zh → zh-CN), for Word's w:lang, which wants a region.</param>
/// <param name="Font">A font Word ships for the script (Simplified Arabic, SimSun …); null where the document's own fonts do.</param>
public sealed record Writing(string Tag, string Culture, bool RightToLeft, ScriptSlot Slot, string? Font)
{
    private static readonly Dictionary<string, string> ArabicScript = new(StringComparer.Ordinal)
    {
        ["ar"] = "Simplified Arabic", ["fa"] = "Simplified Arabic", ["ur"] = "Simplified Arabic", ["ps"] = "Simplified Arabic",
        ["ckb"] = "Simplified Arabic", ["sd"] = "Simplified Arabic", ["ug"] = "Simplified Arabic",
        ["he"] = "David", ["yi"] = "David", ["dv"] = "MV Boli",
    };

    public string Direction => RightToLeft ? "rtl" : "ltr";

    public static Writing Of(string tag)
    {
        var culture = TryCulture(tag);
        var primary = tag.Split('-')[0].ToLowerInvariant();
        var rightToLeft = culture?.TextInfo.IsRightToLeft ?? ArabicScript.ContainsKey(primary);
        var specific = culture is null ? tag : TrySpecific(culture) ?? tag;
        if (primary is "zh" or "ja" or "ko")
        {
            var traditional = tag.Contains("-Hant", StringComparison.OrdinalIgnoreCase) || specific is "zh-TW" or "zh-HK" or "zh-MO";
            var font = primary switch { "ja" => "MS Mincho", "ko" => "Batang", _ => traditional ? "PMingLiU" : "SimSun" };
            // Traditional Chinese without a region is Taiwan's, as Word knows it (CLDR would say Hong Kong).
            specific = primary == "zh" && traditional && tag.Split('-').Length == 2 ? "zh-TW" : specific;
            return new Writing(tag, specific, false, ScriptSlot.EastAsian, font);
        }
        return rightToLeft
            ? new Writing(tag, specific, true, ScriptSlot.ComplexScript, ArabicScript.GetValueOrDefault(primary, "Arial"))
            : new Writing(tag, specific, false, ScriptSlot.Latin, null);
    }

    private static CultureInfo? TryCulture(string tag)
    {
        try
        {
            return CultureInfo.GetCultureInfo(tag);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    private static string? TrySpecific(CultureInfo culture)
    {
        try
        {
            var specific = CultureInfo.CreateSpecificCulture(culture.Name).Name;
            return specific.Length > 0 ? specific : null;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}

/// <summary>The languages of a rebuilt document: the text left in the source, and the translations.</summary>
public sealed record TextLanguages(Writing Source, Writing Target)
{
    public static TextLanguages Of(string source, string target) => new(Writing.Of(source), Writing.Of(target));
}
