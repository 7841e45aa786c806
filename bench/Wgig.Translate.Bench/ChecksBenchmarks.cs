using BenchmarkDotNet.Attributes;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Formats;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Bench;

/// <summary>
/// Every check on translations of the sample report (pseudo-translations that keep codes and numbers), with a
/// glossary of 200 entries: one segment of median length, and the 200-fold report's 28,400 segments, without
/// the database. Baseline: normalizing the segment's translation once (one pass over its text).
/// </summary>
[MemoryDiagnoser]
public class ChecksBenchmarks
{
    private ProjectChecker _checker = null!;
    private (SegmentContent Source, SegmentContent Target) _segment;
    private List<(SegmentContent Source, SegmentContent Target)> _document = [];

    [GlobalSetup]
    public void Setup()
    {
        _checker = Checker();
        _document = Translations(200);
        _segment = _document.Take(142).OrderBy(s => s.Source.PlainText.Length).ElementAt(71);
    }

    public static ProjectChecker Checker()
    {
        var checks = new QualityChecks(typeof(ICheck).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(ICheck).IsAssignableFrom(t))
            .Select(t => (ICheck)Activator.CreateInstance(t)!));
        return new ProjectChecker(checks, new Dictionary<string, CheckLevel>(), new TermIndex(Glossary(), "en", "fr"), "en", "fr");
    }

    /// <summary>The report's longer words as 200 glossary entries, each with a French rendering.</summary>
    public static List<GlossaryEntry> Glossary() =>
        [.. Translations(1).SelectMany(t => t.Source.PlainText.Split(' ')).Where(w => w.Length > 7 && w.All(char.IsLetter)).Distinct().Take(200)
            .Select(w => GlossaryEntry.Create(Guid.NewGuid(), "en", new GlossaryEntryDraft(null, null, false, [new("en", w), new("fr", w + "e")]), null, DateTimeOffset.UnixEpoch).Value!)];

    /// <summary>The sample report repeated, each segment with a pseudo-translation that keeps its codes, numbers and addresses.</summary>
    public static List<(SegmentContent Source, SegmentContent Target)> Translations(int times)
    {
        var drafts = DocumentSegmentation.Segment(new MarkdownImporter().Split(ImportPipeline.Sample(times)).Value!, "en");
        return [.. drafts.Select(d => (d.Content, new SegmentContent("Traduction : " + d.Content.CodedText, d.Content.Codes)))];
    }

    [Benchmark(Baseline = true, Description = "Normalize one translation (baseline)")]
    public string Normalize() => MemoryText.Normalize(_segment.Target.PlainText);

    [Benchmark(Description = "All checks on one segment")]
    public int OneSegment() => _checker.Run(_segment.Source, _segment.Target).Findings.Count;

    [Benchmark(Description = "All checks on 28,400 segments")]
    public int Document()
    {
        var findings = 0;
        foreach (var (source, target) in _document)
        {
            findings += _checker.Run(source, target).Findings.Count;
        }
        return findings;
    }
}
