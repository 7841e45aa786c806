using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Documents;
using Wgig.Translate.Domain.Languages;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Projects;

/// <summary>
/// Granting and taking away the rights of one account in one project × target language: the one write behind the
/// JSON API's PUT …/members/{accountId}/languages/{lang} and the people pages' row forms. Taking a right away ends the
/// account's live claims (translate) or review batches (review) in the language at once; each segment's history says why.
/// </summary>
public sealed class MemberRights(TranslationDb db, TimeProvider clock)
{
    public async Task<Result<ProjectMember>> SetAsync(Guid projectId, Guid accountId, string? language, bool canTranslate, bool canReview, Guid by,
        CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return new ProjectNotFound(projectId);
        }
        if (!LanguageTag.TryNormalize(language, out var target, out _) || !project.TranslatesInto(target))
        {
            return new NotATargetLanguage(language ?? "", project.TargetLanguages);
        }
        if (!await db.Users.AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            return new AccountNotFound(accountId);
        }
        var now = clock.GetUtcNow();
        var member = await db.ProjectMembers.SingleOrDefaultAsync(m => m.ProjectId == projectId && m.AccountId == accountId && m.Language == target, cancellationToken);
        if (member is null)
        {
            member = ProjectMember.Grant(projectId, accountId, target, by, now);
            db.ProjectMembers.Add(member);
        }
        var (couldTranslate, couldReview) = (member.CanTranslate, member.CanReview);
        member.SetRights(canTranslate, canReview, by, now);
        // A right taken away ends the work it allowed, in the same transaction.
        await RightRevocation.EndWorkAsync(db, member, couldTranslate, couldReview, by, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }
}
