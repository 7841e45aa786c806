using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Formats;

public sealed class DocxImporterTests
{
    private static readonly DocxImporter Importer = new();

    private static byte[] SampleDocx => Samples.Docx;

    private static List<string> ParagraphTexts(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText)];
    }

    private static List<Paragraph> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => (Paragraph)p.CloneNode(true))];
    }

    [Fact]
    public void The_sample_document_has_the_same_81_blocks_as_the_markdown_it_was_made_from()
    {
        var blocks = Importer.Split(SampleDocx).Value!;

        Assert.Equal(81, blocks.Count);
        Assert.Equal(16, blocks.Count(b => b.Kind == BlockKind.Heading));
        // Word numbers the 41 paragraphs itself (w:numPr); the number shown is computed from the list's start.
        Assert.Equal(Enumerable.Range(1, 41).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "."),
            blocks.Where(b => b.Number is [>= '0' and <= '9', ..] && b.Kind == BlockKind.ListItem).Select(b => b.Number));
    }

    [Fact]
    public void Run_formatting_and_hyperlinks_are_codes_not_text()
    {
        var blocks = Importer.Split(SampleDocx).Value!;

        var seventeen = blocks.Single(b => b.Number == "17.");
        Assert.StartsWith("Translation of key documents and interpretation", seventeen.Text, StringComparison.Ordinal);
        Assert.Equal((CodeKind.Open, "bold"), (seventeen.Content.Codes[0].Kind, seventeen.Content.Codes[0].Type));
        var twentyFour = blocks.Single(b => b.Number == "24.");
        Assert.Contains(twentyFour.Content.Codes, c => c is { Kind: CodeKind.Open, Type: "link" });
        Assert.DoesNotContain("<w:", twentyFour.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_translations_every_paragraph_keeps_its_text()
    {
        var blocks = Importer.Split(SampleDocx).Value!;

        var rebuilt = Importer.Rebuild(SampleDocx, new SegmentContent?[blocks.Count]).Value!;

        Assert.Equal(ParagraphTexts(SampleDocx), ParagraphTexts(rebuilt));
    }

    [Fact]
    public void A_translated_paragraph_keeps_its_numbering_bold_run_and_hyperlink()
    {
        var blocks = Importer.Split(SampleDocx).Value!;
        var translations = new SegmentContent?[blocks.Count];
        var seventeen = blocks.Select((b, i) => (b, i)).Single(p => p.b.Number == "17.");
        var codes = seventeen.b.Content.Codes;
        translations[seventeen.i] = new SegmentContent(
            $"{SegmentContent.MarkerFor(0)}La traduction est une priorité{SegmentContent.MarkerFor(1)} pour le GTGI.", codes);
        var twentyFour = blocks.Select((b, i) => (b, i)).Single(p => p.b.Number == "24.");
        var link = twentyFour.b.Content.Codes.Select((c, i) => (c, i)).Where(p => p.c.Type == "link").Select(p => p.i).ToList();
        translations[twentyFour.i] = new SegmentContent(
            $"Voir le plan ({SegmentContent.MarkerFor(link[0])}lien{SegmentContent.MarkerFor(link[1])}).", twentyFour.b.Content.Codes);

        var rebuilt = Paragraphs(Importer.Rebuild(SampleDocx, translations).Value!);

        var bold = rebuilt.Single(p => p.InnerText.StartsWith("La traduction", StringComparison.Ordinal));
        Assert.Equal("La traduction est une priorité pour le GTGI.", bold.InnerText);
        Assert.NotNull(bold.Elements<Run>().First().RunProperties?.Bold);
        Assert.Null(bold.Elements<Run>().Last().RunProperties?.Bold);
        Assert.NotNull(bold.ParagraphProperties?.NumberingProperties);
        var linked = rebuilt.Single(p => p.InnerText.StartsWith("Voir le plan", StringComparison.Ordinal));
        Assert.Equal("lien", Assert.Single(linked.Elements<Hyperlink>()).InnerText);
        Assert.Equal("rId28", linked.Elements<Hyperlink>().Single().Id?.Value);
    }

    [Theory]
    [InlineData("not a zip at all", "not a zip package")]
    [InlineData("PK\u0003\u0004garbage", "not a zip package")]
    public void A_file_that_is_not_a_docx_is_refused_with_a_reason(string content, string reason)
    {
        var error = Assert.IsType<MalformedDocument>(Importer.Split(System.Text.Encoding.Latin1.GetBytes(content)).Error);
        Assert.Contains(reason, error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("word/document.xml")]
    [InlineData("[Content_Types].xml")]
    [InlineData("word/_rels/document.xml.rels")]
    public void A_part_declaring_a_dtd_is_refused_in_our_words_naming_the_part(string part)
    {
        var error = Assert.IsType<MalformedDocument>(Importer.Split(Samples.DocxWithDtd(part)).Error);

        Assert.Contains($"its part {part} declares a DTD", error.Detail, StringComparison.Ordinal);
        Assert.Contains("DTDs are not allowed", error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("DtdProcessing", error.Detail, StringComparison.Ordinal);
        Assert.IsType<MalformedDocument>(Importer.Rebuild(Samples.DocxWithDtd(part), []).Error);
    }

    [Fact]
    public void A_zip_without_a_document_part_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("hi");
        }

        Assert.Contains("no main document part", Importer.Split(buffer.ToArray()).Error!.Detail, StringComparison.Ordinal);
    }
}
