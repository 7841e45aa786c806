using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wgig.Translate.Domain.Formats;

namespace Wgig.Translate.Domain.Segmentation;

/// <summary>One ordered rule: does the text break where <c>Before</c> ends and <c>After</c> starts?</summary>
public sealed record SegmentationRule(bool Break, string Before, string After, string? Why = null);

/// <summary>
/// The sentence rules of one language, from the data file <c>segmentation-rules.json</c>. Each rule is run
/// once over the text; where several match at one position, the earliest in the list wins (SRX order).
/// </summary>
public sealed class SegmentationRules
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private static readonly Lazy<RulesCatalog> Catalog = new(LoadCatalog);
    private static readonly ConcurrentDictionary<string, SegmentationRules> ByLanguage = new(StringComparer.OrdinalIgnoreCase);

    private readonly Regex[] _rules;
    private readonly bool[] _breaks;

    public SegmentationRules(IReadOnlyList<SegmentationRule> rules)
    {
        _rules = [.. rules.Select(r => new Regex($"(?:{r.Before})(?={r.After})",
            RegexOptions.Compiled | RegexOptions.CultureInvariant, MatchTimeout))];
        _breaks = [.. rules.Select(r => r.Break)];
    }

    /// <summary>
    /// The rules for a BCP 47 tag: its primary language's abbreviations and the default ones (no break
    /// after them), then the language's own rules, then the default ones.
    /// </summary>
    public static SegmentationRules For(string languageTag) =>
        ByLanguage.GetOrAdd(languageTag.Split('-')[0], language => new SegmentationRules(
            [Abbreviations(language), .. Catalog.Value.Rules.GetValueOrDefault(language, []), .. Catalog.Value.Rules["default"]]));

    public static IReadOnlyCollection<string> Languages => [.. Catalog.Value.Rules.Keys.Where(k => k != "default")];

    /// <summary>The abbreviations a sentence does not end at, in a language (its own, then the default ones).</summary>
    public static IReadOnlyList<string> AbbreviationsOf(string language) =>
        [.. Catalog.Value.Abbreviations.GetValueOrDefault(language, []).Concat(Catalog.Value.Abbreviations["default"]).Distinct(StringComparer.Ordinal)];

    // One no-break rule: an abbreviation, not the end of a longer word, its full stop, then white space.
    private static SegmentationRule Abbreviations(string language) => new(false,
        $@"(?<![\p{{L}}\p{{M}}\p{{N}}])(?:{string.Join('|', AbbreviationsOf(language).OrderByDescending(a => a.Length).Select(Regex.Escape))})\.",
        @"\s", "abbreviations that do not end a sentence");

    /// <summary>Positions in <paramref name="text"/> where a sentence ends (just after its stop).</summary>
    public IReadOnlyList<int> FindBreaks(string text)
    {
        // (position, rule) for every rule that matched; at one position the earliest rule decides.
        var decisions = new List<(int Position, int Rule)>();
        for (var rule = 0; rule < _rules.Length; rule++)
        {
            try
            {
                foreach (var match in _rules[rule].EnumerateMatches(text))
                {
                    var position = match.Index + match.Length;
                    if (match.Length > 0 && position < text.Length)
                    {
                        decisions.Add((position, rule));
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological text: this rule stops deciding; the others (and the length cap) still cut.
            }
        }
        if (decisions.Count == 0)
        {
            return [];
        }
        decisions.Sort();
        var breaks = new List<int>();
        var last = -1;
        foreach (var (position, rule) in decisions)
        {
            if (position != last && _breaks[rule])
            {
                breaks.Add(position);
            }
            last = position;
        }
        return breaks;
    }

    private static RulesCatalog LoadCatalog()
    {
        using var stream = typeof(SegmentationRules).Assembly.GetManifestResourceStream("Wgig.Translate.Domain.Segmentation.segmentation-rules.json")
            ?? throw new InvalidOperationException("The segmentation rules are not embedded in the assembly.");
        using var json = JsonDocument.Parse(stream);
        var rules = json.RootElement.GetProperty("languages").Deserialize<Dictionary<string, SegmentationRule[]>>(JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The segmentation rules file has no languages.");
        // The abbreviations' "comment" is prose beside the lists.
        var abbreviations = json.RootElement.GetProperty("abbreviations").EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Array)
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(a => a.GetString()!).ToArray(), StringComparer.OrdinalIgnoreCase);
        return new RulesCatalog(new Dictionary<string, SegmentationRule[]>(rules, StringComparer.OrdinalIgnoreCase), abbreviations);
    }

    private sealed record RulesCatalog(Dictionary<string, SegmentationRule[]> Rules, Dictionary<string, string[]> Abbreviations);
}
