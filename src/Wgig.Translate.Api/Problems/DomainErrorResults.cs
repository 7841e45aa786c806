using Microsoft.AspNetCore.Http.HttpResults;
using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Api.Problems;

public static class DomainErrorResults
{
    /// <summary>The one place where a kind of expected failure becomes an HTTP status.</summary>
    public static ProblemHttpResult ToProblem(this DomainError error) => error switch
    {
        InvalidInputError invalid => TypedResults.Problem(new HttpValidationProblemDetails(
            invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = invalid.Title,
            Detail = invalid.Detail,
        }),
        NotFoundError => Problem(error, StatusCodes.Status404NotFound),
        ForbiddenError => Problem(error, StatusCodes.Status403Forbidden),
        ConflictError => Problem(error, StatusCodes.Status409Conflict),
        TooLargeError => Problem(error, StatusCodes.Status413PayloadTooLarge),
        UnsupportedFormatError => Problem(error, StatusCodes.Status415UnsupportedMediaType),
        UnprocessableError => Problem(error, StatusCodes.Status422UnprocessableEntity),
        _ => Problem(error, StatusCodes.Status400BadRequest),
    };

    private static ProblemHttpResult Problem(DomainError error, int status) =>
        TypedResults.Problem(title: error.Title, detail: error.Detail, statusCode: status,
            extensions: error is IProblemExtensions more ? more.Extensions : null);
}
