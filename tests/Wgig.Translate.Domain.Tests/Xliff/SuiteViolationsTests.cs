using System.Xml.Linq;
using Wgig.Translate.Domain.Xliff;
using Wgig.Translate.Tests;

namespace Wgig.Translate.Domain.Tests.Xliff;

/// <summary>
/// The processing requirements (<see cref="Xliff2Rules"/>, with the module rules) judge each file of the OASIS suite
/// exactly as recorded in suite-violations.txt: every rule an invalid file breaks, by line, rule and message, and
/// nothing for the valid ones. <see cref="ConformanceTests"/> asks only whether a file is refused; this says why, so a
/// rule that stopped firing, fired twice or lost its wording is noticed even where another rule still refuses the file.
/// </summary>
public sealed class SuiteViolationsTests
{
    private static readonly string Suite = Path.Combine(Samples.Directory, "..", "xliff", "test-suite-2.1");
    private static readonly string[] Folders = ["core/valid", "core/invalid", "modules/valid", "modules/invalid"];

    public static TheoryData<string> Files() =>
        [.. Folders.SelectMany(dir => Directory.GetFiles(Path.Combine(Suite, dir), "*.xlf").Order(StringComparer.Ordinal).Select(f => $"{dir}/{Path.GetFileName(f)}"))];

    // suite-violations.txt: a file's path on a line of its own, then each violation indented by two spaces.
    private static readonly Dictionary<string, List<string>> Recorded = Read();

    private static Dictionary<string, List<string>> Read()
    {
        var recorded = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Xliff", "suite-violations.txt")))
        {
            if (line.StartsWith("  ", StringComparison.Ordinal))
            {
                current!.Add(line[2..]);
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                recorded[line] = current = [];
            }
        }
        return recorded;
    }

    internal static List<string> Violations(string file)
    {
        // Loaded as XliffReader loads a file after the schema pass: line numbers kept, white space as it is.
        var xml = XDocument.Load(Path.Combine(Suite, file), LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        return [.. Xliff2Rules.Check(xml).Select(v => v.ToString())];
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_suite_file_breaks_exactly_the_rules_recorded_for_it(string file) =>
        Assert.Equal(Recorded.GetValueOrDefault(file) ?? [], Violations(file));

    [Fact]
    public void No_valid_suite_file_breaks_a_rule_and_every_recorded_file_exists()
    {
        Assert.All(Recorded.Keys, file => Assert.True(File.Exists(Path.Combine(Suite, file)), file));
        Assert.DoesNotContain(Recorded, r => r.Key.Contains("/valid/", StringComparison.Ordinal) && r.Value.Count > 0);
    }
}
