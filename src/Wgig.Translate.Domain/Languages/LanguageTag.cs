using System.Globalization;
using System.Text.RegularExpressions;

namespace Wgig.Translate.Domain.Languages;

/// <summary>
/// BCP 47 (RFC 5646) language tags: checks the syntax, checks that the language and region
/// are ones the platform's CLDR data knows, and returns the tag in its canonical letter case
/// ("EN-us" → "en-US", "zh-hans" → "zh-Hans"), so one language has one spelling everywhere.
/// </summary>
public static partial class LanguageTag
{
    // RFC 5646 §2.1 "langtag"; grandfathered tags are deprecated and deliberately not accepted.
    [GeneratedRegex(
        """
        ^(?<language>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})
        (?:-(?<script>[a-z]{4}))?
        (?:-(?<region>[a-z]{2}|[0-9]{3}))?
        (?<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)
        (?<extensions>(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*)
        (?:-(?<private>x(?:-[a-z0-9]{1,8})+))?$
        """,
        RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();

    // RFC 5646 §2.1 "privateuse" on its own, a tag too ("x-whatever").
    [GeneratedRegex("^x(?:-[a-z0-9]{1,8})+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrivateUse();

    /// <summary>
    /// Whether <paramref name="input"/> is a well-formed tag by syntax alone, whether or not its subtags are known, as
    /// XLIFF asks of srcLang, trgLang and xml:lang (a private-use tag such as "x-wgig" included); for a tag the platform
    /// stores, use <see cref="TryNormalize"/>.
    /// </summary>
    public static bool IsWellFormed(string input) => Syntax().IsMatch(input) || PrivateUse().IsMatch(input);

    /// <summary>Returns the canonical tag, or a sentence saying why <paramref name="input"/> is not one.</summary>
    public static bool TryNormalize(string? input, out string tag, out string problem)
    {
        tag = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            problem = "A language tag is required (BCP 47, for example 'fr' or 'zh-Hans').";
            return false;
        }
        if (input.Contains('_', StringComparison.Ordinal))
        {
            problem = $"'{input}' is not a BCP 47 language tag: subtags are separated by '-', not '_' (try '{input.Replace('_', '-')}').";
            return false;
        }
        var match = Syntax().Match(input);
        if (!match.Success)
        {
            problem = $"'{input}' is not a well-formed BCP 47 language tag (for example 'fr', 'pt-BR', 'zh-Hans').";
            return false;
        }

        var language = match.Groups["language"].Value.ToLowerInvariant();
        var primary = language.Split('-')[0];
        if (!IsKnownLanguage(primary))
        {
            problem = $"'{input}' has an unknown language subtag '{primary}'.";
            return false;
        }
        var region = match.Groups["region"].Value.ToUpperInvariant();
        if (region.Length == 2 && !IsKnownRegion(region))
        {
            problem = $"'{input}' has an unknown region subtag '{region}'.";
            return false;
        }
        var variants = match.Groups["variants"].Value.ToLowerInvariant();
        if (HasRepeatedSubtag(variants))
        {
            problem = $"'{input}' repeats a variant subtag.";
            return false;
        }

        var script = match.Groups["script"].Value;
        var parts = new List<string>(6) { language };
        if (script.Length > 0)
        {
            parts.Add(char.ToUpperInvariant(script[0]) + script[1..].ToLowerInvariant());
        }
        if (region.Length > 0)
        {
            parts.Add(region);
        }
        tag = string.Join('-', parts)
            + variants
            + match.Groups["extensions"].Value.ToLowerInvariant()
            + (match.Groups["private"].Success ? "-" + match.Groups["private"].Value.ToLowerInvariant() : "");
        problem = "";
        return true;
    }

    /// <summary>
    /// Whether a tag found in a file (XLIFF, TMX, TBX) names a language a project uses: "en-US" in a file is English
    /// for a project in "en" (tools add regions) and the other way round, but "zh-Hant" is not "zh-Hans".
    /// </summary>
    public static bool SameLanguage(string? inFile, string expected)
    {
        if (!TryNormalize(inFile, out var normalized, out _))
        {
            return false;
        }
        static bool Narrows(string tag, string range) => tag.Length > range.Length && tag[range.Length] == '-'
            && tag.StartsWith(range, StringComparison.OrdinalIgnoreCase);
        return string.Equals(normalized, expected, StringComparison.OrdinalIgnoreCase) || Narrows(normalized, expected) || Narrows(expected, normalized);
    }

    /// <summary>The primary language subtag, lower case: "zh" for "zh-Hans", "fr" for "fr-CA".</summary>
    public static string Primary(string tag)
    {
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? tag : tag[..dash]).ToLowerInvariant();
    }

    private static bool IsKnownLanguage(string primary)
    {
        try
        {
            return !CultureInfo.GetCultureInfo(primary, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static bool IsKnownRegion(string region)
    {
        try
        {
            _ = new RegionInfo(region);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool HasRepeatedSubtag(string variants)
    {
        var subtags = variants.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return subtags.Length != subtags.Distinct(StringComparer.Ordinal).Count();
    }
}
