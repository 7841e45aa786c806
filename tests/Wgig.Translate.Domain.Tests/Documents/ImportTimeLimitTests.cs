using Microsoft.Extensions.DependencyInjection;
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
    // Every importer the application registers, each with the sample report in its format. The rows are formats, not
    // files: a row's data goes to the test runner and back.
    private static readonly ImporterCatalog Importers =
        new ServiceCollection().AddDocumentImport().BuildServiceProvider().GetRequiredService<ImporterCatalog>();

    public static TheoryData<FileFormat> Formats => [.. Enum.GetValues<FileFormat>()];

    private static (IDocumentImporter Importer, byte[] Sample) ImporterAndSample(FileFormat format)
    {
        var importer = Importers.For(format);
        return (importer, File.ReadAllBytes(Path.Combine(Samples.Directory, "wgig-preliminary-report-2005" + importer.FileExtensions.First())));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_importer_stops_when_told_and_reads_the_sample_when_not(FileFormat format)
    {
        var (importer, sample) = ImporterAndSample(format);

        Assert.ThrowsAny<OperationCanceledException>(() => importer.Split(sample, new CancellationToken(canceled: true)));
        Assert.NotEmpty(importer.Split(sample, CancellationToken.None).Value!);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_importer_stops_writing_a_document_out_when_told(FileFormat format)
    {
        var (importer, sample) = ImporterAndSample(format);
        var translations = importer.Split(sample).Value!.Select(b => (SegmentContent?)b.Content).ToList();

        Assert.ThrowsAny<OperationCanceledException>(() => importer.Rebuild(sample, translations, cancellationToken: new CancellationToken(canceled: true)));
        Assert.True(importer.Rebuild(sample, translations).Succeeded);
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
