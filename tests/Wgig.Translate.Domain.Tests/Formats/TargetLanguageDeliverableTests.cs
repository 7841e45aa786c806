using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Formats;

/// <summary>Deliverables carry the target language the way Word and browsers read it: language, direction, fonts.</summary>
[RunsLong(5)]
[Trait("Needs", "Peer")]
public sealed class TargetLanguageDeliverableTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Arabic = "يعمل الفريق العامل على إعداد تقرير عن إدارة الإنترنت";
    private const string Chinese = "工作组正在编写关于互联网治理的报告";

    private static readonly DocxImporter Docx = new();

    // Every block translated (its codes kept, in order, after the text) but the last, which stays in English.
    internal static byte[] Translated(string text, string language)
    {
        var blocks = Docx.Split(Samples.Docx).Value!;
        var translations = blocks.Select((b, i) => i == blocks.Count - 1 ? null
            : new SegmentContent($"{text} {i + 1}." + string.Concat(b.Content.Codes.Select((_, c) => SegmentContent.MarkerFor(c))), b.Content.Codes)).ToList();
        return Docx.Rebuild(Samples.Docx, translations, TextLanguages.Of("en", language)).Value!;
    }

    [Fact]
    public void An_arabic_docx_is_arabic_right_to_left_with_an_arabic_font_and_keeps_the_english_it_still_has_english()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Translated(Arabic, "ar")), false);
        var main = document.MainDocumentPart!;

        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal(("ar-SA", "ar-SA"), (defaults.Languages!.Val!.Value, defaults.Languages.Bidi!.Value));
        Assert.Equal("Simplified Arabic", defaults.RunFonts!.ComplexScript!.Value);
        var themeLanguages = main.DocumentSettingsPart!.Settings!.GetFirstChild<ThemeFontLanguages>()!;
        Assert.Equal("ar-SA", themeLanguages.Bidi!.Value);

        var paragraphs = main.Document!.Body!.Descendants<Paragraph>().Where(p => p.InnerText.Length > 0).ToList();
        var translated = paragraphs.Where(p => p.InnerText.Contains(Arabic, StringComparison.Ordinal)).ToList();
        Assert.True(translated.Count > 70);
        Assert.All(translated, p => Assert.NotNull(p.ParagraphProperties?.BiDi));
        var runs = translated.SelectMany(p => p.Descendants<Run>()).ToList();
        Assert.All(runs, r => Assert.NotNull(r.RunProperties?.RightToLeftText));
        Assert.All(runs, r => Assert.Equal(("ar-SA", "ar-SA"), (r.RunProperties!.Languages!.Val!.Value, r.RunProperties.Languages.Bidi!.Value)));
        Assert.All(runs, r => Assert.Equal("Simplified Arabic", r.RunProperties!.RunFonts!.ComplexScript!.Value));
        Assert.All(main.Document.Body.Descendants<SectionProperties>(), s => Assert.NotNull(s.GetFirstChild<BiDi>()));

        var english = paragraphs.Last(p => !p.InnerText.Contains(Arabic, StringComparison.Ordinal) && p.Descendants<Text>().Any());
        Assert.Null(english.ParagraphProperties?.BiDi);
        Assert.All(english.Descendants<Run>(), r => Assert.Equal("en-US", r.RunProperties!.Languages!.Val!.Value));
    }

    [Fact]
    public void A_chinese_docx_is_chinese_in_the_east_asian_slot_with_a_chinese_font_left_to_right()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Translated(Chinese, "zh")), false);
        var main = document.MainDocumentPart!;

        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal(("zh-CN", "zh-CN"), (defaults.Languages!.Val!.Value, defaults.Languages.EastAsia!.Value));
        Assert.Equal("SimSun", defaults.RunFonts!.EastAsia!.Value);
        var runs = main.Document!.Body!.Descendants<Paragraph>().Where(p => p.InnerText.Contains(Chinese, StringComparison.Ordinal))
            .SelectMany(p => p.Descendants<Run>()).ToList();
        Assert.NotEmpty(runs);
        Assert.All(runs, r => Assert.Equal("zh-CN", r.RunProperties!.Languages!.EastAsia!.Value));
        Assert.All(runs, r => Assert.Equal("SimSun", r.RunProperties!.RunFonts!.EastAsia!.Value));
        Assert.All(runs, r => Assert.Null(r.RunProperties!.RightToLeftText));
        Assert.DoesNotContain(main.Document.Body.Descendants<Paragraph>(), p => p.ParagraphProperties?.BiDi is not null);
    }

    [Theory]
    [InlineData("ar", "ar-SA", true, ScriptSlot.ComplexScript)]
    [InlineData("zh", "zh-CN", false, ScriptSlot.EastAsian)]
    [InlineData("zh-Hant", "zh-TW", false, ScriptSlot.EastAsian)]
    [InlineData("fr", "fr-FR", false, ScriptSlot.Latin)]
    [InlineData("ru", "ru-RU", false, ScriptSlot.Latin)]
    [InlineData("es", "es-ES", false, ScriptSlot.Latin)]
    [InlineData("he", "he-IL", true, ScriptSlot.ComplexScript)]
    public void Each_language_is_written_its_own_way(string tag, string culture, bool rightToLeft, ScriptSlot slot)
    {
        var writing = Writing.Of(tag);

        Assert.Equal((culture, rightToLeft, slot), (writing.Culture, writing.RightToLeft, writing.Slot));
    }

    [Fact]
    public void An_html_page_says_its_language_and_direction_and_marks_what_stays_in_english()
    {
        var html = "<!DOCTYPE html><html lang=\"en\"><head><title>Report</title></head><body><h1>Report</h1><p>The group met.</p><p>It wrote.</p></body></html>"u8.ToArray();
        var importer = new HtmlImporter();
        var blocks = importer.Split(html).Value!;

        var rebuilt = System.Text.Encoding.UTF8.GetString(importer.Rebuild(html,
            [SegmentContent.FromText("تقرير"), SegmentContent.FromText("تقرير"), SegmentContent.FromText("اجتمع الفريق."), null],
            TextLanguages.Of("en", "ar")).Value!);

        Assert.Equal(4, blocks.Count);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", rebuilt, StringComparison.Ordinal);
        Assert.Contains("<p>اجتمع الفريق.</p>", rebuilt, StringComparison.Ordinal);
        Assert.Contains("<p lang=\"en\" dir=\"ltr\">It wrote.</p>", rebuilt, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arabic_markdown_translation_is_wrapped_right_to_left_after_its_front_matter_and_still_renders_as_markdown()
    {
        var markdown = "---\ntitle: Report\n---\n# Report\n\nThe group met.\n"u8.ToArray();
        var importer = new MarkdownImporter();

        var rebuilt = System.Text.Encoding.UTF8.GetString(importer.Rebuild(markdown,
            [SegmentContent.FromText("تقرير"), SegmentContent.FromText("اجتمع الفريق.")], TextLanguages.Of("en", "ar")).Value!);
        var chinese = importer.Rebuild(markdown, [SegmentContent.FromText("报告"), null], TextLanguages.Of("en", "zh")).Value!;

        Assert.Equal("---\ntitle: Report\n---\n<div lang=\"ar\" dir=\"rtl\">\n\n# تقرير\n\nاجتمع الفريق.\n\n</div>\n", rebuilt);
        Assert.Equal(["تقرير", "اجتمع الفريق."], importer.Split(System.Text.Encoding.UTF8.GetBytes(rebuilt)).Value!.Select(b => b.Content.CodedText));
        Assert.Equal("---\ntitle: Report\n---\n# 报告\n\nThe group met.\n", System.Text.Encoding.UTF8.GetString(chinese));
    }

    [Fact]
    public void An_arabic_docx_renders_right_to_left()
    {
        var (width, words, lines) = Render(Arabic, "ar");
        var first = Arabic.Split(' ')[0];
        var arabicLines = lines.Where(l => l.Any(w => IsArabic(w.Word))).ToList();
        Assert.True(arabicLines.Count >= 15, $"{arabicLines.Count} Arabic lines on page one");
        foreach (var line in arabicLines)
        {
            var arabic = line.Where(w => IsArabic(w.Word)).ToList();
            // Right to left: the sentence's first word is its rightmost, the paragraph number the translation ends with is left of it all,
            // and the text hangs from the right margin.
            Assert.Contains(arabic[^1].Word, new[] { first, new string([.. first.Reverse()]) });
            Assert.True(line.First(w => char.IsAsciiDigit(w.Word[0])).XMax < arabic[0].XMin, "the number a sentence ends with is to its left");
            Assert.True(width - line.Max(w => w.XMax) < line.Min(w => w.XMin),
                $"a line runs from x = {line.Min(w => w.XMin)} to {line.Max(w => w.XMax)} of {width}: it hangs from the left margin");
        }
        // The bullets of the list items with no text of their own sit on the right too, with the items around them.
        var bullets = words.Where(w => w.Word == "•").ToList();
        Assert.NotEmpty(bullets);
        Assert.All(bullets, b => Assert.True(b.XMin > width / 2, $"a bullet at x = {b.XMin} of {width}: on the left"));

        static bool IsArabic(string word) => word.Any(c => c is >= '\u0600' and <= '\u06FF');
    }

    // The report translated into the language, rendered to PDF by LibreOffice: page one's width, its words as pdftotext gives them
    // (each word's letters in the order they are drawn) and its lines, each left to right.
    private (double Width, IReadOnlyList<(string Word, double XMin, double XMax, double YMin)> Words, List<List<(string Word, double XMin, double XMax, double YMin)>> Lines)
        Render(string text, string language)
    {
        var directory = Directory.CreateTempSubdirectory($"wgig-{language}-").FullName;
        var docx = Path.Combine(directory, $"report.{language}.docx");
        File.WriteAllBytes(docx, Translated(text, language));
        var pdf = LibreOffice.ToPdf(docx);
        // Kept beside the PDF, to look at: page one of the report as a reader sees it.
        output.WriteLine($"Rendered: {LibreOffice.FirstPageToPng(pdf)}");
        var (width, words) = LibreOffice.FirstPage(pdf);
        return (width, words, [.. words.GroupBy(w => Math.Round(w.YMin)).Select(g => g.OrderBy(w => w.XMin).ToList())]);
    }

    [Fact]
    public void A_chinese_docx_renders_left_to_right_in_chinese()
    {
        var (width, _, lines) = Render(Chinese, "zh");
        var chineseLines = lines.Where(l => l.Any(w => w.Word.Contains(Chinese[..4], StringComparison.Ordinal))).ToList();
        Assert.True(chineseLines.Count >= 15, $"{chineseLines.Count} Chinese lines on page one");
        // Left to right: the text hangs from the left margin, and the paragraph number it ends with is on its right.
        Assert.All(chineseLines, line => Assert.True(line.Min(w => w.XMin) < width - line.Max(w => w.XMax),
            $"a line runs from x = {line.Min(w => w.XMin)} to {line.Max(w => w.XMax)} of {width}: it hangs from the right margin"));
    }
}
