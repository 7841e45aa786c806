namespace Wgig.Translate.Bench;

/// <summary>
/// The raw SQL a hand-written implementation would send for each operation, as pgbench scripts: the baselines
/// the HTTP calls are measured against. Each is one statement, one round trip. Volunteer n is the account
/// 00000000-0000-0000-0000-{n:D12}; pgbench substitutes :doc, :project, :clients, :v and the like textually.
/// </summary>
public static class RawStatements
{
    private const string Volunteer = "('00000000-0000-0000-0000-' || lpad(:v::text, 12, '0'))::uuid";

    /// <summary>
    /// The ideal dequeue: the next four open targets of the document × language from the partial index over open
    /// targets, LIMIT 4 FOR UPDATE SKIP LOCKED, the claim opened, the targets claimed, their events recorded.
    /// </summary>
    public const string IdealClaim = $"""
        \set v random(1, :clients)
        WITH picked AS (
            SELECT id, state, word_count FROM translate.targets
            WHERE document_id = :doc AND language = 'fr' AND state IN ('Untranslated', 'NeedsUpdate', 'Rejected') AND ordinal IS NOT NULL
            ORDER BY ordinal LIMIT 4 FOR UPDATE SKIP LOCKED),
          claim AS (
            INSERT INTO translate.claims (id, volunteer_id, kind, document_id, language, words, open_words, created_at, expires_at, released_at, lapsed_at, due_at)
            SELECT gen_random_uuid(), {Volunteer}, 'Translation', :doc, 'fr', sum(word_count), 0, now(), now() + interval '48 hours', NULL, NULL, NULL
            FROM picked HAVING count(*) > 0
            RETURNING id, volunteer_id),
          taken AS (
            UPDATE translate.targets t SET state = 'Claimed', state_before_claim = p.state, claimed_by = c.volunteer_id, claim_id = c.id,
                events_recorded = t.events_recorded + 1, updated_at = now()
            FROM picked p, claim c WHERE t.id = p.id
            RETURNING t.id, t.events_recorded, t.claimed_by)
        INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
        SELECT gen_random_uuid(), id, events_recorded, 'Claimed', 'Claimed', claimed_by, NULL, NULL, now() FROM taken;
        """;

    /// <summary>
    /// A draft saved on a target the volunteer holds under a live claim, if they hold the right, and the claim
    /// extended when that gains a minute or more. With :target set, that target, found by its key first (as the API
    /// finds it from the URL), so the statement costs the same however many claims the volunteer holds; else the first
    /// target they hold (the editor mix, where each volunteer holds a batch or two).
    /// </summary>
    public static string DraftSave(bool fixedTarget) => $"""
        {(fixedTarget ? "" : "\\set v random(1, :clients)")}
        WITH held AS (
            {(fixedTarget ? HeldTarget("t.id = :target", "translate.targets t") : HeldByVolunteer)}
              AND EXISTS (SELECT 1 FROM translate.project_members m
                          WHERE m.project_id = :project AND m.account_id = {Volunteer} AND m.language = 'fr' AND m.can_translate)
            LIMIT 1),
          saved AS (
            UPDATE translate.targets t SET draft = 'Le paragraphe dit une', draft_saved_at = now(), updated_at = now()
            FROM held h WHERE t.id = h.id RETURNING h.claim_id)
        UPDATE translate.claims c SET expires_at = now() + interval '48 hours'
        FROM saved s WHERE c.id = s.claim_id AND c.expires_at < now() + interval '47 hours 59 minutes';
        """;

    private const string HeldByVolunteer = $"""
        SELECT t.id, t.events_recorded, c.id AS claim_id FROM translate.claims c JOIN translate.targets t ON t.claim_id = c.id AND t.state = 'Claimed'
            WHERE c.volunteer_id = {Volunteer} AND c.kind = 'Translation' AND c.released_at IS NULL AND c.expires_at > now()
        """;

    // A target found by its key, held by the volunteer under a live translation claim.
    private static string HeldTarget(string key, string from) => $"""
        SELECT t.id, t.events_recorded, t.claim_id FROM {from}
            WHERE {key} AND t.state = 'Claimed'
              AND EXISTS (SELECT 1 FROM translate.claims c WHERE c.id = t.claim_id AND c.volunteer_id = {Volunteer} AND c.kind = 'Translation'
                          AND c.released_at IS NULL AND c.expires_at > now())
        """;

    /// <summary>
    /// The table and sequence that <see cref="Submit"/> with a list reads: the targets to hand in, numbered from 1 in
    /// the order to hand them in (the HTTP side knows each segment from the batch it claimed; a hand-written client
    /// would too).
    /// </summary>
    public static string SubmitListSql(IEnumerable<Guid> targetIds) => $"""
        DROP TABLE IF EXISTS bench_submit_list; DROP SEQUENCE IF EXISTS bench_submit_next;
        CREATE TABLE bench_submit_list (n int PRIMARY KEY, target_id uuid NOT NULL);
        CREATE SEQUENCE bench_submit_next;
        INSERT INTO bench_submit_list SELECT o, id FROM unnest(ARRAY[{string.Join(",", targetIds.Select(id => $"'{id}'"))}]::uuid[]) WITH ORDINALITY AS l(id, o);
        """;

