using Wgig.Translate.Domain.Checks;

namespace Wgig.Translate.Domain.Tests.Checks;

/// <summary>What several checks read in a text through <see cref="TextScan"/>: marks, scripts, numbers and addresses.</summary>
public sealed class TextScanTests
{
    [Theory]
    [InlineData("Oui.", FinalMark.FullStop, ".")]
    [InlineData("是。", FinalMark.FullStop, "。")]
    [InlineData("是．", FinalMark.FullStop, "．")]
    [InlineData("ہے۔", FinalMark.FullStop, "۔")]
    [InlineData("है।", FinalMark.FullStop, "।")]
    [InlineData("です｡", FinalMark.FullStop, "｡")]
    [InlineData("Qui?", FinalMark.Question, "?")]
    [InlineData("谁？", FinalMark.Question, "？")]
    [InlineData("من؟", FinalMark.Question, "؟")]
    [InlineData("Non!", FinalMark.Exclamation, "!")]
    [InlineData("不！", FinalMark.Exclamation, "！")]
    [InlineData("Ainsi:", FinalMark.Colon, ":")]
    [InlineData("如下：", FinalMark.Colon, "：")]
    [InlineData("Ainsi;", FinalMark.Semicolon, ";")]
    [InlineData("如下；", FinalMark.Semicolon, "；")]
    [InlineData("كذلك؛", FinalMark.Semicolon, "؛")]
    [InlineData("Et ainsi…", FinalMark.Ellipsis, "…")]
    [InlineData("Et ainsi...", FinalMark.Ellipsis, "...")]
    [InlineData("...", FinalMark.Ellipsis, "...")]
    [InlineData(".", FinalMark.FullStop, ".")]
    [InlineData("x..", FinalMark.FullStop, ".")]
    [InlineData(".x.", FinalMark.FullStop, ".")]
    [InlineData("Oui", FinalMark.None, "")]
    [InlineData("", FinalMark.None, "")]
    [InlineData(" ) ", FinalMark.None, "")]
    public void The_final_mark_is_known_in_every_script_and_an_ellipsis_is_three_dots_or_one_sign(string text, FinalMark kind, string mark) =>
        Assert.Equal((kind, mark), TextScan.FinalMarkOf(text));

    [Theory]
    [InlineData('"')]
    [InlineData('\'')]
    [InlineData('”')]
    [InlineData('’')]
    [InlineData('»')]
    [InlineData('›')]
    [InlineData(')')]
    [InlineData(']')]
    [InlineData('」')]
    [InlineData('』')]
    [InlineData('）')]
    [InlineData('】')]
    [InlineData('〉')]
    [InlineData('》')]
    public void The_final_mark_is_read_past_every_scripts_closing_quotes_and_brackets(char closer) =>
        Assert.Equal((FinalMark.FullStop, "."), TextScan.FinalMarkOf($"Il a dit oui.{closer} "));

    // The first and last characters of each range are in it; the characters just outside are not.
    [Theory]
    [InlineData('\u3040', true)]
    [InlineData('\u303F', false)]
    [InlineData('\u30FF', true)]
    [InlineData('\u3100', false)]
    [InlineData('\u3400', true)]
    [InlineData('\u33FF', false)]
    [InlineData('\u4DBF', true)]
    [InlineData('\u4DC0', false)]
    [InlineData('\u4E00', true)]
    [InlineData('\u9FFF', true)]
    [InlineData('\uA000', false)]
    [InlineData('\uF900', true)]
    [InlineData('\uF8FF', false)]
    [InlineData('\uFAFF', true)]
    [InlineData('\uFB00', false)]
    [InlineData('a', false)]
    public void Kana_and_han_are_cjk_to_the_edges_of_their_blocks(char c, bool cjk) =>
        Assert.Equal(cjk, TextScan.IsCjk(c));

    [Theory]
    [InlineData('\u0620', true)]
    [InlineData('\u061F', false)]
    [InlineData('\u064A', true)]
    [InlineData('\u064B', false)]
    [InlineData('\u066E', true)]
    [InlineData('\u066D', false)]
    [InlineData('\u06D3', true)]
    [InlineData('\u06D4', false)]
    [InlineData('\u0750', true)]
    [InlineData('\u074F', false)]
    [InlineData('\u077F', true)]
    [InlineData('\u0780', false)]
    [InlineData('\uFB50', true)]
    [InlineData('\uFB4F', false)]
    [InlineData('\uFDFF', true)]
    [InlineData('\uFE00', false)]
    [InlineData('\uFE70', true)]
    [InlineData('\uFE6F', false)]
    [InlineData('\uFEFC', true)]
    [InlineData('\uFEFF', false)]
    [InlineData('a', false)]
    public void Arabic_letters_and_presentation_forms_are_arabic_to_the_edges_of_their_blocks(char c, bool arabic) =>
        Assert.Equal(arabic, TextScan.IsArabicLetter(c));

    [Theory]
    [InlineData("ب ?", 2, 'ب')]
    [InlineData("a b", 2, 'a')]
    [InlineData("ab", 1, 'a')]
    [InlineData("  ?", 2, '\0')]
    [InlineData("ab", 0, '\0')]
    public void The_previous_visible_character_skips_white_space_back_to_the_start(string text, int index, char expected) =>
        Assert.Equal(expected, TextScan.PreviousVisible(text, index));

    [Fact]
    public void A_quote_keeps_60_characters_and_cuts_a_longer_text_to_57_and_an_ellipsis()
    {
        var sixty = new string('a', 60);
        Assert.Equal($"“{sixty}”", TextScan.Quote(sixty));
        Assert.Equal($"“{new string('b', 57)}…”", TextScan.Quote(new string('b', 61)));
    }

    [Theory]
    [InlineData(",")]
    [InlineData(".")]
    [InlineData("'")]
    [InlineData(" ")]
    [InlineData("\u00A0")]
    [InlineData("\u202F")]
    [InlineData("\u2009")]
    [InlineData("\u066B")]
    [InlineData("\u066C")]
    [InlineData("，")]
    [InlineData("．")]
    public void A_number_is_read_across_every_scripts_grouping_and_decimal_marks(string separator) =>
        Assert.Equal(["1000"], TextScan.Numbers($"1{separator}000"));

    [Theory]
    [InlineData("123 456", new[] { "123456" })]
    [InlineData("1 234 567", new[] { "1234567" })]
    [InlineData("1234 567", new[] { "1234", "567" })]
    [InlineData("12 34", new[] { "12", "34" })]
    [InlineData("12 3456", new[] { "12", "3456" })]
    [InlineData("0 and 00", new[] { "0", "0" })]
    [InlineData("3.", new[] { "3" })]
    public void A_space_groups_digits_only_as_a_thousands_separator(string text, string[] expected) =>
        Assert.Equal(expected, TextScan.Numbers(text));

    [Theory]
    [InlineData("See www.itu.int/wsis.", new[] { "www.itu.int/wsis" })]
    [InlineData("(https://wgig.org/report), then", new[] { "https://wgig.org/report" })]
    [InlineData("ftp://ftp.itu.int/pub; or", new[] { "ftp://ftp.itu.int/pub" })]
    [InlineData("Write to a.b@wgig.org!", new[] { "a.b@wgig.org" })]
    [InlineData("No address here.", new string[0])]
    public void Addresses_are_found_without_the_punctuation_that_ends_the_sentence(string text, string[] expected) =>
        Assert.Equal(expected, TextScan.Addresses(text));
}
