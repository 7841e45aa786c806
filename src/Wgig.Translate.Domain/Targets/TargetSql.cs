namespace Wgig.Translate.Domain.Targets;

/// <summary>
/// Set-based statements for transitions applied to many targets at once, generated from
/// <see cref="TargetWorkflow"/>: where looping over <see cref="Target"/> would cost a round trip or a row
/// lock per target (a sweep over 100,000 expired leases, a new version of a 28,000-segment paper). Each
/// records the events its transition's method records, numbered on from the target's count, and names
/// every column it writes (the schema has no defaults). Tests apply each statement and the method to the
/// same targets, state by state, and compare rows and events.
/// </summary>
public static class TargetSql
{
    /// <summary>An SQL list of the states' stored names, e.g. <c>('Untranslated', 'NeedsUpdate')</c>.</summary>
    public static string States(IEnumerable<TargetState> states) => $"({string.Join(", ", states.Select(s => $"'{s}'"))})";

    public static string State(TargetState state) => $"'{state}'";

    /// <summary>The translation queue: targets a volunteer may claim, on current segments (an index's filter, too).</summary>
    public static readonly string TranslationQueue = $"state IN {States(TargetWorkflow.Claim.From)} AND ordinal IS NOT NULL";

    /// <summary>The review queue: submitted translations on current segments outside any review batch (an index's filter, too).</summary>
    public static readonly string ReviewQueue = $"state IN {States(TargetWorkflow.ClaimReview.From)} AND review_claim_id IS NULL AND ordinal IS NOT NULL";

    /// <summary>
    /// Targets nobody touched: never claimed, drafted or moved since they were started (no event), so removing them
    /// throws no one's work away (a project losing a language).
    /// </summary>
    public static readonly string Untouched = $"state = {State(TargetWorkflow.Initial)} AND events_recorded = 0 AND draft IS NULL";

    /// <summary>Targets held in a translation claim (an index's filter, too).</summary>
    public static readonly string HeldInClaim = $"state IN {States(TargetWorkflow.Unclaim.From)}";

    /// <summary>
    /// <see cref="Target.Start"/> for every current segment of the documents chosen by <paramref name="documentFilter"/>
    /// (a condition on <c>d</c>, the documents) in every target language of its project that has none yet:
    /// after an import, a new version, or when a project gains a language. Parameter: <c>@now</c>.
    /// </summary>
    public static string CreateMissing(string documentFilter) => $"""
        INSERT INTO translate.targets (id, segment_id, language, document_id, ordinal, word_count, state, text, translator_id, claimed_by,
            claim_id, state_before_claim, review_comment, draft, draft_saved_at, review_claimed_by, review_claim_id, updated_at, events_recorded)
        SELECT gen_random_uuid(), s.id, lang.code, s.document_id, s.ordinal, s.word_count, {State(TargetWorkflow.Initial)}, NULL, NULL, NULL,
            NULL, NULL, NULL, NULL, NULL, NULL, NULL, @now, 0
        FROM translate.documents d
        JOIN translate.projects p ON p.id = d.project_id
        CROSS JOIN LATERAL unnest(p.target_languages) AS lang(code)
        JOIN translate.segments s ON s.document_id = d.id AND s.retired_in_version IS NULL
        WHERE ({documentFilter})
          AND NOT EXISTS (SELECT 1 FROM translate.targets t WHERE t.segment_id = s.id AND t.language = lang.code)
        ON CONFLICT (segment_id, language) DO NOTHING
        """;

    /// <summary>
    /// Keeps a document's targets in step with its segments after a new version: their place (null when
    /// retired) and word count, as <see cref="Target.Place"/> does. Parameter: <c>@document</c>.
    /// </summary>
    public const string Place = """
        UPDATE translate.targets t
        SET ordinal = CASE WHEN s.retired_in_version IS NULL THEN s.ordinal END, word_count = s.word_count
        FROM translate.segments s
        WHERE s.document_id = @document AND t.segment_id = s.id
          AND (t.ordinal IS DISTINCT FROM CASE WHEN s.retired_in_version IS NULL THEN s.ordinal END OR t.word_count <> s.word_count)
        """;

    /// <summary>
    /// <see cref="Target.MarkSourceChanged"/> for every target of the segments whose source was edited
    /// (<c>@segments</c>, a uuid array) at <c>@now</c>: finished work needs an update (an event each), and a
    /// claim taken on such work returns it needing an update.
    /// </summary>
    public static readonly string SourceChanged = $"""
        WITH outdated AS (
            SELECT t.id, t.events_recorded FROM translate.targets t
            WHERE t.segment_id = ANY(@segments) AND t.state IN {States(TargetWorkflow.SourceChanged.From)}
            FOR UPDATE),
        changed AS (
            UPDATE translate.targets t
            SET state = {State(TargetWorkflow.SourceChanged.To!.Value)}, review_claimed_by = NULL, review_claim_id = NULL,
                events_recorded = o.events_recorded + 1, updated_at = @now
            FROM outdated o WHERE t.id = o.id
            RETURNING t.id, t.events_recorded),
        recorded AS (
            INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
            SELECT gen_random_uuid(), c.id, c.events_recorded, '{TargetWorkflow.SourceChanged.Event}', {State(TargetWorkflow.SourceChanged.To!.Value)},
                NULL, NULL, NULL, @now
            FROM changed c)
        UPDATE translate.targets t SET state_before_claim = {State(TargetWorkflow.SourceChanged.To!.Value)}
        WHERE t.segment_id = ANY(@segments) AND t.state IN {States(TargetWorkflow.Unclaim.From)}
          AND t.state_before_claim IN {States(TargetWorkflow.SourceChanged.From)}
        """;

