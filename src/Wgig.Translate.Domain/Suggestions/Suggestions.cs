using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Suggestions;

/// <summary>Where a suggestion comes from; the editor's panel shows one section per kind.</summary>
public enum SuggestionKind
{
    /// <summary>A draft an earlier claimant typed and left when their claim ended.</summary>
    SetAsideDraft,

    /// <summary>An approved translation of the same or a similar source (exact, in-context or fuzzy with a score).</summary>
    TranslationMemory,

    /// <summary>An agreed rendering of a term found in the source.</summary>
    Glossary,

    /// <summary>A machine translation, never applied without a person.</summary>
    MachineTranslation,
}

/// <summary>
/// Text offered to a translator for a segment, never applied without them.
/// </summary>
/// <param name="Text">Coded text whose codes are the segment's source codes, ready to put in the target field.</param>
/// <param name="Score">A match's percentage (translation memory), when it has one.</param>
/// <param name="Origin">Where it was found, in words a translator reads ("WGIG report, paragraph 12", "Apertium").</param>
public sealed record Suggestion(SuggestionKind Kind, SegmentContent Text, Guid? AuthorId, DateTimeOffset? At, int? Score = null, string? Origin = null);

/// <summary>What a source needs to suggest something: the segment in its document × language, and who asks.</summary>
public sealed record SuggestionRequest(DocumentLanguage Place, Segment Segment, Target? Target, Guid Caller);

/// <summary>
/// One source of suggestions (the set-aside drafts today; translation memory, glossary and machine
/// translation plug in the same way). Every implementation in the Domain assembly is registered by
/// scanning; a source that cannot answer in time answers nothing rather than failing the editor.
/// </summary>
public interface ISuggestionSource
{
    Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestionRequest request, CancellationToken cancellationToken);
}

/// <summary>Every source's suggestions for one segment, in the order of <see cref="SuggestionKind"/>.</summary>
public sealed class SuggestionPanel(IEnumerable<ISuggestionSource> sources)
{
    public async Task<IReadOnlyList<Suggestion>> ForAsync(SuggestionRequest request, CancellationToken cancellationToken)
    {
        var all = new List<Suggestion>();
        foreach (var source in sources)
        {
            all.AddRange(await source.SuggestAsync(request, cancellationToken));
        }
        return [.. all.OrderBy(s => s.Kind).ThenByDescending(s => s.Score ?? 0)];
    }
}
