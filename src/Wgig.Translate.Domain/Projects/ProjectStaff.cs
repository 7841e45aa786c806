namespace Wgig.Translate.Domain.Projects;

/// <summary>
/// A coordinator or secretariat account acting as staff of one project. Staff roles are per project: a
/// coordinator or the secretariat acts only on the projects they are staff of (admins act on all), so a team can
/// host unrelated projects. What kind of staff they are is their account's role.
/// </summary>
public sealed class ProjectStaff
{
    private ProjectStaff()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public static ProjectStaff Add(Guid projectId, Guid accountId, Guid addedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ProjectId = projectId,
        AccountId = accountId,
        AddedBy = addedBy,
        AddedAt = now,
    };
}
