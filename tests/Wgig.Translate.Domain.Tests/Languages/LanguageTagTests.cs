using Wgig.Translate.Domain.Languages;

namespace Wgig.Translate.Domain.Tests.Languages;

public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("EN-us", "en-US")]
    [InlineData("zh-hans", "zh-Hans")]
    [InlineData("zh-Hant-TW", "zh-Hant-TW")]
    [InlineData("es-419", "es-419")]
    [InlineData("ar", "ar")]
    [InlineData("sr-latn-rs", "sr-Latn-RS")]
    [InlineData("de-CH-1901", "de-CH-1901")]
    [InlineData("en-x-wgig", "en-x-wgig")]
    [InlineData("pt-BR", "pt-BR")]
    public void Well_formed_known_tags_are_accepted_in_canonical_case(string input, string expected)
    {
        Assert.True(LanguageTag.TryNormalize(input, out var tag, out var problem), problem);
        Assert.Equal(expected, tag);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("  ", "required")]
    [InlineData("fr_FR", "'-', not '_'")]
    [InlineData("english", "unknown language subtag 'english'")]
    [InlineData("xx", "unknown language subtag 'xx'")]
    [InlineData("qqq", "unknown language subtag 'qqq'")]
    [InlineData("en-QQ", "unknown region subtag 'QQ'")]
    [InlineData("e", "not a well-formed")]
    [InlineData("en-", "not a well-formed")]
    [InlineData("en--US", "not a well-formed")]
    [InlineData("fr FR", "not a well-formed")]
    [InlineData("de-1901-1901", "repeats a variant")]
    [InlineData("i-klingon", "not a well-formed")]
    public void Malformed_or_unknown_tags_are_refused_with_a_reason(string? input, string reasonPart)
    {
        Assert.False(LanguageTag.TryNormalize(input, out _, out var problem));
        Assert.Contains(reasonPart, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("qqq-Latn-QQ", true)] // unknown to CLDR, yet well-formed
    [InlineData("x-wgig", true)]
    [InlineData("en-x-wgig", true)]
    [InlineData("abcdefgh", true)]
    [InlineData("en_US", false)]
    [InlineData("en-", false)]
    [InlineData("x", false)]
    [InlineData("", false)]
    [InlineData("i-klingon", false)]
    public void Well_formedness_is_the_syntax_alone(string input, bool wellFormed) =>
        Assert.Equal(wellFormed, LanguageTag.IsWellFormed(input));
}
