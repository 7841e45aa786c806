using System.Diagnostics;
using System.Globalization;
using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Glossary;

namespace Wgig.Translate.Bench;

/// <summary>
/// Where the time of a whole-document check goes, without the database: the 200-fold sample report's translations
/// (as <see cref="ChecksBenchmarks"/>), each input's shared work (plain texts, words, glossary hits) timed on its own,
/// then each check over the prepared inputs, in processor time. A breakdown for finding the slow part, not a target.
/// </summary>
public static class ChecksProfile
{
    public static int Run(string[] args)
    {
        var times = int.Parse(LoadHarness.Option(args, "--sample", "200"), CultureInfo.InvariantCulture);
        var translations = ChecksBenchmarks.Translations(times);
        var glossary = new TermIndex(ChecksBenchmarks.Glossary(), "en", "fr");
        var checks = typeof(ICheck).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(ICheck).IsAssignableFrom(t))
            .Select(t => (ICheck)Activator.CreateInstance(t)!).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        for (var round = 0; round <= 2; round++)
        {
            // As a document's check does: the keys of the words met so far kept for the run, in either language.
            WordKeys sourceKeys = new("en"), targetKeys = new("fr");
            var inputs = translations.Select(t => new CheckInput(t.Source, t.Target, "en", "fr", glossary, null, sourceKeys, targetKeys)).ToList();
            var rows = new List<(string Part, double Ms, int Findings)>
            {
                Time("input: plain texts", inputs, i => i.SourcePlain.Length + i.TargetPlain.Length),
                Time("input: words", inputs, i => i.SourceWords.Count + i.TargetWords.Count),
                Time("input: translation is the source, folded", inputs, i => i.TargetIsSource ? 1 : 0),
                Time("input: glossary terms in the source", inputs, i => i.Terms.Count),
                Time("input: glossary terms in the translation", inputs, i => i.TargetTerms.Count),
            };
            rows.AddRange(checks.Select(check => Time(check.Id, inputs, i => check.Run(i).Count())));
            if (round == 0)
            {
                continue;
            }
            Console.WriteLine($"Round {round}: {translations.Count:N0} segments, {rows.Sum(r => r.Ms):N0} ms in all");
            Console.WriteLine("| part | CPU ms | findings |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (part, ms, findings) in rows.OrderByDescending(r => r.Ms))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {part} | {ms:N0} | {findings:N0} |"));
            }
        }
        return 0;
    }

    // Processor time of this process, not wall-clock time: on a shared machine the other processes' share is left out.
    private static (string, double, int) Time(string part, List<CheckInput> inputs, Func<CheckInput, int> work)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var total = 0;
        foreach (var input in inputs)
        {
            total += work(input);
        }
        process.Refresh();
        return (part, (process.TotalProcessorTime - before).TotalMilliseconds, part.StartsWith("input", StringComparison.Ordinal) ? 0 : total);
    }
}
