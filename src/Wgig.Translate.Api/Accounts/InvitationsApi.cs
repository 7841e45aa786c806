using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Wgig.Translate.Api.Problems;

namespace Wgig.Translate.Api.Accounts;

/// <summary>Pending invitations for staff: listed, resent (a new link) and revoked. Inviting is POST /api/invitations (AccountsApi).</summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder routes)
    {
        var invitations = routes.MapGroup("/invitations").WithTags("Accounts").RequireAuthorization(Policies.Invite);
        invitations.MapGet("/", List).WithName("ListInvitations");
        invitations.MapPost("/{invitationId}/resend", Resend).WithName("ResendInvitation").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        invitations.MapDelete("/{invitationId}", Revoke).WithName("RevokeInvitation").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>Invitations neither accepted nor revoked (open or expired), newest first; <c>projectId</c> for one project's.</summary>
    private static async Task<Ok<IReadOnlyList<PendingInvitation>>> List(Guid? projectId, ClaimsPrincipal caller, Invitations invitations,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await invitations.PendingAsync(caller, projectId, cancellationToken));

    private static async Task<Results<Created<InvitationResponse>, ProblemHttpResult>> Resend(Guid invitationId, ClaimsPrincipal caller, Invitations invitations,
        HttpRequest http, CancellationToken cancellationToken)
    {
        var sent = await invitations.ResendAsync(caller, invitationId, http, cancellationToken);
        return sent.Succeeded ? TypedResults.Created($"/api/invitations/{sent.Value.Id}", InvitationResponse.From(sent.Value)) : sent.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid invitationId, ClaimsPrincipal caller, Invitations invitations,
        CancellationToken cancellationToken) =>
        await invitations.RevokeAsync(caller, invitationId, cancellationToken) is { } refused ? refused.ToProblem() : TypedResults.NoContent();
}
