using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Claims;

/// <summary>
/// The one capacity rule, whatever way work reaches a volunteer (claimed next, chosen, assigned by a coordinator,
/// reassigned by the Worker): the words they hold in live claims, plus the new work, stay within their limit.
/// </summary>
public static class OpenWords
{
    /// <summary>
    /// The most words a volunteer may hold in live claims at once: their weekly capacity when their profile gives one
    /// (a 48-hour lease can then never hold more than a week's work), and never more than the project's cap.
    /// </summary>
    public static int LimitFor(VolunteerProfile? profile, ClaimOptions options) =>
        profile is { CapacityWordsPerWeek: > 0 } ? Math.Min(profile.CapacityWordsPerWeek, options.MaxOpenWords) : options.MaxOpenWords;

    /// <summary>Words each volunteer holds in live claims now: segments claimed and not yet handed in.</summary>
    /// <remarks>Read from the claims' <see cref="Claim.OpenWords"/>: as many rows as the volunteer's live claims, however many segments they hold.</remarks>
    public static async Task<Dictionary<Guid, int>> HeldAsync(TranslationDb db, IReadOnlyCollection<Guid> volunteerIds, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        Guid[] ids = [.. volunteerIds];
        return await db.Claims.Where(c => ids.Contains(c.VolunteerId) && c.Kind == ClaimKind.Translation && c.ReleasedAt == null && c.ExpiresAt > now)
            .GroupBy(c => c.VolunteerId).Select(g => new { g.Key, Words = g.Sum(c => c.OpenWords) })
            .ToDictionaryAsync(x => x.Key, x => x.Words, cancellationToken);
    }

    public static async Task<int> HeldAsync(TranslationDb db, Guid volunteerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await HeldAsync(db, [volunteerId], now, cancellationToken)).GetValueOrDefault(volunteerId);

    /// <summary>
    /// Keeps <see cref="Claim.OpenWords"/>: after every statement that writes targets, each claim gains the words of its
    /// targets that became held in it (<see cref="TargetSql.HeldInClaim"/> with its id) and loses those of the ones that stopped
    /// being held (handed in, released, lapsed, taken back, moved to another claim, their word count changed, deleted: no
    /// path deletes a held target today, as removing a language deletes untouched targets only), in the same statement's
    /// transaction, whichever path wrote them. One UPDATE per statement, whatever its
    /// size; a statement that moves nothing held (a draft saved, a queue reordered, targets created unclaimed) updates no claim.
    /// </summary>
    public static readonly string TriggerSql = $"""
        CREATE FUNCTION translate.claims_open_words() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                {Apply(Held("new_targets", ""))}
            ELSIF TG_OP = 'DELETE' THEN
                {Apply(Held("old_targets", "-"))}
            ELSE
                {Apply($"{Held("old_targets", "-")} UNION ALL {Held("new_targets", "")}")}
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER claims_open_words_inserted AFTER INSERT ON translate.targets REFERENCING NEW TABLE AS new_targets
            FOR EACH STATEMENT EXECUTE FUNCTION translate.claims_open_words();
        CREATE TRIGGER claims_open_words_updated AFTER UPDATE ON translate.targets REFERENCING OLD TABLE AS old_targets NEW TABLE AS new_targets
            FOR EACH STATEMENT EXECUTE FUNCTION translate.claims_open_words();
        CREATE TRIGGER claims_open_words_deleted AFTER DELETE ON translate.targets REFERENCING OLD TABLE AS old_targets
            FOR EACH STATEMENT EXECUTE FUNCTION translate.claims_open_words();
        """;

    // The held targets of a transition table, their words signed: gained (new rows) or lost (old rows).
    private static string Held(string table, string sign) =>
        $"SELECT h.claim_id, {sign}h.word_count AS words FROM {table} h WHERE h.claim_id IS NOT NULL AND h.{TargetSql.HeldInClaim}";

    private static string Apply(string held) => $"""
        UPDATE translate.claims c SET open_words = c.open_words + d.words
                FROM (SELECT x.claim_id, sum(x.words)::int AS words FROM ({held}) x GROUP BY x.claim_id HAVING sum(x.words) <> 0) d
                WHERE c.id = d.claim_id;
        """;

    /// <summary>Every claim's <see cref="Claim.OpenWords"/> from its targets (when the column is created).</summary>
    public static readonly string RecountSql = $"""
        UPDATE translate.claims c SET open_words = h.words
        FROM (SELECT t.claim_id, sum(t.word_count)::int AS words FROM translate.targets t
              WHERE t.claim_id IS NOT NULL AND t.{TargetSql.HeldInClaim} GROUP BY t.claim_id) h
        WHERE c.id = h.claim_id;
        """;
}
