using System.Text;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Segmentation;

public sealed class PlainTextImporterTests
{
    [Fact]
    public void Paragraphs_are_separated_by_blank_lines_and_wrapped_lines_are_joined()
    {
        var blocks = new PlainTextImporter().Split(Encoding.UTF8.GetBytes("12\nFirst line\n  wrapped.\n\n\n Another.\n")).Value!;

        Assert.Equal([("12", "First line wrapped."), (null, "Another.")], blocks.Select(b => (b.Number, b.Text)));
    }

    [Fact]
    public void The_sample_report_keeps_its_41_paragraph_numbers()
    {
        var blocks = new PlainTextImporter().Split(Samples.PlainText).Value!;

        // The extracted text prints each paragraph number on its own line above the paragraph. Section
        // numbers ("1" above "Introduction") print the same way, so 1..6 occur twice; telling the two
        // apart is the UN-paper importer's job, not this plain splitter's.
        var numbers = blocks.Where(b => b.Number is not null).Select(b => int.Parse(b.Number!, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Subset(numbers, Enumerable.Range(1, 41).ToHashSet());
        Assert.StartsWith("The Working Group on Internet Governance (WGIG) held", blocks.First(b => b.Number == "1").Text, StringComparison.Ordinal);
        Assert.StartsWith("Two more meetings are planned", Assert.Single(blocks, b => b.Number == "2" && b.Text.Length > 100).Text, StringComparison.Ordinal);
    }
}
