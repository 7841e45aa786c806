using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Domain.Projects;

public sealed record ProjectNotFound(Guid ProjectId)
    : NotFoundError("Project not found", $"There is no project with id '{ProjectId}'.");

public sealed record ProjectNameTaken(string Name)
    : ConflictError("Project name taken", $"A project named '{Name}' already exists; choose another name.");

public sealed record NoLanguageRight(LanguageRight Right, string Language)
    : ForbiddenError("No right for this language",
        $"You may not {(Right == LanguageRight.Review ? "review" : "translate into")} '{Language}' in this project; a coordinator can grant it.");

public sealed record AccountNotFound(Guid AccountId)
    : NotFoundError("Account not found", $"There is no account with id '{AccountId}'.");
