using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Domain.Projects;

/// <summary>
/// A project gains or loses a target language. Gaining one gives every current segment a target in it at once (untranslated),
/// so its queues and progress exist from that moment. Losing one is allowed only before any work started in it: a language
/// in which someone claimed, drafted, translated or reviewed a segment, or commented on one, is refused, since volunteers'
/// work is never thrown away.
/// </summary>
public static class ProjectLanguages
{
    /// <summary>What a target language holds: segments someone worked on (which forbid removing it) and people with rights in it.</summary>
    public sealed record LanguageUse(string Language, int WorkedSegments, int People);

    /// <summary>Each target language's use, as the settings page shows it before anyone tries to remove one.</summary>
    public static async Task<IReadOnlyDictionary<string, LanguageUse>> UseAsync(TranslationDb db, Guid projectId, CancellationToken cancellationToken)
    {
        var worked = await db.Database.SqlQueryRaw<LanguageCount>(WorkedPerLanguageSql, new NpgsqlParameter("project", projectId)).ToDictionaryAsync(c => c.Language, c => c.Count, cancellationToken);
        var people = await db.ProjectMembers.Where(m => m.ProjectId == projectId && (m.CanTranslate || m.CanReview)).GroupBy(m => m.Language)
            .Select(g => new { g.Key, Count = g.Select(m => m.AccountId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var targets = await db.Projects.Where(p => p.Id == projectId).Select(p => p.TargetLanguages).SingleOrDefaultAsync(cancellationToken) ?? [];
        return targets.ToDictionary(l => l, l => new LanguageUse(l, worked.GetValueOrDefault(l), people.GetValueOrDefault(l)), StringComparer.Ordinal);
    }

    private sealed record LanguageCount(string Language, int Count);

    // Per language, the project's targets someone worked on: the ones the removal's delete leaves, refusing the removal.
    private static readonly string WorkedPerLanguageSql = $"""
        SELECT t.language AS "Language", count(*)::int AS "Count" FROM translate.targets t JOIN translate.documents d ON d.id = t.document_id
        WHERE d.project_id = @project AND NOT (t.{TargetSql.Untouched})
        GROUP BY t.language
        """;

    private static readonly string DeleteUntouchedSql = $"""
        DELETE FROM translate.targets t USING translate.documents d
        WHERE d.id = t.document_id AND d.project_id = @project AND t.language = @language AND t.{TargetSql.Untouched}
        """;

    public static async Task<Result<Project>> AddAsync(TranslationDb db, Guid projectId, string? language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = await LockAsync(db, projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId);
        }
        var tag = project.CheckNewTargetLanguage(language);
        if (!tag.Succeeded)
        {
            return tag.Error;
        }
        project.AddTargetLanguage(tag.Value);
        await db.SaveChangesAsync(cancellationToken);
        await CreateTargetsAsync(db, projectId, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // A document whose import committed while this ran read the project's languages before they changed: give it its targets too.
        await CreateTargetsAsync(db, projectId, now, cancellationToken);
        return project;
    }

    public static async Task<Result<Project>> RemoveAsync(TranslationDb db, Guid projectId, string language, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = await LockAsync(db, projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId);
        }
        var removed = project.RemoveTargetLanguage(language);
        if (!removed.Succeeded)
        {
            return removed.Error;
        }
        // Only targets nobody touched go; whatever is left (locked by the delete's scan or not) is work, and refuses the whole change.
        var documents = db.Documents.Where(d => d.ProjectId == projectId).Select(d => d.Id);
        await db.Database.ExecuteSqlRawAsync(DeleteUntouchedSql, [new NpgsqlParameter("project", projectId), new NpgsqlParameter("language", language)], cancellationToken);
        var worked = await db.Targets.CountAsync(t => documents.Contains(t.DocumentId) && t.Language == language, cancellationToken);
        var comments = await db.Comments.CountAsync(c => c.Language == language && db.Segments.Any(s => s.Id == c.SegmentId && documents.Contains(s.DocumentId)),
            cancellationToken);
        if (worked > 0 || comments > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new LanguageHasWork(language, worked, comments);
        }
        await db.ProjectMembers.Where(m => m.ProjectId == projectId && m.Language == language).ExecuteDeleteAsync(cancellationToken);
        await db.Deadlines.Where(d => d.Language == language && documents.Contains(d.DocumentId)).ExecuteDeleteAsync(cancellationToken);
        await db.DocumentProgress.Where(p => p.Language == language && documents.Contains(p.DocumentId)).ExecuteDeleteAsync(cancellationToken);
        await db.MachineTranslationSettings.Where(s => s.ProjectId == projectId && s.Language == language).ExecuteDeleteAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM translate.document_progress_changes c USING translate.documents d
            WHERE d.id = c.document_id AND d.project_id = {projectId} AND c.language = {language}
            """, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return project;
    }

    // One change of a project's languages at a time: the row lock orders them.
    private static async Task<Project?> LockAsync(TranslationDb db, Guid projectId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM translate.projects WHERE id = {projectId} FOR UPDATE", cancellationToken);
        return await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
    }

    private static Task<int> CreateTargetsAsync(TranslationDb db, Guid projectId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(TargetSql.CreateMissing("d.project_id = @project"),
            [new NpgsqlParameter("project", projectId), new NpgsqlParameter("now", now)], cancellationToken);
}
