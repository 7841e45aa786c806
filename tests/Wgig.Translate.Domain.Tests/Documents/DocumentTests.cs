using System.Text;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Documents;

public sealed class DocumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Importing_records_the_first_version_with_its_bytes_hash_and_counts()
    {
        var content = Samples.Markdown;
        var blocks = new MarkdownImporter().Split(content).Value!;

        var document = Document.Import(Guid.NewGuid(), DocumentPath.Parse("report.md").Value!, DocumentFormat.Markdown,
            content, blocks, VersionOrigin.Upload, Now);

        var version = Assert.Single(document.Versions);
        Assert.Equal((1, 1, content.Length), (document.CurrentVersion, version.Number, version.Content.Length));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), version.Sha256);
        Assert.Equal(81, version.SegmentCount);
        Assert.Equal(document.Segments.Sum(s => s.WordCount), version.WordCount);
        Assert.Equal(Enumerable.Range(1, 81), document.Segments.Select(s => s.Ordinal));
        Assert.Equal(81, document.Segments.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public void Reimporting_the_same_text_yields_the_same_keys()
    {
        var content = Encoding.UTF8.GetBytes("# T\n\nOne.\n\nTwo.\n\nOne.\n");
        var blocks = new MarkdownImporter().Split(content).Value!;
        var path = DocumentPath.Parse("a.md").Value!;

        var first = Document.Import(Guid.NewGuid(), path, DocumentFormat.Markdown, content, blocks, VersionOrigin.Upload, Now);
        var second = Document.Import(Guid.NewGuid(), path, DocumentFormat.Markdown, content, blocks, VersionOrigin.Upload, Now.AddDays(1));

        Assert.Equal(first.Segments.Select(s => s.Key), second.Segments.Select(s => s.Key));
    }
}
