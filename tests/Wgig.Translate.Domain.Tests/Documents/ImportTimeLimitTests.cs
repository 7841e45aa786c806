using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Documents;

/// <summary>
/// An import or export over its time limit is answered at once, and its work is told to stop: every importer and the
/// segmenter check the token as they go, so a file slow in a way nobody foresaw does not keep a processor busy afterwards.
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

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_importer_stops_writing_a_document_out_when_told(string importer, byte[] sample)
    {
        var blocks = Importer(importer).Split(sample).Value!;
        var translations = blocks.Select(b => (SegmentContent?)b.Content).ToList();

        Assert.ThrowsAny<OperationCanceledException>(() => Importer(importer).Rebuild(sample, translations, cancellationToken: new CancellationToken(canceled: true)));
        Assert.True(Importer(importer).Rebuild(sample, translations).Succeeded);
    }

    [Fact]
    public async Task Work_over_the_limit_is_answered_at_once_and_told_to_stop()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var (inTime, _) = await TimeLimit.RunAsync(token =>
        {
            while (!token.IsCancellationRequested)
            {
                Thread.Sleep(1);
            }
            stopped.SetResult();
            return 0;
        }, TimeSpan.FromMilliseconds(50), CancellationToken.None);

        Assert.False(inTime);
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Work_in_time_gives_its_value()
    {
        Assert.Equal((true, 42), await TimeLimit.RunAsync(_ => 42, TimeSpan.FromSeconds(30), CancellationToken.None));
    }

    [Fact]
    public void Segmenting_stops_when_told()
    {
        var blocks = new MarkdownImporter().Split(Samples.Markdown).Value!;

        Assert.ThrowsAny<OperationCanceledException>(() => DocumentSegmentation.Segment(blocks, "en", new CancellationToken(canceled: true)));
        Assert.NotEmpty(DocumentSegmentation.Segment(blocks, "en"));
    }
}