    /// <summary>What a set-aside draft's event says once its text was dropped under <see cref="Target.SuggestionsKept"/>.</summary>
    public static readonly string DraftDropped = $"Draft dropped: a segment keeps the newest {Target.SuggestionsKept} drafts set aside.";

    /// <summary>
    /// <see cref="Target.SuggestionsKept"/> applied to the targets <paramref name="targets"/> selects (a query of target ids):
    /// the text of every set-aside draft but the newest <paramref name="keep"/> is dropped; the events stay, saying so.
    /// </summary>
    public static string DropOldDrafts(string targets, int keep) => $"""
        UPDATE translate.target_events e SET text = NULL, comment = '{DraftDropped}'
        FROM (SELECT d.id, row_number() OVER (PARTITION BY d.target_id ORDER BY d.sequence DESC) AS newer
              FROM translate.target_events d
              WHERE d.target_id IN ({targets}) AND d.kind = '{TargetEventKind.DraftSetAside}' AND d.text IS NOT NULL) old
        WHERE e.id = old.id AND old.newer > {keep}
        """;

    /// <summary>
    /// <see cref="Target.Expire"/> for every target whose claim ran out by <c>@now</c>: back to the state before
    /// the claim, an Expired event, and the claimant's draft set aside in a DraftSetAside event (nothing they
    /// typed is lost; of the drafts set aside before, the newest <see cref="Target.SuggestionsKept"/> - 1 keep their text,
    /// as <see cref="DropOldDrafts"/> says). Targets are taken with SKIP LOCKED, so concurrent sweeps split the work. Each claim
    /// with segments taken back is marked lapsed and its segments queued for the rest of the escalation
    /// ladder. Returns the count of targets reclaimed.
    /// </summary>
    public static readonly string ExpireLapsed = $"""
        -- The claims first, then their targets: the order a submission or a draft writes them in (the claim's extension,
        -- then the target). Locking a target and then waiting for its claim would deadlock with a holder handing it in at
        -- the lease's last moment; a claim being written is skipped, and the next sweep finds it (extended, or still lapsed).
        WITH lapsed_claims AS MATERIALIZED (
            SELECT c.id FROM translate.claims c
            WHERE c.expires_at <= @now AND c.id IN (SELECT t.claim_id FROM translate.targets t WHERE t.{HeldInClaim})
            FOR UPDATE OF c SKIP LOCKED),
        lapsed AS (
            SELECT t.id, t.claim_id, t.claimed_by, t.draft, t.events_recorded,
                coalesce(t.state_before_claim, {State(TargetWorkflow.Initial)}) AS back
            FROM translate.targets t JOIN lapsed_claims c ON c.id = t.claim_id
            WHERE t.{HeldInClaim}
            FOR UPDATE OF t SKIP LOCKED),
        expired_events AS (
            INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
            SELECT gen_random_uuid(), l.id, l.events_recorded + 1, '{TargetWorkflow.Unclaim.Event}', l.back, NULL, NULL, NULL, @now FROM lapsed l),
        draft_events AS (
            INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
            SELECT gen_random_uuid(), l.id, l.events_recorded + 2, '{TargetEventKind.DraftSetAside}', l.back, l.claimed_by, l.draft, NULL, @now
            FROM lapsed l WHERE l.draft IS NOT NULL),
        -- Every statement of the WITH sees the events as they were before it: the draft set aside above is not yet among them.
        dropped AS ({DropOldDrafts("SELECT l.id FROM lapsed l WHERE l.draft IS NOT NULL", Target.SuggestionsKept - 1)}),
        reclaimed AS (
            UPDATE translate.targets t
            SET state = l.back, claimed_by = NULL, claim_id = NULL, state_before_claim = NULL,
                draft = NULL, draft_saved_at = NULL, updated_at = @now,
                events_recorded = l.events_recorded + CASE WHEN l.draft IS NULL THEN 1 ELSE 2 END
            FROM lapsed l
            WHERE t.id = l.id
            RETURNING t.segment_id, l.claim_id),
        marked AS (
            UPDATE translate.claims c SET lapsed_at = @now
            FROM (SELECT DISTINCT claim_id FROM reclaimed) r
            WHERE c.id = r.claim_id AND c.lapsed_at IS NULL),
        queued AS (
            INSERT INTO translate.lapsed_segments (claim_id, segment_id)
            SELECT r.claim_id, r.segment_id FROM reclaimed r
            ON CONFLICT DO NOTHING)
        SELECT count(*)::int AS "Value" FROM reclaimed
        """;

    /// <summary>
    /// <see cref="Target.ExpireReview"/> for every translation whose review batch ran out by <c>@now</c>: back to the
    /// review queue, with a ReviewExpired event (a decision that lost the race to the lapse is explained).
    /// </summary>
    public static readonly string ReleaseLapsedReviews = $"""
        WITH lapsed AS (
            SELECT t.id, t.events_recorded FROM translate.targets t JOIN translate.claims c ON c.id = t.review_claim_id
            WHERE t.state IN {States(TargetWorkflow.ExpireReview.From)} AND c.expires_at <= @now
            FOR UPDATE OF t SKIP LOCKED),
        expired_events AS (
            INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
            SELECT gen_random_uuid(), l.id, l.events_recorded + 1, '{TargetWorkflow.ExpireReview.Event}', {State(TargetWorkflow.ExpireReview.To!.Value)},
                NULL, NULL, NULL, @now FROM lapsed l)
        UPDATE translate.targets t
        SET review_claimed_by = NULL, review_claim_id = NULL, updated_at = @now, events_recorded = l.events_recorded + 1
        FROM lapsed l WHERE t.id = l.id
        """;
}
