using Microsoft.AspNetCore.Http.HttpResults;
using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Api.Problems;

public static class DomainErrorResults
{
    /// <summary>The one place where a kind of expected failure becomes an HTTP status (for problem details and web pages alike).</summary>
    public static int StatusFor(DomainError error) => error switch
    {
        NotFoundError => StatusCodes.Status404NotFound,
        ForbiddenError => StatusCodes.Status403Forbidden,
        ConflictError => StatusCodes.Status409Conflict,
        TooLargeError => StatusCodes.Status413PayloadTooLarge,
        UnsupportedFormatError => StatusCodes.Status415UnsupportedMediaType,
        UnprocessableError => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    public static ProblemHttpResult ToProblem(this DomainError error) => error is InvalidInputError invalid
        ? TypedResults.Problem(new HttpValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = invalid.Title,
            Detail = invalid.Detail,
        })
        : TypedResults.Problem(title: error.Title, detail: error.Detail, statusCode: StatusFor(error),
            extensions: error is IProblemExtensions more ? more.Extensions : null);
}
