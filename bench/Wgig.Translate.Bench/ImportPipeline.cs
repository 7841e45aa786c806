using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Bench;

/// <summary>What an import does to a file, without the database: split, segment, write as XLIFF.</summary>
public static class ImportPipeline
{
    public static int Run(byte[] markdown, Stream xliff)
    {
        var blocks = new MarkdownImporter().Split(markdown).Value!;
        var drafts = DocumentSegmentation.Segment(blocks, "en");
        var keys = SegmentKeys.Assign(drafts.Select(d => d.Content.PlainText));
        using var writer = new Xliff2Writer(xliff, "en", "fr");
        writer.StartFile("f1", "report.md");
        for (var i = 0; i < drafts.Count; i++)
        {
            writer.WriteUnit(new XliffUnit(keys[i], drafts[i].Content));
        }
        return drafts.Count;
    }

    /// <summary>The sample report repeated: about 3.7 MB and 585k words at 200 times.</summary>
    public static byte[] Sample(int times)
    {
        var sample = File.ReadAllText(FindSample());
        return System.Text.Encoding.UTF8.GetBytes(string.Join("\n\n", Enumerable.Repeat(sample, times)));
    }

    /// <summary>The shared sample report in one of its formats (md, txt, docx, html), found beside the checkout.</summary>
    internal static string FindSample(string extension = "md")
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples", $"wgig-preliminary-report-2005.{extension}");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"shared/samples/wgig-preliminary-report-2005.{extension} not found beside the checkout.");
    }
}
