using System.Text;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Formats;

public sealed class MarkdownImporterTests
{
    private static IReadOnlyList<SourceBlock> Split(string markdown)
    {
        var blocks = new MarkdownImporter().Split(Encoding.UTF8.GetBytes(markdown));
        Assert.True(blocks.Succeeded, blocks.Error?.Detail);
        return blocks.Value;
    }

    [Fact]
    public void The_sample_report_splits_into_its_headings_numbered_paragraphs_bullets_and_loose_paragraphs()
    {
        var blocks = new MarkdownImporter().Split(Samples.Markdown).Value!;

        // Counted in the file by hand: 1 title + 8 section (##) + 7 sub-section (###) headings; paragraphs
        // "1." to "41." are Markdown ordered-list items; 20 "- " bullets; and the four "(i)"–"(iv)" lines
        // after paragraph 34 stand unindented after a blank line, so they are plain paragraphs.
        Assert.Equal(16, blocks.Count(b => b.Kind == BlockKind.Heading));
        Assert.Equal(61, blocks.Count(b => b.Kind == BlockKind.ListItem));
        Assert.Equal(4, blocks.Count(b => b.Kind == BlockKind.Paragraph));
        Assert.Equal(81, blocks.Count);
        Assert.Equal(Enumerable.Range(1, 41).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "."),
            blocks.Where(b => b.Kind == BlockKind.ListItem && b.Number is not null && char.IsAsciiDigit(b.Number[0])).Select(b => b.Number));
        // Section numbers ("## 2. Establishment…") and item labels ("### (a) Mandate", "(i) Issues…") are structure too.
        Assert.Equal(["1.", "2.", "(a)", "(b)", "3.", "4.", "5.", "(a)", "(b)", "(c)", "(d)", "(e)", "6.", "7."],
            blocks.Where(b => b.Kind == BlockKind.Heading && b.Number is not null).Select(b => b.Number));
    }

    [Fact]
    public void A_list_number_keeps_the_delimiter_the_paper_prints()
    {
        Assert.Equal(["17.", "18."], Split("17. The group met.\n18. It wrote.\n").Select(b => b.Number));
        Assert.Equal(["3)", "4)"], Split("3) The group met.\n4) It wrote.\n").Select(b => b.Number));
    }

    [Fact]
    public void Paragraph_numbers_are_structure_and_stay_out_of_the_text()
    {
        var blocks = new MarkdownImporter().Split(Samples.Markdown).Value!;

        var seventeen = blocks.Single(b => b.Number == "17.");
        Assert.StartsWith("Translation of key documents", seventeen.Text, StringComparison.Ordinal);
        Assert.StartsWith("**Translation of key documents", seventeen.Content.ToOriginal(), StringComparison.Ordinal);
        Assert.Equal(1, seventeen.Level);
        var title = blocks[0];
        Assert.Equal((BlockKind.Heading, 1), (title.Kind, title.Level));
        Assert.Equal("Preliminary Report of the Working Group on Internet Governance (WGIG)", title.Text);
    }

    [Fact]
    public void Code_front_matter_html_and_link_definitions_are_not_translatable()
    {
        var blocks = Split("""
            ---
            title: Report
            ---
            # Title

            ```
            code();
            ```

                indented code

            <div>html</div>

            [ref]: http://example.org

            Text with a [link][ref].
            """);

        Assert.Equal(["Title", "Text with a link."], blocks.Select(b => b.Text));
        Assert.Equal("Text with a [link][ref].", blocks[1].Content.ToOriginal());
    }

    [Fact]
    public void Quotes_tables_and_footnotes_are_kinds_of_their_own()
    {
        var blocks = Split("""
            > Quoted words.

            | Name | Role |
            |------|------|
            | Desai | Chairman |

            A claim.[^1]

            [^1]: The source.
            """);

        Assert.Equal(
            [(BlockKind.Quote, "Quoted words."), (BlockKind.TableCell, "Name"), (BlockKind.TableCell, "Role"),
             (BlockKind.TableCell, "Desai"), (BlockKind.TableCell, "Chairman"), (BlockKind.Paragraph, "A claim.[^1]"),
             (BlockKind.Footnote, "The source.")],
            blocks.Select(b => (b.Kind, b.Content.ToOriginal())));
    }

    [Fact]
    public void A_paragraph_wrapped_inside_a_list_item_reads_as_one_line()
    {
        var blocks = Split("3. First line\n   second *line*.\n\n   Second paragraph of the item.\n");

        Assert.Equal([("3.", "First line second *line*."), (null, "Second paragraph of the item.")],
            blocks.Select(b => (b.Number, b.Content.ToOriginal())));
    }

    [Fact]
    public void Windows_line_ends_split_like_unix_ones() =>
        Assert.Equal(Split("# A\n\nB\nC\n").Select(b => b.Text), Split("# A\r\n\r\nB\r\nC\r\n").Select(b => b.Text));
}

