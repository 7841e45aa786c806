using System.Text;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Formats;

public sealed class PlainTextImporterTests
{
    private static readonly PlainTextImporter Importer = new();

    private static IReadOnlyList<SourceBlock> Split(string text) => Importer.Split(Encoding.UTF8.GetBytes(text)).Value!;

    [Fact]
    public void The_sample_paper_reads_as_numbered_paragraphs_sections_labels_and_bullets()
    {
        var blocks = Importer.Split(Samples.PlainText).Value!;

        // 41 paragraphs numbered 1–41 on their own line; 7 sections ("1" above "Introduction"…), 7
        // lettered sub-headings ("(a)" above "Mandate"…) and the unnumbered "Executive Summary" title;
        // 18 "·" bullets, paragraph 10's items "(ii)" and "(iii)" and the 4 "(i)"–"(iv)" items after
        // paragraph 34. The rule of underscores at the end is not text.
        Assert.Equal(Enumerable.Range(1, 41).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Number));
        Assert.Equal(["Executive Summary", "Introduction", "Establishment of the Working Group on Internet Governance", "Mandate"],
            blocks.Where(b => b.Kind == BlockKind.Heading).Take(4).Select(b => b.Text));
        Assert.Equal([null, "1", "2", "(a)", "(b)", "3", "4", "5", "(a)", "(b)", "(c)", "(d)", "(e)", "6", "7"],
            blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Number));
        Assert.Equal(18, blocks.Count(b => b.Number == "·"));
        Assert.Equal(["(ii)", "(iii)", "(i)", "(ii)", "(iii)", "(iv)"], blocks.Where(b => b.Number is ['(', 'i' or 'v', ..]).Select(b => b.Number));
        Assert.Equal(80, blocks.Count);
    }

    [Fact]
    public void Wrapped_lines_join_with_a_space_or_without_one_before_punctuation()
    {
        var blocks = Split("14\nThe guiding principles are set out in the Plan of Action\n.  The WGIG agreed\n that it would.\n");

        Assert.Equal("The guiding principles are set out in the Plan of Action. The WGIG agreed that it would.", Assert.Single(blocks).Text);
    }

    [Fact]
    public void Short_blocks_without_a_stop_are_titles_and_long_ones_are_paragraphs()
    {
        var blocks = Split("3\nProcess and Working Methods\n\n4\nThe WGIG sees itself not as a negotiating body.\n\n(c)\nIssue papers\n\n(b)\nA long labelled passage that runs on and on with more than twenty words in it so that nobody could mistake it for a title of any kind\n");

        Assert.Equal([(BlockKind.Heading, "3"), (BlockKind.Paragraph, "4"), (BlockKind.Heading, "(c)"), (BlockKind.ListItem, "(b)")],
            blocks.Select(b => (b.Kind, b.Number)));
    }

    [Fact]
    public void The_sample_comes_back_byte_for_byte_when_nothing_is_translated()
    {
        var blocks = Importer.Split(Samples.PlainText).Value!;

        Assert.Equal(Samples.PlainText, Importer.Rebuild(Samples.PlainText, new SegmentContent?[blocks.Count]).Value);
    }

    [Fact]
    public void A_translated_paragraph_keeps_its_number_line_and_the_rest_of_the_file()
    {
        var original = "Title\r\n\r\n12\r\nFirst line\r\n wrapped.\r\n\r\n13\r\nOther.\r\n"u8.ToArray();

        var rebuilt = Importer.Rebuild(original, [null, SegmentContent.FromText("Première ligne."), null]).Value!;

        Assert.Equal("Title\r\n\r\n12\r\nPremière ligne.\r\n\r\n13\r\nOther.\r\n", Encoding.UTF8.GetString(rebuilt));
    }

    [Fact]
    public void Binary_content_is_refused_as_not_text() =>
        Assert.Contains("binary file", Importer.Split(new byte[] { (byte)'P', (byte)'K', 3, 4, 0, 0 }).Error!.Detail, StringComparison.Ordinal);
}

public sealed class PlainTextFootnoteTests
{
    [Theory]
    [InlineData("It called for “action”3 by 2005.", "It called for “action” by 2005.", "3")]
    [InlineData("As set out in the Plan of Action.12 The WGIG agreed.", "As set out in the Plan of Action. The WGIG agreed.", "12")]
    public void Footnote_references_that_lost_their_superscript_become_codes(string text, string plain, string marker)
    {
        var block = Assert.Single(new PlainTextImporter().Split(System.Text.Encoding.UTF8.GetBytes(text)).Value!);

        Assert.Equal(plain, block.Text);
        Assert.Equal(("footnote", marker), (block.Content.Codes.Single().Type, block.Content.Codes.Single().Data));
        Assert.Equal(text, block.Content.ToOriginal());
    }

    [Theory]
    [InlineData("Version 1.2 of the text, held on 24 - 26 June 2004.")]
    [InlineData("Paragraph 13 (b) of the Plan.")]
    [InlineData("Over 250 participants attended.")]
    public void Numbers_in_running_text_are_not_footnotes(string text) =>
        Assert.Empty(Assert.Single(new PlainTextImporter().Split(System.Text.Encoding.UTF8.GetBytes(text)).Value!).Content.Codes);
}
