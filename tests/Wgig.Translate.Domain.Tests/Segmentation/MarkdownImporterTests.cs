using System.Text;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Segmentation;

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
        Assert.Equal(Enumerable.Range(1, 41).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            blocks.Where(b => b.Number is not null).Select(b => b.Number));
    }

    [Fact]
    public void Paragraph_numbers_are_structure_and_stay_out_of_the_text()
    {
        var blocks = new MarkdownImporter().Split(Samples.Markdown).Value!;

        var seventeen = blocks.Single(b => b.Number == "17");
        Assert.StartsWith("**Translation of key documents", seventeen.Text, StringComparison.Ordinal);
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

        Assert.Equal(["Title", "Text with a [link][ref]."], blocks.Select(b => b.Text));
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
            blocks.Select(b => (b.Kind, b.Text)));
    }

    [Fact]
    public void A_paragraph_wrapped_inside_a_list_item_keeps_its_lines_without_the_indent()
    {
        var blocks = Split("3. First line\n   second *line*.\n\n   Second paragraph of the item.\n");

        Assert.Equal([("3", "First line\nsecond *line*."), (null, "Second paragraph of the item.")],
            blocks.Select(b => (b.Number, b.Text)));
    }

    [Fact]
    public void Windows_line_ends_split_like_unix_ones() =>
        Assert.Equal(Split("# A\n\nB\nC\n").Select(b => b.Text), Split("# A\r\n\r\nB\r\nC\r\n").Select(b => b.Text));
}
