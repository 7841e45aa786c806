using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Projects;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Documents;

/// <summary>A document of a project, in one of the project's target languages.</summary>
public sealed record DocumentLanguage(Project Project, Document Document, string Language)
{
    /// <summary>Finds the pair a request names, or says which part of it does not exist.</summary>
    public static async Task<Result<DocumentLanguage>> FindAsync(
        TranslationDb db, Guid projectId, Guid documentId, string? language, CancellationToken cancellationToken) =>
        (await FindWithProfileAsync(db, projectId, documentId, language, null, cancellationToken)).Map(found => found.Target);

    /// <summary>
    /// The one check of a per-language right: finds the pair a request names for an account that holds the
    /// right in it, or says which part does not exist or that the right is missing. One round trip.
    /// </summary>
    public static async Task<Result<DocumentLanguage>> FindForAsync(
        TranslationDb db, Guid projectId, Guid documentId, string? language, Guid accountId, LanguageRight right, CancellationToken cancellationToken) =>
        (await FindWithProfileAsync(db, projectId, documentId, language, (accountId, right), cancellationToken)).Map(found => found.Target);

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

    /// <summary>Both rights of an account in the pair at once (what a page offers depends on them).</summary>
    public static async Task<(bool Translate, bool Review)> RightsAsync(TranslationDb db, DocumentLanguage target, Guid accountId, CancellationToken cancellationToken)
    {
        // The grant's two flags are the two rights (what ProjectMember.Holds tests, one at a time).
        var held = await db.ProjectMembers.Where(m => m.ProjectId == target.Project.Id && m.AccountId == accountId && m.Language == target.Language)
            .Select(m => new { m.CanTranslate, m.CanReview })
            .FirstOrDefaultAsync(cancellationToken);
        return (held?.CanTranslate ?? false, held?.CanReview ?? false);
    }

    public static Task<bool> HoldsAsync(TranslationDb db, DocumentLanguage target, Guid accountId, LanguageRight right, CancellationToken cancellationToken) =>
        db.ProjectMembers.AnyAsync(ProjectMember.Holds(target.Project.Id, accountId, target.Language, right), cancellationToken);

    /// <summary>
    /// <see cref="FindForAsync"/> with the account's stored volunteer profile (none when nobody filled one in) in the same
    /// round trip: claim-next and review-next size the batch and the cap by it.
    /// </summary>
    public static async Task<Result<(DocumentLanguage Target, VolunteerProfile? Profile)>> FindForWithProfileAsync(TranslationDb db, Guid projectId,
        Guid documentId, string? language, Guid accountId, LanguageRight right, CancellationToken cancellationToken) =>
        await FindWithProfileAsync(db, projectId, documentId, language, (accountId, right), cancellationToken);

    private sealed record Found(Project Project, Document? Document, bool Holds, VolunteerProfile? Profile);

    // Every claim, draft, submission and review decision runs this query first, so it is compiled once per right (no expression
    // tree to build, parameterize and look up in the query cache per call). Every part refers to the project row, so that EF
    // translates it into the one query instead of running it apart.
    private static Func<TranslationDb, Guid, Guid, string, Guid, bool, CancellationToken, Task<Found?>> Compile(LanguageRight right)
    {
        var grant = ProjectMember.Grants(right);
        return EF.CompileAsyncQuery((TranslationDb db, Guid projectId, Guid documentId, string language, Guid account, bool check,
            CancellationToken _) => db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new Found(
                p,
                db.Documents.FirstOrDefault(d => d.Id == documentId && d.ProjectId == p.Id),
                check && db.ProjectMembers.Where(m => m.ProjectId == p.Id && m.AccountId == account && m.Language == language).Any(grant),
                db.VolunteerProfiles.FirstOrDefault(v => v.AccountId == account)))
            .SingleOrDefault());
    }

    private static readonly Func<TranslationDb, Guid, Guid, string, Guid, bool, CancellationToken, Task<Found?>> FindTranslating =
        Compile(LanguageRight.Translate);
    private static readonly Func<TranslationDb, Guid, Guid, string, Guid, bool, CancellationToken, Task<Found?>> FindReviewing =
        Compile(LanguageRight.Review);

    private static async Task<Result<(DocumentLanguage Target, VolunteerProfile? Profile)>> FindWithProfileAsync(TranslationDb db,
        Guid projectId, Guid documentId, string? language, (Guid Account, LanguageRight Right)? needs, CancellationToken cancellationToken)
    {
        var normalized = LanguageTag.TryNormalize(language, out var target, out _) ? target : "";
        var (account, right) = needs ?? (Guid.Empty, LanguageRight.Translate);
        // A right found held a moment ago is taken from what this process kept (RightAnswers): the same answer, without the round trip.
        var kept = needs is null ? null : RightAnswers.Of(db);
        var question = new RightQuestion(account, projectId, documentId, normalized, right);
        if (kept is not null && kept.TryGet(question, out var answer))
        {
            return (new DocumentLanguage(answer.Project, answer.Document, normalized), answer.Profile);
        }
        var changes = kept?.Changes ?? 0;
        var readAt = kept?.Now ?? default;
        var find = right == LanguageRight.Review ? FindReviewing : FindTranslating;
        var found = await find(db, projectId, documentId, normalized, account, needs is not null, cancellationToken);
        if (found is null)
        {
            return new ProjectNotFound(projectId);
        }
        if (found.Document is null)
        {
            return new DocumentNotFound(projectId, documentId);
        }
        if (normalized.Length == 0 || !found.Project.TranslatesInto(normalized))
        {
            return new NotATargetLanguage(language ?? "", found.Project.TargetLanguages);
        }
        if (needs is not null && !found.Holds)
        {
            return new NoLanguageRight(right, normalized);
        }
        kept?.Remember(question, new RightAnswer(found.Project, found.Document, found.Profile), changes, readAt);
        return (new DocumentLanguage(found.Project, found.Document, normalized), needs is null ? null : found.Profile);
    }
}