using System.Text;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Xliff;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Xliff;

public sealed class Xliff2WriterTests
{
    [Fact]
    public void The_sample_written_as_xliff_passes_the_schema_and_the_processing_requirements()
    {
        var drafts = DocumentSegmentation.Segment(new MarkdownImporter().Split(Samples.Markdown).Value!, "en");
        var keys = SegmentKeys.Assign(drafts.Select(d => d.Content.PlainText));
        using var output = new MemoryStream();
        using (var writer = new Xliff2Writer(output, "en", "fr"))
        {
            writer.StartFile("f1", "report.md");
            for (var i = 0; i < drafts.Count; i++)
            {
                writer.WriteUnit(new XliffUnit(keys[i], drafts[i].Content, Notes: drafts[i].Block.Number is { } n ? [$"paragraph {n}"] : null));
            }
        }

        output.Position = 0;
        var read = XliffReader.Read(output);

        Assert.True(read.Succeeded, read.Error?.Detail);
        Assert.Equal(142, read.Value!.Xml.Descendants((System.Xml.Linq.XNamespace)XliffSchemas.Core2Namespace + "unit").Count());
        Assert.Equal(8, read.Value.Xml.Descendants((System.Xml.Linq.XNamespace)XliffSchemas.Core2Namespace + "pc").Count());
    }

    [Fact]
    public void Codes_split_across_sentences_are_isolated_and_awkward_text_survives()
    {
        var builder = new ContentBuilder();
        var bold = builder.Open("bold", "**");
        builder.Text("Ends here. Starts <&> \U0001F600 \u200F here");
        builder.Close(bold, "bold", "**");
        var sentences = SentenceSegmenter.Split(builder.Build(), "en");
        using var output = new MemoryStream();
        using (var writer = new Xliff2Writer(output, "en", null))
        {
            writer.StartFile("f1");
            writer.WriteUnit(new XliffUnit("u1", sentences[0].Content));
            writer.WriteUnit(new XliffUnit("u2", sentences[1].Content));
        }

        var xml = Encoding.UTF8.GetString(output.ToArray());

        Assert.Contains("<sc id=\"1\" isolated=\"yes\" dataRef=\"d1\" />Ends here.", xml, StringComparison.Ordinal);
        Assert.Contains("Starts &lt;&amp;&gt; \U0001F600 \u200F here<ec id=\"1\" isolated=\"yes\" dataRef=\"d1e\" />", xml, StringComparison.Ordinal);
        output.Position = 0;
        Assert.True(XliffReader.Read(output).Succeeded);
    }
}
