using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Domain.Work;

namespace Wgig.Translate.Api.Work;

public static class WorkApi
{
    public static IEndpointRouteBuilder MapWork(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/me/work", Mine).WithName("MyWork").WithTags("Work");
        return routes;
    }

    /// <summary>
    /// Your work: claims and review batches with their expiry (and the ones that ran out lately), translations
    /// sent back to you (rejected with the comment, or needing an update), the deadlines where you hold rights,
    /// and per project × language what you could claim or review next, with your batch size.
    /// </summary>
    private static async Task<Ok<MyWorkView>> Mine(ClaimsPrincipal caller, MyWork work, CancellationToken cancellationToken) =>
        TypedResults.Ok(await work.ReadAsync(caller.AccountId(), cancellationToken));
}
