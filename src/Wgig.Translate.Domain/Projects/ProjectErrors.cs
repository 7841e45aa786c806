using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Projects;

public sealed record ProjectNotFound(Guid ProjectId)
    : NotFoundError("Project not found", $"There is no project with id '{ProjectId}'.");

public sealed record ProjectNameTaken(string Name)
    : ConflictError("Project name taken", $"A project named '{Name}' already exists; choose another name.");
