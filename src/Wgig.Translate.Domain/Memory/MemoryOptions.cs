using Microsoft.Extensions.Options;
using System.ComponentModel.DataAnnotations;

namespace Wgig.Translate.Domain.Memory;

/// <summary>How the memory searches (section "Memory").</summary>
public sealed class MemoryOptions
{
    public const string Section = "Memory";

    /// <summary>The lowest score (percent) a fuzzy match is shown with.</summary>
    [Range(30, 100)]
    public int MinimumScore { get; set; } = 60;

    /// <summary>How many matches a segment gets at most.</summary>
    [Range(1, 50)]
    public int MaxMatches { get; set; } = 5;

    /// <summary>How many trigram candidates are re-ranked by word edit distance.</summary>
    [Range(1, 200)]
    public int Candidates { get; set; } = 20;

    /// <summary>pg_trgm similarity a candidate needs (0–1) where a segment has too few words to look candidates up by (<see cref="FuzzyAnchors"/>).</summary>
    [Range(0.1, 1.0)]
    public double TrigramThreshold { get; set; } = 0.5;

    /// <summary>
    /// How long the fuzzy search may take before the editor gets the exact and in-context matches alone: on a very large
    /// memory of common words the trigram index has long posting lists to merge (see docs/benchmarks.md).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan FuzzyBudget { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>Checks the ranges above, generated at compile time (why: <see cref="Claims.ClaimOptionsValidator"/>).</summary>
[OptionsValidator]
public sealed partial class MemoryOptionsValidator : IValidateOptions<MemoryOptions>;
