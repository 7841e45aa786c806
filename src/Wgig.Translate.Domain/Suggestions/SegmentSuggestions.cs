using Wgig.Translate.Domain.Checks;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.MachineTranslation;
using Wgig.Translate.Domain.Memory;
using Wgig.Translate.Domain.Segmentation;

namespace Wgig.Translate.Domain.Suggestions;

/// <summary>Everything the suggestion panel shows for one segment × language, by kind.</summary>
/// <param name="Checks">The checks on <c>text</c> (the draft or translation shown), if one was given.</param>
public sealed record SegmentAids(IReadOnlyList<MemoryMatch> Memory, MachineSuggestion? Machine, IReadOnlyList<TermMatch> Terms, CheckReport Checks)
{
    public static SegmentAids From(IReadOnlyList<Suggestion> offered, CheckReport checks) => new(
        [.. offered.Select(s => s.Match).OfType<MemoryMatch>()], offered.Select(s => s.Machine).OfType<MachineSuggestion>().FirstOrDefault(),
        [.. offered.Select(s => s.Term).OfType<TermMatch>()], checks);
}

/// <summary>
/// The aids for a segment through the suggestion panel's sources (translation memory, glossary, machine translation),
/// with the check findings on the text the volunteer has.
/// </summary>
public sealed class SegmentSuggestions(SuggestionPanel panel, SegmentChecks checks)
{
    private static readonly SuggestionKind[] Aids = [SuggestionKind.TranslationMemory, SuggestionKind.Glossary, SuggestionKind.MachineTranslation];

    public async Task<SegmentAids> ForAsync(SuggestionRequest request, SegmentContent? text, CancellationToken cancellationToken)
    {
        var offered = await panel.ForAsync(request with { Kinds = Aids }, cancellationToken);
        return SegmentAids.From(offered, await CheckAsync(request, text, cancellationToken));
    }

    /// <summary>The checks on the text shown for the segment (nothing to check when there is none yet).</summary>
    public async Task<CheckReport> CheckAsync(SuggestionRequest request, SegmentContent? text, CancellationToken cancellationToken) =>
        text is { CodedText.Length: > 0 }
            ? await checks.RunAsync(request.Place, request.Segment, request.Target, text, cancellationToken)
            : CheckReport.Clean;
}
