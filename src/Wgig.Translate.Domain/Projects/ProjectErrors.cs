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

public sealed record AlreadyATargetLanguage(string Language)
    : ConflictError("Already a target language", $"'{Language}' is already a target language of this project.");

public sealed record LastTargetLanguage(string Language)
    : ConflictError("Last target language", $"'{Language}' is the project's only target language; add another before removing it.");

/// <param name="Segments">Segments in the language someone claimed, drafted, translated or reviewed (their history is kept).</param>
/// <param name="Comments">Comments written about the language's translations.</param>
public sealed record LanguageHasWork(string Language, int Segments, int Comments)
    : ConflictError("The language has work in it",
        $"'{Language}' cannot be removed: {Segments} segment(s) in it were claimed, drafted, translated or reviewed and {Comments} comment(s) were written about it. Volunteers' work is never thrown away; a language is removed only before any work starts.");
