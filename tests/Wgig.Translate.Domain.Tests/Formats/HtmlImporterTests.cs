using System.Text;
using AngleSharp.Html.Parser;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Formats;

public sealed class HtmlImporterTests
{
    private static readonly HtmlImporter Importer = new();

    private static byte[] SampleHtml => File.ReadAllBytes(Path.Combine(Samples.Directory, "wgig-preliminary-report-2005.html"));

    private static string TextContent(byte[] html) => new HtmlParser().ParseDocument(Encoding.UTF8.GetString(html)).DocumentElement.TextContent;

    [Fact]
    public void The_sample_page_has_the_reports_blocks_plus_its_title_and_header()
    {
        var blocks = Importer.Split(SampleHtml).Value!;

        // The report's 81 blocks as in the Markdown it was made from, plus <title> and pandoc's title header.
        Assert.Equal(83, blocks.Count);
        Assert.Equal(["Preliminary Report of the WGIG", "Preliminary Report of the WGIG"], blocks.Take(2).Select(b => b.Text));
        Assert.Equal(Enumerable.Range(1, 41).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "."),
            blocks.Where(b => b.Kind == BlockKind.ListItem && b.Number is [>= '0' and <= '9', ..]).Select(b => b.Number));
        Assert.Equal(["(ii)", "(iii)"], blocks.Where(b => b.Kind == BlockKind.ListItem && b.Number is ['(', ..]).Take(2).Select(b => b.Number));
        Assert.Equal(["1.", "2.", "(a)"], blocks.Where(b => b.Kind == BlockKind.Heading && b.Number is not null).Take(3).Select(b => b.Number));
    }

    [Fact]
    public void Inline_elements_become_codes_and_script_style_and_pre_are_left_alone()
    {
        var html = "<p>Read <a href=\"/x?a=1&amp;b=2\">the <em>full</em> text</a>.<br>Now.</p><script>var x = 1;</script><pre>code</pre>"u8.ToArray();

        var block = Assert.Single(Importer.Split(html).Value!);

        Assert.Equal("Read the full text.Now.", block.Text);
        Assert.Equal(["<a href=\"/x?a=1&amp;b=2\">", "<em>", "</em>", "</a>", "<br>"], block.Content.Codes.Select(c => c.Data));
    }

    [Fact]
    public void Without_translations_the_text_content_comes_back_unchanged()
    {
        var blocks = Importer.Split(SampleHtml).Value!;

        var rebuilt = Importer.Rebuild(SampleHtml, new SegmentContent?[blocks.Count]).Value!;

        Assert.Equal(TextContent(SampleHtml), TextContent(rebuilt));
    }

    [Fact]
    public void A_translated_block_keeps_its_element_and_inline_markup()
    {
        var html = "<h2>1. Introduction</h2><p>The <em>WSIS</em> met &amp; agreed.</p>"u8.ToArray();
        var blocks = Importer.Split(html).Value!;
        var source = blocks[1].Content;
        var translation = new SegmentContent($"Le {SegmentContent.MarkerFor(0)}SMSI{SegmentContent.MarkerFor(1)} s’est réuni <et> a convenu.", source.Codes);

        var rebuilt = Encoding.UTF8.GetString(Importer.Rebuild(html, [SegmentContent.FromText("Introduction FR"), translation]).Value!);

        Assert.Equal("<h2>1. Introduction FR</h2><p>Le <em>SMSI</em> s’est réuni &lt;et&gt; a convenu.</p>", rebuilt);
    }

    [Fact]
    public void Absurdly_deep_nesting_is_refused()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 2000)) + "text";

        Assert.IsType<TooDeeplyNested>(Importer.Split(Encoding.UTF8.GetBytes(html)).Error);
    }

    [Theory]
    [InlineData(HtmlImporter.MaxDepth - 1, true)]
    [InlineData(HtmlImporter.MaxDepth, false)]
    public void Elements_may_nest_as_deep_as_the_limit_and_no_deeper(int divs, bool imported)
    {
        // <html> is level 0 and <body> level 1, so the innermost of n <div> lies at level n + 1, and so does the paragraph
        // beside it (made after it, so that the parser's guard sees the innermost <div>, not only the check of the tree).
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", divs)) + "text</div><p>After.</p>";

        var split = Importer.Split(Encoding.UTF8.GetBytes(html));

        Assert.Equal(imported, split.Succeeded);
        Assert.Equal(imported ? null : typeof(TooDeeplyNested), split.Error?.GetType());
    }

    [Theory]
    [InlineData("<p>Run <code>{0}x</code> now.</p>", "span")]
    [InlineData("<p>{0}x</p>", "em")]
    [InlineData("<svg>{0}</svg><p>Text.</p>", "g")]
    [InlineData("<template>{0}</template><p>Text.</p>", "div")]
    public void Deep_nesting_of_inline_and_untranslatable_elements_is_refused_too(string page, string element)
    {
        var html = string.Format(System.Globalization.CultureInfo.InvariantCulture, page,
            string.Concat(Enumerable.Repeat($"<{element}>", HtmlImporter.MaxDepth + 1)));

        Assert.IsType<TooDeeplyNested>(Importer.Split(Encoding.UTF8.GetBytes(html)).Error);
    }

    [Fact]
    public void Megabytes_of_nesting_are_refused_while_the_parser_reaches_the_limit()
    {
        // The parser's time grows with the square of the depth: built whole, this page would take hours (the time limit
        // stops it instead, and the test fails rather than hangs).
        var html = string.Concat(Enumerable.Repeat("<div>", 1_000_000)) + "text";
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        Assert.IsType<TooDeeplyNested>(Importer.Split(Encoding.UTF8.GetBytes(html), limit.Token).Error);
    }

    [Fact]
    public void A_list_of_two_hundred_thousand_items_is_numbered_in_one_pass()
    {
        // Numbered item by item, such a list took n² steps: hours for a 10 MB file.
        var html = "<ol start=\"3\">" + string.Concat(Enumerable.Repeat("<li>Item", 200_000)) + "</ol>";
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var blocks = Importer.Split(Encoding.UTF8.GetBytes(html), limit.Token).Value!;

        Assert.Equal(200_000, blocks.Count);
        Assert.Equal(("3.", "4.", "200002."), (blocks[0].Number, blocks[1].Number, blocks[^1].Number));
    }

    [Fact]
    public void A_paragraph_with_more_inline_codes_than_a_segment_holds_is_refused()
    {
        var html = "<p>" + string.Concat(Enumerable.Repeat("<b>a</b> ", SegmentContent.MaxCodes / 2)) + "<br></p>";

        Assert.Throws<TooManyInlineCodesException>(() => Importer.Split(Encoding.UTF8.GetBytes(html)));
        Assert.True(Importer.Split(Encoding.UTF8.GetBytes(html.Replace("<br>", "", StringComparison.Ordinal))).Succeeded);
    }
}
