using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Glossary;
using Wgig.Translate.Domain.MachineTranslation;
using Wgig.Translate.Domain.Memory;
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
public sealed record Suggestion(SuggestionKind Kind, SegmentContent Text, Guid? AuthorId, DateTimeOffset? At, int? Score = null, string? Origin = null)
{
    /// <summary>A translation memory suggestion's match: its kind (in context, exact, fuzzy), its source and how that differs from the segment's.</summary>
    public MemoryMatch? Match { get; init; }

    /// <summary>A glossary suggestion's entry as found in the source: every rendering with its status, "do not translate", definition.</summary>
    public TermMatch? Term { get; init; }

    /// <summary>A machine translation suggestion's engine and whether it came from the cache.</summary>
    public MachineSuggestion? Machine { get; init; }

    /// <summary>Plain text from outside (an engine, a glossary) as suggestion text: characters that would read as inline codes are left out.</summary>
    public static SegmentContent Plain(string text) => SegmentContent.FromText(string.Concat(text.Where(c => !SegmentContent.IsMarker(c))));
}

/// <summary>What a source needs to suggest something: the segment in its document × language, and who asks.</summary>
/// <param name="Kinds">The kinds of suggestion wanted; all of them when null.</param>
public sealed record SuggestionRequest(DocumentLanguage Place, Segment Segment, Target? Target, Guid Caller, IReadOnlyCollection<SuggestionKind>? Kinds = null);

/// <summary>
/// One source of suggestions (the set-aside drafts today; translation memory, glossary and machine
/// translation plug in the same way). Every implementation in the Domain assembly is registered by
/// scanning; a source that cannot answer in time answers nothing rather than failing the editor.
/// </summary>
public interface ISuggestionSource
{
    /// <summary>The kind of suggestion this source gives (a request may ask for some kinds only).</summary>
    SuggestionKind Kind { get; }

    Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestionRequest request, CancellationToken cancellationToken);
}

/// <summary>Every source's suggestions for one segment, in the order of <see cref="SuggestionKind"/>.</summary>
public sealed class SuggestionPanel(IEnumerable<ISuggestionSource> sources)
{
    public async Task<IReadOnlyList<Suggestion>> ForAsync(SuggestionRequest request, CancellationToken cancellationToken)
    {
        var all = new List<Suggestion>();
        foreach (var source in sources.Where(s => request.Kinds is null || request.Kinds.Contains(s.Kind)))
        {
            all.AddRange(await source.SuggestAsync(request, cancellationToken));
        }
        return [.. all.OrderBy(s => s.Kind).ThenByDescending(s => s.Score ?? 0)];
    }
}