    /// <summary>
    /// A target the volunteer holds handed in: the text, the claim cleared, the event, the claim extended. Listed: the
    /// next target of <see cref="SubmitListSql"/>'s list, found by its key; else the volunteer's first held target in
    /// document order (the editor mix).
    /// </summary>
    public static string Submit(bool listed) => $"""
        {(listed ? "" : "\\set v random(1, :clients)")}
        WITH held AS (
            {(listed
                ? HeldTarget("l.n = (SELECT nextval('bench_submit_next'))", "bench_submit_list l JOIN translate.targets t ON t.id = l.target_id")
                : HeldByVolunteer)}
              AND EXISTS (SELECT 1 FROM translate.project_members m
                          WHERE m.project_id = :project AND m.account_id = {Volunteer} AND m.language = 'fr' AND m.can_translate)
            {(listed ? "" : "ORDER BY t.ordinal")} LIMIT 1
            FOR UPDATE OF t),
          submitted AS (
            UPDATE translate.targets t SET state = 'Translated', text = 'Le paragraphe dit une chose.', translator_id = {Volunteer},
                claimed_by = NULL, claim_id = NULL, state_before_claim = NULL, draft = NULL, draft_saved_at = NULL,
                review_claimed_by = NULL, review_claim_id = NULL, review_comment = NULL, events_recorded = h.events_recorded + 1, updated_at = now()
            FROM held h WHERE t.id = h.id
            RETURNING t.id, t.events_recorded, h.claim_id),
          recorded AS (
            INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
            SELECT gen_random_uuid(), s.id, s.events_recorded, 'Submitted', 'Translated', {Volunteer}, 'Le paragraphe dit une chose.', NULL, now()
            FROM submitted s)
        UPDATE translate.claims c SET expires_at = now() + interval '48 hours'
        FROM submitted s WHERE c.id = s.claim_id AND c.expires_at < now() + interval '47 hours 59 minutes';
        """;

    /// <summary>A page of 50 segments of the document, with the total, as the segments endpoint reads them.</summary>
    public const string SegmentPage = """
        \set page random(0, 20)
        SELECT count(*) FROM translate.segments WHERE document_id = :doc AND retired_in_version IS NULL;
        SELECT * FROM translate.segments WHERE document_id = :doc AND retired_in_version IS NULL
        ORDER BY ordinal, id OFFSET :page * 50 LIMIT 50;
        """;

    // Reviewers are the accounts after the translators.
    private const string Reviewer = "\\set v random(:firstreviewer, :lastreviewer)";

    /// <summary>The next eight submitted translations of others taken into a review batch.</summary>
    public const string IdealReviewClaim = $"""
        {Reviewer}
        WITH picked AS (
            SELECT id, word_count FROM translate.targets
            WHERE document_id = :doc AND language = 'fr' AND state = 'Translated' AND review_claim_id IS NULL AND ordinal IS NOT NULL
              AND translator_id <> {Volunteer}
            ORDER BY ordinal LIMIT 8 FOR UPDATE SKIP LOCKED),
          claim AS (
            INSERT INTO translate.claims (id, volunteer_id, kind, document_id, language, words, open_words, created_at, expires_at, released_at, lapsed_at, due_at)
            SELECT gen_random_uuid(), {Volunteer}, 'Review', :doc, 'fr', sum(word_count), 0, now(), now() + interval '48 hours', NULL, NULL, NULL
            FROM picked HAVING count(*) > 0
            RETURNING id, volunteer_id),
          taken AS (
            UPDATE translate.targets t SET review_claimed_by = c.volunteer_id, review_claim_id = c.id, events_recorded = t.events_recorded + 1, updated_at = now()
            FROM picked p, claim c WHERE t.id = p.id
            RETURNING t.id, t.events_recorded, t.review_claimed_by)
        INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
        SELECT gen_random_uuid(), id, events_recorded, 'ReviewClaimed', 'Translated', review_claimed_by, NULL, NULL, now() FROM taken;
        """;

    /// <summary>A translation in the reviewer's batch approved, if they hold the review right.</summary>
    public const string Approve = $"""
        {Reviewer}
        WITH held AS (
            SELECT t.id, t.events_recorded FROM translate.claims c JOIN translate.targets t ON t.review_claim_id = c.id AND t.state = 'Translated'
            WHERE c.volunteer_id = {Volunteer} AND c.kind = 'Review' AND c.expires_at > now()
              AND EXISTS (SELECT 1 FROM translate.project_members m
                          WHERE m.project_id = :project AND m.account_id = {Volunteer} AND m.language = 'fr' AND m.can_review)
            LIMIT 1 FOR UPDATE OF t),
          approved AS (
            UPDATE translate.targets t SET state = 'Approved', review_claimed_by = NULL, review_claim_id = NULL, review_comment = NULL,
                events_recorded = h.events_recorded + 1, updated_at = now()
            FROM held h WHERE t.id = h.id RETURNING t.id, t.events_recorded)
        INSERT INTO translate.target_events (id, target_id, sequence, kind, state_after, actor_id, text, comment, at)
        SELECT gen_random_uuid(), a.id, a.events_recorded, 'Approved', 'Approved', {Volunteer}, NULL, NULL, now() FROM approved a;
        """;
}
