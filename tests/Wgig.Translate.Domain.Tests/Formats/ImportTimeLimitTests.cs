using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Formats;

/// <summary>
/// An import over its time limit is answered at once, and its work is told to stop: every importer and the segmenter
/// check the token as they go, so a file slow in a way nobody foresaw does not keep a processor busy afterwards.
/// </summary>
public sealed class ImportTimeLimitTests
{
    public static TheoryData<string, byte[]> SampleFiles => new()
    {
        { nameof(MarkdownImporter), Samples.Markdown },
        { nameof(PlainTextImporter), Samples.PlainText },
        { nameof(DocxImporter), Samples.Docx },
        { nameof(HtmlImporter), File.ReadAllBytes(Path.Combine(Samples.Directory, "wgig-preliminary-report-2005.html")) },
    };

    private static IDocumentImporter Importer(string name) => name switch
    {
        nameof(MarkdownImporter) => new MarkdownImporter(),
        nameof(PlainTextImporter) => new PlainTextImporter(),
        nameof(DocxImporter) => new DocxImporter(),
        _ => new HtmlImporter(),
    };

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_importer_stops_when_told_and_reads_the_sample_when_not(string importer, byte[] sample)
    {
        Assert.ThrowsAny<OperationCanceledException>(() => Importer(importer).Split(sample, new CancellationToken(canceled: true)));
        Assert.NotEmpty(Importer(importer).Split(sample, CancellationToken.None).Value!);
    }

    [Fact]
    public void Segmenting_stops_when_told()
    {
        var blocks = new MarkdownImporter().Split(Samples.Markdown).Value!;

        Assert.ThrowsAny<OperationCanceledException>(() => DocumentSegmentation.Segment(blocks, "en", new CancellationToken(canceled: true)));
        Assert.NotEmpty(DocumentSegmentation.Segment(blocks, "en"));
    }
}
