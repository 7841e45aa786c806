namespace Wgig.Translate.Domain.Projects;

/// <summary>What a project can share with another.</summary>
public enum SharedResource
{
    Memory,
    Glossary,
}

/// <summary>
/// A coordinator's decision that one project (<see cref="ProjectId"/>) reads another's translation memory
/// or glossary (<see cref="OwnerProjectId"/>'s) too: read only, the owner's entries stay the owner's.
/// </summary>
public sealed class ProjectShare
{
    private ProjectShare()
    {
    }

    public Guid OwnerProjectId { get; private set; }

    public Guid ProjectId { get; private set; }

    public SharedResource Resource { get; private set; }

    public Guid SharedBy { get; private set; }

    public DateTimeOffset SharedAt { get; private set; }

    public static ProjectShare Create(Guid ownerProjectId, Guid projectId, SharedResource resource, Guid sharedBy, DateTimeOffset now) => new()
    {
        OwnerProjectId = ownerProjectId,
        ProjectId = projectId,
        Resource = resource,
        SharedBy = sharedBy,
        SharedAt = now,
    };
}
