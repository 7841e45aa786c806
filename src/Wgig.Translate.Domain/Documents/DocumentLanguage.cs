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

    /// <summary>
    /// The one check of a per-language right: finds the pair a request names for an account that holds the
    /// right in it, or says which part does not exist or that the right is missing.
    /// </summary>
    public static async Task<Result<DocumentLanguage>> FindForAsync(
        TranslationDb db, Guid projectId, Guid documentId, string? language, Guid accountId, LanguageRight right, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, projectId, documentId, language, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }
        return await HoldsAsync(db, found.Value, accountId, right, cancellationToken) ? found : new NoLanguageRight(right, found.Value.Language);
    }

    /// <summary>
    /// For work either right allows (suggestions, muting a check): the pair the request names, if the account holds the
    /// translate or the review right in it. Staff need no right: callers decide that before.
    /// </summary>
    public static async Task<Result<DocumentLanguage>> FindForWorkAsync(
        TranslationDb db, Guid projectId, Guid documentId, string? language, Guid accountId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, projectId, documentId, language, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }
        var target = found.Value;
        return await db.ProjectMembers.AnyAsync(m => m.ProjectId == target.Project.Id && m.AccountId == accountId && m.Language == target.Language
            && (m.CanTranslate || m.CanReview), cancellationToken) ? found : new NoLanguageRight(LanguageRight.Translate, target.Language);
    }

    public static Task<bool> HoldsAsync(TranslationDb db, DocumentLanguage target, Guid accountId, LanguageRight right, CancellationToken cancellationToken) =>
        db.ProjectMembers.AnyAsync(ProjectMember.Holds(target.Project.Id, accountId, target.Language, right), cancellationToken);
}
