using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Claims;

public sealed record ClaimedBatch(Guid ClaimId, Guid DocumentId, string Language, DateTimeOffset ExpiresAt, IReadOnlyList<Guid> SegmentIds, int Words);

/// <summary>What filling a batch came to: the batch (none when nothing was taken), and what the volunteer already held.</summary>
public sealed record BatchFill(ClaimedBatch? Batch, int Held, int Locked);

/// <summary>
/// The loop that fills a batch up to a word budget, shared by claim-next and review-next: the first open
/// targets of a document × language's queue in document order (<see cref="TargetSql.TranslationQueue"/> or
/// <see cref="TargetSql.ReviewQueue"/>, each a partial index), taken while they fit the budget (the first
/// one always) and, for translation, the volunteer's cap of open words. Each round is one statement, one
/// round trip and its own transaction: it locks a chunk of the queue with FOR UPDATE SKIP LOCKED (so
/// concurrent claimers neither wait for nor share a target), opens the claim (or adds to it), applies
/// <see cref="TargetWorkflow.Claim"/> or <see cref="TargetWorkflow.ClaimReview"/> to the targets taken and
/// records their events, as <see cref="Target.Claim"/> and <see cref="Target.ClaimReview"/> do (tests hold
/// the two to the same rows). A batch needs a second round only when the chunk ran out before the budget.
/// Translation claims of one volunteer queue on an advisory lock first, so their cap holds under concurrency.
/// </summary>
public sealed class BatchFilling(TranslationDb db)
{
    private const int MaxRounds = 8;
    private const int MaxChunk = 200;

    // pg_advisory_xact_lock's first key: this lock's class, apart from any other advisory lock on the database.
    private const int CapLockClass = 0x57_47_49_47; // "WGIG"

    public sealed record Request(ClaimKind Kind, Guid VolunteerId, Guid DocumentId, string Language, int Budget, int Cap, DateTimeOffset Now,
        DateTimeOffset ExpiresAt);

    public async Task<BatchFill> FillAsync(Request request, CancellationToken cancellationToken)
    {
        var claimId = Guid.CreateVersion7(request.Now);
        var segments = new List<Guid>();
        var words = 0;
        var held = 0;
        var lockedTotal = 0;
        // A sentence has a few words at least: a first chunk of budget/10 rarely needs a second round.
        var chunk = Math.Clamp(request.Budget / 10 + 2, 2, MaxChunk);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var result = await RoundAsync(request, claimId, request.Budget - words, chunk, first: round == 0, cancellationToken);
                if (round == 0)
                {
                    held = result.Held;
                }
                lockedTotal += result.Locked;
                segments.AddRange(result.Segments);
                words += result.Words;
                if (words >= request.Budget || result.Segments.Length < result.Locked || result.Locked < chunk || result.Segments.Length == 0)
                {
                    break;
                }
                var perSegment = Math.Max(1.0, (double)result.Words / result.Segments.Length);
                chunk = Math.Clamp((int)Math.Ceiling((request.Budget - words) / perSegment) + 1, 2, MaxChunk);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var batch = segments.Count == 0 ? null
            : new ClaimedBatch(claimId, request.DocumentId, request.Language, request.ExpiresAt, segments, words);
        return new BatchFill(batch, held, lockedTotal);
    }

