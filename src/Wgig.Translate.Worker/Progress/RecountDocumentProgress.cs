using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Worker.Progress;

/// <summary>
/// Recounts a document's progress in every target language of its project in one set-based upsert.
/// Running it twice, or late, gives the same rows: it always counts what is stored now.
/// </summary>
public sealed class RecountDocumentProgress(TranslationDb db, TimeProvider clock) : IBackgroundJob, IRecountDocumentProgress
{
    public async Task RunAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        string translated = nameof(TargetState.Translated), approved = nameof(TargetState.Approved);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO translate.document_progress AS progress
                (document_id, language, segment_count, word_count, translated_segments, translated_words,
                 approved_segments, approved_words, recounted_at)
            SELECT d.id, lang.code,
                   count(s.id),
                   coalesce(sum(s.word_count), 0),
                   count(t.id) FILTER (WHERE t.state IN ({translated}, {approved})),
                   coalesce(sum(s.word_count) FILTER (WHERE t.state IN ({translated}, {approved})), 0),
                   count(t.id) FILTER (WHERE t.state = {approved}),
                   coalesce(sum(s.word_count) FILTER (WHERE t.state = {approved}), 0),
                   {now}
            FROM translate.documents d
            JOIN translate.projects p ON p.id = d.project_id
            CROSS JOIN LATERAL unnest(p.target_languages) AS lang(code)
            LEFT JOIN translate.segments s ON s.document_id = d.id AND s.retired_in_version IS NULL
            LEFT JOIN translate.targets t ON t.segment_id = s.id AND t.language = lang.code
            WHERE d.id = {documentId}
            GROUP BY d.id, lang.code
            ON CONFLICT (document_id, language) DO UPDATE SET
                segment_count = excluded.segment_count,
                word_count = excluded.word_count,
                translated_segments = excluded.translated_segments,
                translated_words = excluded.translated_words,
                approved_segments = excluded.approved_segments,
                approved_words = excluded.approved_words,
                recounted_at = excluded.recounted_at
            """, cancellationToken);
        // A language dropped from the project leaves no stale row behind.
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM translate.document_progress progress
            USING translate.documents d JOIN translate.projects p ON p.id = d.project_id
            WHERE progress.document_id = d.id AND d.id = {documentId}
              AND NOT (progress.language = ANY (p.target_languages))
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
