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
}