    /// <summary>Queues the volunteer's translation claims one after the other, until the caller's transaction ends.</summary>
    public static Task LockCapAsync(TranslationDb db, Guid volunteerId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CapLockClass}, hashtext({volunteerId}::text))", cancellationToken);

    private sealed record Round(int Locked, int Held, Guid[] Segments, int Words);

    private async Task<Round> RoundAsync(Request request, Guid claimId, int budget, int chunk, bool first, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection);
        if (request.Kind == ClaimKind.Translation)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({CapLockClass}, hashtext(@volunteer::text))")
            {
                Parameters = { new NpgsqlParameter("volunteer", request.VolunteerId) },
            });
        }
        // A new version of the document under way holds its targets: the round waits for it instead of finding nothing to claim.
        batch.BatchCommands.Add(new NpgsqlBatchCommand(DocumentLocks.ForClaimSql) { Parameters = { new NpgsqlParameter("document", request.DocumentId) } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(Statement(request.Kind))
        {
            Parameters =
            {
                new NpgsqlParameter("claim", claimId),
                new NpgsqlParameter("volunteer", request.VolunteerId),
                new NpgsqlParameter("document", request.DocumentId),
                new NpgsqlParameter("language", NpgsqlDbType.Varchar) { Value = request.Language },
                new NpgsqlParameter("now", request.Now),
                new NpgsqlParameter("expires", request.ExpiresAt),
                new NpgsqlParameter("budget", budget),
                new NpgsqlParameter("cap", request.Cap),
                new NpgsqlParameter("chunk", chunk),
                new NpgsqlParameter("first", first),
            },
        });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (request.Kind == ClaimKind.Translation)
        {
            await reader.NextResultAsync(cancellationToken); // the cap lock's row
        }
        await reader.NextResultAsync(cancellationToken); // the document lock's row
        await reader.ReadAsync(cancellationToken);
        return new Round(reader.GetInt32(0), reader.GetInt32(1), reader.GetFieldValue<Guid[]>(2), reader.GetInt32(3));
    }

    private static readonly string TranslationStatement = Build(ClaimKind.Translation);
    private static readonly string ReviewStatement = Build(ClaimKind.Review);

    /// <summary>The statement of one round, for a translation claim or a review batch.</summary>
    public static string Statement(ClaimKind kind) => kind == ClaimKind.Translation ? TranslationStatement : ReviewStatement;

    /// <summary>
    /// The condition on a target <c>t</c> that puts it in the volunteer's (<c>@volunteer</c>) queue: what they may
    /// take into a translation claim or a review batch now.
    /// </summary>
    public static string Queue(ClaimKind kind) => kind == ClaimKind.Translation
        ? $"t.{TargetSql.TranslationQueue} AND (t.state <> {TargetSql.State(TargetWorkflow.ReservedForTranslator)} OR t.translator_id = @volunteer)"
        : $"t.{TargetSql.ReviewQueue} AND t.translator_id <> @volunteer";

    /// <summary>
    /// Per document × language the volunteer holds the right for (translate or review), the targets in their
    /// queue (<see cref="Queue"/>, counted), in path order: the work they could take now.
    /// </summary>
    public async Task<IReadOnlyList<OpenWork>> OpenWorkAsync(ClaimKind kind, Guid volunteerId, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<OpenWork>(kind == ClaimKind.Translation ? OpenTranslationWork : OpenReviewWork, new NpgsqlParameter("volunteer", volunteerId))
            .ToListAsync(cancellationToken);

    private static readonly string OpenTranslationWork = OpenWorkStatement(ClaimKind.Translation);
    private static readonly string OpenReviewWork = OpenWorkStatement(ClaimKind.Review);

    private static string OpenWorkStatement(ClaimKind kind) => $"""
        SELECT d.project_id AS project_id, d.id AS document_id, d.path AS path, m.language AS language,
               count(*)::int AS segments, coalesce(sum(t.word_count), 0)::int AS words
        FROM translate.project_members m
        JOIN translate.documents d ON d.project_id = m.project_id
        JOIN translate.targets t ON t.document_id = d.id AND t.language = m.language
        WHERE m.account_id = @volunteer AND {(kind == ClaimKind.Translation ? "m.can_translate" : "m.can_review")} AND {Queue(kind)}
        GROUP BY d.project_id, d.id, d.path, m.language
        ORDER BY d.path, m.language
        """;

    private static string Build(ClaimKind kind)
    {
        var translation = kind == ClaimKind.Translation;
        var transition = translation ? TargetWorkflow.Claim : TargetWorkflow.ClaimReview;
        // Open words: what the volunteer holds in live claims and has not handed in yet (OpenWords.HeldAsync; each claim keeps
        // its own, see OpenWords.TriggerSql), read from their live claims alone. Reviews have no cap.
        var held = translation
            ? $"""
                SELECT coalesce(sum(c.open_words), 0) AS words FROM translate.claims c
                WHERE c.volunteer_id = @volunteer AND c.kind = '{ClaimKind.Translation}' AND c.released_at IS NULL AND c.expires_at > @now
                """
            : "SELECT 0 AS words";
        var queue = Queue(kind);
        var take = translation
            ? $"state = {TargetSql.State(transition.To!.Value)}, state_before_claim = p.state, claimed_by = @volunteer, claim_id = @claim"
            : "review_claimed_by = @volunteer, review_claim_id = @claim";
        return $"""
            WITH held AS ({held}),
            locked AS (
                SELECT t.id, t.state, t.ordinal, t.word_count FROM translate.targets t
                WHERE t.document_id = @document AND t.language = @language AND {queue}
                ORDER BY t.ordinal
                LIMIT @chunk
                FOR UPDATE SKIP LOCKED),
            running AS (
                SELECT l.id, l.state, l.word_count, row_number() OVER w AS n, sum(l.word_count) OVER w AS upto
                FROM locked l WINDOW w AS (ORDER BY l.ordinal)),
            picked AS (
                SELECT r.id, r.state, r.word_count FROM running r CROSS JOIN held h
                WHERE h.words < @cap AND ((@first AND r.n = 1) OR (r.upto <= @budget AND h.words + r.upto <= @cap))
                  AND NOT EXISTS (SELECT 1 FROM translate.volunteer_profiles v WHERE v.account_id = @volunteer AND v.paused)),
            opened AS (
                INSERT INTO translate.claims AS c (id, volunteer_id, kind, document_id, language, words, open_words, created_at, expires_at,
                    released_at, lapsed_at, due_at)
                SELECT @claim, @volunteer, '{kind}', @document, @language, sum(p.word_count), 0, @now, @expires, NULL, NULL, NULL
                FROM picked p HAVING count(*) > 0
                ON CONFLICT (id) DO UPDATE SET words = c.words + excluded.words),
            taken AS (
                UPDATE translate.targets t SET {take}, events_recorded = t.events_recorded + 1, updated_at = @now
                FROM picked p WHERE t.id = p.id
                RETURNING t.id, t.segment_id, t.ordinal, t.word_count, t.events_recorded, t.state),
            recorded AS (
                INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
                SELECT gen_random_uuid(), k.id, k.events_recorded, '{transition.Event}', k.state, @volunteer, NULL, NULL, @now FROM taken k)
            SELECT (SELECT count(*) FROM locked)::int, (SELECT words FROM held)::int,
                coalesce(array_agg(k.segment_id ORDER BY k.ordinal), ARRAY[]::uuid[]), coalesce(sum(k.word_count), 0)::int
            FROM taken k
            """;
    }
}