public sealed class MarkdownCodesAndRebuildTests
{
    private static readonly MarkdownImporter Importer = new();

    private static SourceBlock Single(string markdown) => Assert.Single(Importer.Split(Encoding.UTF8.GetBytes(markdown)).Value!);

    [Fact]
    public void Emphasis_links_code_and_breaks_become_codes_carrying_their_markup()
    {
        var block = Single("See **bold** and _it_ in [the site](http://x.org \"T\"), `code()`, ![logo](l.png) and<br>more  \nend.");

        Assert.Equal("See bold and it in the site, ,  andmoreend.", block.Text);
        Assert.Equal(
            [(CodeKind.Open, "bold", "**"), (CodeKind.Close, "bold", "**"), (CodeKind.Open, "italic", "_"), (CodeKind.Close, "italic", "_"),
             (CodeKind.Open, "link", "["), (CodeKind.Close, "link", "](http://x.org \"T\")"), (CodeKind.Standalone, "code", "`code()`"),
             (CodeKind.Standalone, "image", "![logo](l.png)"), (CodeKind.Standalone, "html", "<br>"), (CodeKind.Standalone, "break", "  \n")],
            block.Content.Codes.Select(c => (c.Kind, c.Type, c.Data)));
        Assert.Equal("See **bold** and _it_ in [the site](http://x.org \"T\"), `code()`, ![logo](l.png) and<br>more  \nend.", block.Content.ToOriginal());
    }

    [Fact]
    public void Stray_private_use_characters_cannot_pose_as_codes() =>
        Assert.Empty(Single("Text \uE000 with a private-use character.").Content.Codes);

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void The_sample_comes_back_byte_for_byte_when_nothing_is_translated(string lineEnd)
    {
        var original = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Samples.Markdown).Replace("\n", lineEnd, StringComparison.Ordinal));
        var blocks = Importer.Split(original).Value!;

        var rebuilt = Importer.Rebuild(original, new SegmentContent?[blocks.Count]).Value!;

        Assert.Equal(original, rebuilt);
    }

    [Fact]
    public void A_byte_order_mark_survives_the_round_trip()
    {
        byte[] original = [0xEF, 0xBB, 0xBF, .. "# Title\n\nText.\n"u8];

        Assert.Equal(original, Importer.Rebuild(original, [null, null]).Value);
    }

    [Fact]
    public void A_translated_block_replaces_only_its_text_and_keeps_markup_structure_and_codes()
    {
        var original = "12. The *WSIS Declaration* was\n    adopted.\n\n13. Untouched   paragraph.\n"u8.ToArray();
        var source = Importer.Split(original).Value![0].Content;
        var italic = source.CodedText.IndexOf(SegmentContent.MarkerFor(0), StringComparison.Ordinal);
        Assert.Equal(4, italic);
        var translation = new SegmentContent($"La {SegmentContent.MarkerFor(0)}Déclaration du SMSI{SegmentContent.MarkerFor(1)} fut adoptée [enfin].", source.Codes);

        var rebuilt = Encoding.UTF8.GetString(Importer.Rebuild(original, [translation, null]).Value!);

        Assert.Equal("12. La *Déclaration du SMSI* fut adoptée \\[enfin\\].\n\n13. Untouched   paragraph.\n", rebuilt);
    }

    [Fact]
    public void A_translation_that_looks_like_a_block_marker_is_escaped()
    {
        var original = "Text.\n"u8.ToArray();

        Assert.Equal("\\# not a heading\n", Encoding.UTF8.GetString(Importer.Rebuild(original, [SegmentContent.FromText("# not a heading")]).Value!));
        Assert.Equal("1\\. not a list\n", Encoding.UTF8.GetString(Importer.Rebuild(original, [SegmentContent.FromText("1. not a list")]).Value!));
    }

    [Theory]
    [InlineData(200, ">")]
    [InlineData(200, "- ")]
    [InlineData(5000, "[")]
    public void Hostile_nesting_is_refused_before_parsing(int depth, string marker)
    {
        var markdown = string.Concat(Enumerable.Repeat(marker, depth)) + "text";

        Assert.IsType<TooDeeplyNested>(Importer.Split(Encoding.UTF8.GetBytes(markdown)).Error);
    }

    [Fact]
    public void Long_rules_and_tables_are_not_mistaken_for_nesting()
    {
        var markdown = "Title\n" + new string('=', 80) + "\n\n" + new string('-', 80) + "\n\n| a | b |\n|---|---|\n| c | d |\n";

        Assert.Equal(["Title", "a", "b", "c", "d"], Importer.Split(Encoding.UTF8.GetBytes(markdown)).Value!.Select(b => b.Text));
    }
}
