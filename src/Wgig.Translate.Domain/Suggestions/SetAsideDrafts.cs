using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Segmentation;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Suggestions;

/// <summary>
/// Drafts earlier claimants typed and left behind when their claim ended, newest first. Drafts are
/// private: only the volunteer now holding the claim sees them.
/// </summary>
public sealed class SetAsideDrafts(TranslationDb db) : ISuggestionSource
{
    public SuggestionKind Kind => SuggestionKind.SetAsideDraft;

    // Every write's answer reads it: compiled once.
    private static readonly Func<TranslationDb, Guid, IAsyncEnumerable<TargetEvent>> LeftOn = EF.CompileAsyncQuery((TranslationDb db, Guid targetId) =>
        db.TargetEvents.AsNoTracking()
            .Where(e => e.TargetId == targetId && e.Kind == TargetEventKind.DraftSetAside && e.Text != null)
            .OrderByDescending(e => e.Sequence).Take(Target.SuggestionsKept));

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestionRequest request, CancellationToken cancellationToken)
    {
        if (request.Target is not { } target || target.ClaimedBy != request.Caller)
        {
            return [];
        }
        var left = await LeftOn(db, target.Id).ToListAsync(cancellationToken);
        return [.. left.Select(e => new Suggestion(SuggestionKind.SetAsideDraft,
            new SegmentContent(e.Text!, request.Segment.Content.Codes), e.ActorId, e.At))];
    }
}
