using Npgsql;
using Wgig.Translate.Domain.Documents;
using NpgsqlTypes;
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

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestionRequest request, CancellationToken cancellationToken) =>
        (await WithNamesAsync(request, [], cancellationToken)).Offered;

    /// <summary>
    /// The drafts offered to the caller, with the names of their authors and of the other accounts given (the people a
    /// write's answer shows), in one round trip: every draft save, submission and review decision answers with both.
    /// </summary>
    public async Task<(IReadOnlyList<Suggestion> Offered, IReadOnlyDictionary<Guid, string> Names)> WithNamesAsync(SuggestionRequest request,
        IEnumerable<Guid?> named, CancellationToken cancellationToken)
    {
        var batch = new ReadBatch();
        var read = Read(batch, request.Segment, request.Target, request.Caller, named);
        await batch.RunAsync(db, cancellationToken);
        return (read.Offered, read.Names);
    }

    /// <summary>
    /// The drafts offered on the segment and the names of their authors and of the accounts given, added to a batch of reads
    /// (a write reads them with its other reads, before it writes: a draft save or a submission changes neither).
    /// </summary>
    public static OfferedDrafts Read(ReadBatch batch, Segment segment, Target? target, Guid caller, IEnumerable<Guid?> named)
    {
        var offeredOn = OfferedOn(target, caller);
        return new OfferedDrafts(segment, offeredOn, batch.Add(Sql,
            reader => new DraftOrName(reader.OrNull<int?>(0), reader.OrNull<string>(1), reader.OrNull<Guid?>(2), reader.OrNull<DateTimeOffset?>(3),
                reader.OrNull<string>(4)),
            new NpgsqlParameter("offered_on", NpgsqlDbType.Uuid) { Value = (object?)offeredOn ?? DBNull.Value },
            new NpgsqlParameter("set_aside", NpgsqlDbType.Text) { Value = nameof(TargetEventKind.DraftSetAside) },
            new NpgsqlParameter("kept", Target.SuggestionsKept),
            new NpgsqlParameter("named", named.OfType<Guid>().Distinct().ToArray())));
    }

    /// <summary>The target whose set-aside drafts the caller is offered: only the one they hold the claim of.</summary>
    internal static Guid? OfferedOn(Target? target, Guid caller) => target is { } held && held.ClaimedBy == caller ? held.Id : null;

    private const string Sql = """
        WITH offered AS (
            SELECT e.sequence, e.text, e.actor_id, e.at FROM translate.target_events e
            WHERE e.target_id = @offered_on AND e.kind = @set_aside AND e.text IS NOT NULL
            ORDER BY e.sequence DESC LIMIT @kept)
        SELECT o.sequence, o.text, o.actor_id, o.at, NULL::text FROM offered o
        UNION ALL
        SELECT NULL, NULL, a.id, NULL, a.display_name FROM translate.accounts a
        WHERE a.id = ANY(@named) OR a.id IN (SELECT actor_id FROM offered)
        """;
}

internal sealed record DraftOrName(int? Sequence, string? Text, Guid? ActorId, DateTimeOffset? At, string? Name);

/// <summary>The drafts offered on a segment and people's names, as <see cref="SetAsideDrafts.Read"/> read them: there once their batch ran.</summary>
public sealed class OfferedDrafts
{
    private readonly Segment _segment;
    private readonly Guid? _offeredOn;
    private readonly ReadBatch.Rows<DraftOrName> _rows;

    internal OfferedDrafts(Segment segment, Guid? offeredOn, ReadBatch.Rows<DraftOrName> rows) => (_segment, _offeredOn, _rows) = (segment, offeredOn, rows);

    /// <summary>The drafts offered, newest first, their codes the segment's.</summary>
    public IReadOnlyList<Suggestion> Offered =>
        [.. _rows.Value.Where(r => r.Sequence is not null).OrderByDescending(r => r.Sequence)
            .Select(r => new Suggestion(SuggestionKind.SetAsideDraft, new SegmentContent(r.Text!, _segment.Content.Codes), r.ActorId, r.At))];

    /// <summary>The drafts still offered after a write: none once the target is no longer the caller's (a submission ends the claim).</summary>
    public IReadOnlyList<Suggestion> OfferedAfter(Target? target, Guid caller) =>
        _offeredOn is { } id && SetAsideDrafts.OfferedOn(target, caller) == id ? Offered : [];

    /// <summary>The names of the accounts asked for and of the drafts' authors.</summary>
    public IReadOnlyDictionary<Guid, string> Names => _rows.Value.Where(r => r.Name is not null).ToDictionary(r => r.ActorId!.Value, r => r.Name!);
}
