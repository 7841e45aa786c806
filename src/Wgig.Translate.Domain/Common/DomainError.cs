namespace Wgig.Translate.Domain.Common;

/// <summary>
/// An expected failure, returned as a value. Each kind maps to one HTTP status at the edge,
/// so a feature only chooses the kind and writes a message a person can act on.
/// </summary>
public abstract record DomainError(string Title, string Detail);

/// <summary>The request names something that does not exist (404).</summary>
public abstract record NotFoundError(string Title, string Detail) : DomainError(Title, Detail);

/// <summary>The caller is signed in but may not do this (403).</summary>
public abstract record ForbiddenError(string Title, string Detail) : DomainError(Title, Detail);

/// <summary>The request clashes with what is stored (409).</summary>
public abstract record ConflictError(string Title, string Detail) : DomainError(Title, Detail);

/// <summary>The content is larger than the configured limit (413).</summary>
public abstract record TooLargeError(string Title, string Detail) : DomainError(Title, Detail);

/// <summary>The request is well-formed but cannot be processed within the system's limits (422).</summary>
public abstract record UnprocessableError(string Title, string Detail) : DomainError(Title, Detail);

/// <summary>The content is in a format no importer reads (415).</summary>
public abstract record UnsupportedFormatError(string Title, string Detail) : DomainError(Title, Detail);

/// <summary>
/// One or more inputs are invalid (400). <paramref name="Errors"/> names each offending field,
/// the way RFC 7807 validation problems do.
/// </summary>
public record InvalidInputError(string Title, string Detail, IReadOnlyDictionary<string, string[]> Errors)
    : DomainError(Title, Detail)
{
    public static InvalidInputError ForField(string field, string message) =>
        new("Invalid input", message, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>An expected failure whose problem details carry data beyond a title and a detail (the findings of checks, say).</summary>
public interface IProblemExtensions
{
    IReadOnlyDictionary<string, object?> Extensions { get; }
}
