using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Progress;

/// <summary>How far one document is in one target language, exact at the moment it is read.</summary>
/// <param name="SegmentCount">Segments of the current version.</param>
/// <param name="WordCount">Source words of the current version.</param>
/// <param name="TranslatedSegments">Segments handed in or approved.</param>
public sealed record LanguageProgress(string Language, int SegmentCount, int WordCount, int TranslatedSegments, int TranslatedWords,
    int ApprovedSegments, int ApprovedWords)
{
    public double TranslatedPercent => Percent(TranslatedWords);

    public double ApprovedPercent => Percent(ApprovedWords);

    private double Percent(int words) => WordCount == 0 ? 0 : Math.Round(100.0 * words / WordCount, 1);
}

/// <summary>
/// Reads progress. Totals are the current version's; translated and approved counts are the folded row plus
/// the changes not folded yet. Triggers on targets and segments append those changes in the transaction that
/// makes them, whatever code path writes (EF, set-based SQL, COPY), so a read never waits for a recount and
/// never sees a half-made change. The Worker folds the changes every minute so a read sums a few rows.
/// </summary>
public static class ProgressCounts
{
    /// <summary>Each document's progress in each of its project's target languages, in the project's order.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<LanguageProgress>>> ForAsync(TranslationDb db, IReadOnlyCollection<Guid> documentIds,
        CancellationToken cancellationToken)
    {
        Guid[] ids = [.. documentIds.Distinct()];
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT d.id AS document_id, l.language AS language, v.segment_count AS segment_count, v.word_count AS word_count,
                   coalesce(c.translated_segments, 0) AS translated_segments, coalesce(c.translated_words, 0) AS translated_words,
                   coalesce(c.approved_segments, 0) AS approved_segments, coalesce(c.approved_words, 0) AS approved_words
            FROM translate.documents d
            JOIN translate.document_versions v ON v.document_id = d.id AND v.number = d.current_version
            JOIN translate.projects p ON p.id = d.project_id
            CROSS JOIN LATERAL unnest(p.target_languages) WITH ORDINALITY AS l(language, place)
            LEFT JOIN LATERAL (
                SELECT sum(x.translated_segments)::int AS translated_segments, sum(x.translated_words)::int AS translated_words,
                       sum(x.approved_segments)::int AS approved_segments, sum(x.approved_words)::int AS approved_words
                FROM (SELECT f.translated_segments, f.translated_words, f.approved_segments, f.approved_words
                      FROM translate.document_progress f WHERE f.document_id = d.id AND f.language = l.language
                      UNION ALL
                      SELECT n.translated_segments, n.translated_words, n.approved_segments, n.approved_words
                      FROM translate.document_progress_changes n WHERE n.document_id = d.id AND n.language = l.language) x) c ON true
            WHERE d.id = ANY ({ids})
            ORDER BY d.id, l.place
            """).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.DocumentId).ToDictionary(g => g.Key, g => (IReadOnlyList<LanguageProgress>)[.. g.Select(r =>
            new LanguageProgress(r.Language, r.SegmentCount, r.WordCount, r.TranslatedSegments, r.TranslatedWords, r.ApprovedSegments, r.ApprovedWords))]);
    }

    public static async Task<IReadOnlyList<LanguageProgress>> ForAsync(TranslationDb db, Guid documentId, CancellationToken cancellationToken) =>
        (await ForAsync(db, [documentId], cancellationToken)).GetValueOrDefault(documentId) ?? [];

    /// <summary>
    /// Moves every change in the ledger into the folded rows, in one statement: a read before or after sees
    /// the same sums. Serialized with <see cref="RecountAsync"/> by an advisory lock. Returns the changes folded.
    /// </summary>
    public static async Task<int> FoldAsync(TranslationDb db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        // Not composed (a data-modifying WITH must stay at the top level): the one row is read as a list.
        var folded = (await db.Database.SqlQuery<int>($"""
            WITH moved AS (
                DELETE FROM translate.document_progress_changes
                RETURNING document_id, language, translated_segments, translated_words, approved_segments, approved_words),
            sums AS (
                SELECT document_id, language, count(*) AS changes, sum(translated_segments)::int AS translated_segments,
                       sum(translated_words)::int AS translated_words, sum(approved_segments)::int AS approved_segments,
                       sum(approved_words)::int AS approved_words
                FROM moved GROUP BY document_id, language),
            upserted AS (
                INSERT INTO translate.document_progress AS p
                    (document_id, language, translated_segments, translated_words, approved_segments, approved_words)
                SELECT s.document_id, s.language, s.translated_segments, s.translated_words, s.approved_segments, s.approved_words
                FROM sums s JOIN translate.documents d ON d.id = s.document_id
                ORDER BY s.document_id, s.language
                ON CONFLICT (document_id, language) DO UPDATE SET
                    translated_segments = p.translated_segments + excluded.translated_segments,
                    translated_words = p.translated_words + excluded.translated_words,
                    approved_segments = p.approved_segments + excluded.approved_segments,
                    approved_words = p.approved_words + excluded.approved_words)
            SELECT coalesce(sum(changes), 0)::int AS "Value" FROM sums
            """).ToListAsync(cancellationToken)).Single();
        await transaction.CommitAsync(cancellationToken);
        return folded;
    }

    /// <summary>
    /// The repair tool: counts a document's targets afresh and replaces its folded rows and pending changes with
    /// the count, in one statement (one snapshot), so changes committed meanwhile are neither lost nor counted twice.
    /// </summary>
    public static async Task RecountAsync(TranslationDb db, Guid documentId, CancellationToken cancellationToken)
    {
        // The states that count, as Target.CountsAsTranslated says; the triggers say the same in SQL.
        string translated = nameof(TargetState.Translated), approved = nameof(TargetState.Approved);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            WITH cleared AS (
                DELETE FROM translate.document_progress_changes WHERE document_id = {documentId}),
            counted AS (
                SELECT t.language,
                       count(*) FILTER (WHERE t.state IN ({translated}, {approved}))::int AS translated_segments,
                       coalesce(sum(s.word_count) FILTER (WHERE t.state IN ({translated}, {approved})), 0)::int AS translated_words,
                       count(*) FILTER (WHERE t.state = {approved})::int AS approved_segments,
                       coalesce(sum(s.word_count) FILTER (WHERE t.state = {approved}), 0)::int AS approved_words
                FROM translate.segments s JOIN translate.targets t ON t.segment_id = s.id
                WHERE s.document_id = {documentId} AND s.retired_in_version IS NULL
                GROUP BY t.language),
            languages AS (
                SELECT language FROM counted
                UNION SELECT language FROM translate.document_progress WHERE document_id = {documentId})
            INSERT INTO translate.document_progress AS p
                (document_id, language, translated_segments, translated_words, approved_segments, approved_words)
            SELECT {documentId}, l.language, coalesce(c.translated_segments, 0), coalesce(c.translated_words, 0),
                   coalesce(c.approved_segments, 0), coalesce(c.approved_words, 0)
            FROM languages l LEFT JOIN counted c ON c.language = l.language
            JOIN translate.documents d ON d.id = {documentId}
            ORDER BY l.language
            ON CONFLICT (document_id, language) DO UPDATE SET
                translated_segments = excluded.translated_segments, translated_words = excluded.translated_words,
                approved_segments = excluded.approved_segments, approved_words = excluded.approved_words
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // pg_advisory_xact_lock's key for the fold and the recount ("progress" in ASCII).
    private const long LockKey = 0x70726F6772657373;

    private sealed record Row(Guid DocumentId, string Language, int SegmentCount, int WordCount, int TranslatedSegments, int TranslatedWords,
        int ApprovedSegments, int ApprovedWords);
}
