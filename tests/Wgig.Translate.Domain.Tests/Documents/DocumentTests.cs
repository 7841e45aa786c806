using System.Text;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Documents;

public sealed class DocumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static Document Import(byte[] content, IDocumentImporter importer, string path = "report.md") =>
        Document.Import(Guid.NewGuid(), DocumentPath.Parse(path).Value!, importer.Format, content,
            DocumentSegmentation.Segment(importer.Split(content).Value!, "en"), VersionOrigin.Upload, Now);

    [Fact]
    public void The_markdown_sample_is_cut_into_142_sentences()
    {
        var document = Import(Samples.Markdown, new MarkdownImporter());

        // 81 blocks (see MarkdownImporterTests). The 16 headings and 20 bullets are one sentence each;
        // the 41 numbered paragraphs hold 99 sentences and the 4 "(i)"–"(iv)" paragraphs 7. The rules
        // (each case is in SentenceSegmenterTests) do not break after "Mr" (no stop in this text), in dates
        // ("24 - 26 June 2004"), inside the URL ending paragraph 20, or before the closing quotes of
        // paragraph 2; every stop followed by a space and a capital breaks. OmegaT's default rules give
        // about 190 on the same text read as plain text, because they also cut at every paragraph number,
        // section number and list marker, which are structure here, not sentences.
        Assert.Equal(142, document.Segments.Count);
        Assert.Equal(81, document.Segments.Select(s => s.Paragraph).Distinct().Count());
        Assert.Equal(36, document.Segments.Count(s => s.Kind == BlockKind.Heading || s.Kind == BlockKind.ListItem && !char.IsAsciiDigit((s.Number ?? "x")[0])));
        Assert.Equal(7, document.Segments.Count(s => s.Kind == BlockKind.Paragraph));
        Assert.Equal(99, document.Segments.Count(s => s.Kind == BlockKind.ListItem && char.IsAsciiDigit((s.Number ?? "x")[0])));
    }

    [Fact]
    public void Importing_records_the_first_version_with_its_bytes_hash_and_counts()
    {
        var content = Samples.Markdown;

        var document = Import(content, new MarkdownImporter());

        var version = Assert.Single(document.Versions);
        Assert.Equal((1, 1, content.Length), (document.CurrentVersion, version.Number, version.Content.Length));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), version.Sha256);
        Assert.Equal(142, version.SegmentCount);
        Assert.Equal(document.Segments.Sum(s => s.WordCount), version.WordCount);
        Assert.Equal(Enumerable.Range(1, 142), document.Segments.Select(s => s.Ordinal));
        Assert.Equal(142, document.Segments.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public void The_plain_text_sample_is_cut_into_141_sentences() =>
        // 80 blocks; the same report as the Markdown, but without paragraph 33's link in parentheses,
        // which the Markdown sets as a sentence of its own.
        Assert.Equal(141, Import(Samples.PlainText, new PlainTextImporter(), "report.txt").Segments.Count);

    [Fact]
    public void Reimporting_the_same_text_yields_the_same_keys()
    {
        var content = Encoding.UTF8.GetBytes("# T\n\nOne. Two.\n\nOne.\n");

        var first = Import(content, new MarkdownImporter());
        var second = Import(content, new MarkdownImporter());

        Assert.Equal(first.Segments.Select(s => s.Key), second.Segments.Select(s => s.Key));
        Assert.Equal(["T", "One.", "Two.", "One."], first.Segments.Select(s => s.Content.PlainText));
        Assert.Equal(first.Segments[1].Key + "-2", first.Segments[3].Key);
    }
}
