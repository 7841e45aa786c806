using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Wgig.Translate.Api.Web.Shell;

/// <summary>Language tags as people read them, and the direction text in a language runs.</summary>
public static class Languages
{
    private static readonly Dictionary<string, string> NativeNames = new(StringComparer.Ordinal)
    {
        ["ar"] = "العربية",
        ["zh"] = "中文",
        ["en"] = "English",
        ["fr"] = "Français",
        ["ru"] = "Русский",
        ["es"] = "Español",
    };

    /// <summary>The language's name in itself, as a language switcher shows it.</summary>
    public static string Native(string tag) => NativeNames.TryGetValue(tag, out var name) ? name : Culture(tag)?.NativeName ?? tag;

    /// <summary>The language's name in the interface language ("French", « français », «французский»).</summary>
    public static string Name(string tag, IStringLocalizer<ShellText> text)
    {
        var localized = text[$"Language.{tag}"];
        return !localized.ResourceNotFound ? localized.Value : Culture(tag)?.EnglishName ?? tag;
    }

    /// <summary>"rtl" for languages written right to left (Arabic, Hebrew, Persian, Urdu…), else "ltr".</summary>
    public static string Direction(string tag) => Culture(tag)?.TextInfo.IsRightToLeft == true ? "rtl" : "ltr";

    private static CultureInfo? Culture(string tag)
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
}
