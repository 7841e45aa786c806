using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Documents;

/// <summary>A document of a project, in one of the project's target languages.</summary>
public sealed record DocumentLanguage(Project Project, Document Document, string Language)
{
    /// <summary>Finds the pair a request names, or says which part of it does not exist.</summary>
    public static async Task<Result<DocumentLanguage>> FindAsync(
        TranslationDb db, Guid projectId, Guid documentId, string? language, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId);
        }
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.ProjectId == projectId, cancellationToken);
        if (document is null)
        {
            return new DocumentNotFound(projectId, documentId);
        }
        if (!LanguageTag.TryNormalize(language, out var target, out _) || !project.TranslatesInto(target))
        {
            return new NotATargetLanguage(language ?? "", project.TargetLanguages);
        }
        return new DocumentLanguage(project, document, target);
    }
}
