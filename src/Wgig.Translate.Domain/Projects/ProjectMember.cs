namespace Wgig.Translate.Domain.Projects;

/// <summary>The two rights a volunteer holds per project and target language.</summary>
public enum LanguageRight
{
    Translate,
    Review,
}

/// <summary>What one account may do in one target language of one project: translate, review, or both.</summary>
public sealed class ProjectMember
{
    private ProjectMember()
    {
        Language = "";
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid AccountId { get; private set; }

    public string Language { get; private set; }

    public bool CanTranslate { get; private set; }

    public bool CanReview { get; private set; }

    public Guid GrantedBy { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public static ProjectMember Grant(Guid projectId, Guid accountId, string language, Guid grantedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ProjectId = projectId,
        AccountId = accountId,
        Language = language,
        GrantedBy = grantedBy,
        GrantedAt = now,
    };

    /// <summary>The grant's flag that is the right, as a query filter on grants already narrowed to one account and language.</summary>
    public static System.Linq.Expressions.Expression<Func<ProjectMember, bool>> Grants(LanguageRight right) =>
        right == LanguageRight.Review ? m => m.CanReview : m => m.CanTranslate;

    /// <summary>Whether this grant includes the right, as a query filter (the right's flag as <see cref="Grants"/> names it).</summary>
    public static System.Linq.Expressions.Expression<Func<ProjectMember, bool>> Holds(Guid projectId, Guid accountId, string language, LanguageRight right) =>
        right == LanguageRight.Review
            ? m => m.ProjectId == projectId && m.AccountId == accountId && m.Language == language && m.CanReview
            : m => m.ProjectId == projectId && m.AccountId == accountId && m.Language == language && m.CanTranslate;

    public void SetRights(bool canTranslate, bool canReview, Guid grantedBy, DateTimeOffset now)
    {
        CanTranslate = canTranslate;
        CanReview = canReview;
        GrantedBy = grantedBy;
        GrantedAt = now;
    }
}
