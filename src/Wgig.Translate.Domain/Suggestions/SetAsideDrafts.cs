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
    private static readonly string SetAside = nameof(TargetEventKind.DraftSetAside);

    public SuggestionKind Kind => SuggestionKind.SetAsideDraft;

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestionRequest request, CancellationToken cancellationToken) =>
        (await WithNamesAsync(request, [], cancellationToken)).Offered;

    /// <summary>
    /// The drafts offered to the caller, with the names of their authors and of the other accounts given (the people a
    /// write's answer shows), in one round trip: every draft save, submission and review decision answers with both.
    /// </summary>
    public async Task<(IReadOnlyList<Suggestion> Offered, IReadOnlyDictionary<Guid, string> Names)> WithNamesAsync(SuggestionRequest request,
        IEnumerable<Guid?> named, CancellationToken cancellationToken)
    {
        // Offered to the claimant only: for anyone else the statement reads the names alone.
        Guid? offeredOn = request.Target is { } target && target.ClaimedBy == request.Caller ? target.Id : null;
        var ids = named.OfType<Guid>().Distinct().ToArray();
        var rows = await db.Database.SqlQuery<DraftOrName>($"""
            WITH offered AS (
                SELECT e.sequence, e.text, e.actor_id, e.at FROM translate.target_events e
                WHERE e.target_id = {offeredOn} AND e.kind = {SetAside} AND e.text IS NOT NULL
                ORDER BY e.sequence DESC LIMIT {Target.SuggestionsKept})
            SELECT o.sequence AS sequence, o.text AS text, o.actor_id AS actor_id, o.at AS at, NULL::text AS name FROM offered o
            UNION ALL
            SELECT NULL, NULL, a.id, NULL, a.display_name FROM translate.accounts a
            WHERE a.id = ANY({ids}) OR a.id IN (SELECT actor_id FROM offered)
            """).ToListAsync(cancellationToken);
        var names = rows.Where(r => r.Name is not null).ToDictionary(r => r.ActorId!.Value, r => r.Name!);
        IReadOnlyList<Suggestion> offered = [.. rows.Where(r => r.Sequence is not null).OrderByDescending(r => r.Sequence)
            .Select(r => new Suggestion(SuggestionKind.SetAsideDraft, new SegmentContent(r.Text!, request.Segment.Content.Codes), r.ActorId, r.At))];
        return (offered, names);
    }

    private sealed record DraftOrName(int? Sequence, string? Text, Guid? ActorId, DateTimeOffset? At, string? Name);
}
