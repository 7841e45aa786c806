using System.Text;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Domain.Xliff;

namespace Wgig.Translate.Domain.Tests.Xliff;

/// <summary>A published XLIFF file is indented, one unit a block, so a Git diff shows the units that changed.</summary>
public sealed class XliffLayoutTests
{
    private static SegmentContent Bold(string before, string bold, string after) => new(
        $"{before}{SegmentContent.MarkerFor(0)}{bold}{SegmentContent.MarkerFor(1)}{after}",
        [new InlineCode(1, CodeKind.Open, "bold", "**"), new InlineCode(1, CodeKind.Close, "bold", "**")]);

    private static string[] Write(string version, string secondTarget)
    {
        var units = new[]
        {
            new XliffUnit("k1", SegmentContent.FromText("The Working Group met."), SegmentContent.FromText("Le Groupe de travail s'est réuni."), TargetState.Approved, ["a note"]),
            new XliffUnit("k2", Bold("The ", "WSIS", " asked."), Bold("Le ", "SMSI", secondTarget), TargetState.Translated),
            new XliffUnit("k3", SegmentContent.FromText("Comments are welcome.")),
        };
        using var output = new MemoryStream();
        using (IXliffWriter writer = version == "1.2" ? new Xliff12Writer(output, "en", "fr") : new Xliff2Writer(output, "en", "fr"))
        {
            writer.StartFile("f1", "paper.md");
            foreach (var unit in units)
            {
                writer.WriteUnit(unit);
            }
        }
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n');
    }

    [Theory]
    [InlineData("2.1", "<unit id=\"k2\">")]
    [InlineData("1.2", "<trans-unit id=\"k2\">")]
    public void Changing_one_target_changes_only_that_units_target_line(string version, string unitStart)
    {
        var before = Write(version, " a demandé.");
        var after = Write(version, " a demandé un rapport.");

        Assert.Equal(before.Length, after.Length);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        var line = Assert.Single(changed);
        Assert.StartsWith("<target", after[line].TrimStart(), StringComparison.Ordinal);
        Assert.Contains("un rapport.", after[line], StringComparison.Ordinal);
        // The changed line sits inside the unit's own block, which starts on its own line.
        var start = Array.FindIndex(after, l => l.TrimStart().StartsWith(unitStart, StringComparison.Ordinal));
        var end = Array.FindIndex(after, start, l => l.Trim() is "</unit>" or "</trans-unit>");
        Assert.InRange(line, start + 1, end - 1);
    }

    [Theory]
    [InlineData("2.1")]
    [InlineData("1.2")]
    public void Structure_is_indented_by_level_and_content_is_left_as_it_is(string version)
    {
        var lines = Write(version, " a demandé.");

        Assert.True(lines.Length > 12, string.Join('\n', lines));
        Assert.All(lines.Skip(1), l => Assert.Equal(0, (l.Length - l.TrimStart(' ').Length) % 2));
        // Inline codes stay on the line of their source or target: no white space was added before them.
        Assert.Contains(lines, l => l.Contains(version == "1.2" ? ">The <g " : ">The <pc ", StringComparison.Ordinal));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        var read = XliffReader.Read(stream);
        Assert.True(read.Succeeded, read.Error?.Detail);
        var targets = XliffTargets.Read(read.Value!, key => key == "k2" ? Bold("The ", "WSIS", " asked.") : null).ToList();
        Assert.Equal(Bold("Le ", "SMSI", " a demandé.").CodedText, targets.Single(t => t.UnitId == "k2").Target!.CodedText);
    }
}
