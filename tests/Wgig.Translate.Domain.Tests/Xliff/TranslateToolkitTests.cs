using System.Text.RegularExpressions;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Domain.Xliff;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Xliff;

/// <summary>Our XLIFF 1.2 read by a real peer: translate-toolkit's xliff2po (Debian package translate-toolkit).</summary>
[Trait("Needs", "Peer")]
public sealed partial class TranslateToolkitTests
{
    [GeneratedRegex(@"^#: (?<id>\S+)\n(?<fuzzy>#, fuzzy\n)?msgid (?<msgid>(?:"".*""\n)+)msgstr (?<msgstr>(?:"".*""\n?)+)", RegexOptions.Multiline)]
    private static partial Regex Entry();

    [Fact]
    public void Xliff2po_reads_every_unit_with_its_translation_and_review_state()
    {
        var drafts = DocumentSegmentation.Segment(new MarkdownImporter().Split(Samples.Markdown).Value!, "en");
        var keys = SegmentKeys.Assign(drafts.Select(d => d.Content.PlainText));
        var work = Directory.CreateTempSubdirectory("xliff2po");
        var xliff = Path.Combine(work.FullName, "report.fr.xlf");
        using (var output = File.Create(xliff))
        using (var writer = new Xliff12Writer(output, "en", "fr"))
        {
            writer.StartFile("f1", "report.md");
            for (var i = 0; i < drafts.Count; i++)
            {
                var (target, state) = i switch
                {
                    0 => (SegmentContent.FromText("Rapport préliminaire"), TargetState.Approved),
                    1 => (SegmentContent.FromText("Résumé analytique"), TargetState.Translated),
                    _ => ((SegmentContent?)null, TargetState.Untranslated),
                };
                writer.WriteUnit(new XliffUnit(keys[i], drafts[i].Content, target, state));
            }
        }

        var po = Path.Combine(work.FullName, "report.fr.po");
        TranslateToolkit.Run("xliff2po", xliff, po);

        var entries = Entry().Matches(File.ReadAllText(po)).Where(m => m.Groups["id"].Value.StartsWith('s')).ToDictionary(m => m.Groups["id"].Value);
        Assert.Equal(keys, entries.Keys);
        Assert.Equal("Rapport préliminaire", Unquote(entries[keys[0]].Groups["msgstr"].Value));
        Assert.False(entries[keys[0]].Groups["fuzzy"].Success);
        Assert.Equal("Résumé analytique", Unquote(entries[keys[1]].Groups["msgstr"].Value));
        Assert.True(entries[keys[1]].Groups["fuzzy"].Success, "a translation nobody reviewed reads as fuzzy");
        Assert.Equal("", Unquote(entries[keys[2]].Groups["msgstr"].Value));
        // Every source arrives whole; the inline codes (bold, links) are flattened to their text.
        Assert.Equal(drafts.Select(d => d.Content.PlainText), keys.Select(k => Unquote(entries[k].Groups["msgid"].Value)));
        work.Delete(recursive: true);
    }

    // PO wraps long strings into several quoted lines; the value is their concatenation, unescaped.
    private static string Unquote(string quoted) => string.Concat(Regex.Matches(quoted, "\"((?:[^\"\\\\]|\\\\.)*)\"")
        .Select(m => Regex.Unescape(m.Groups[1].Value)));
}
