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
        invitations.MapGet("/", List).WithName("ListInvitations")
            .WithDescription("Invitations the caller may see (admins all; coordinators those of their projects), pending first, with the rights they will grant; a pending one may be resent or revoked.");
        invitations.MapPost("/{invitationId}/resend", Resend).WithName("ResendInvitation")
            .WithSummary("Send a pending invitation again.").WithDescription("A new letter with a new link goes out; the old link stops working. Only a pending invitation can be resent.").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        invitations.MapDelete("/{invitationId}", Revoke).WithName("RevokeInvitation")
            .WithSummary("Revoke a pending invitation.").WithDescription("Its link stops working at once; an invitation already accepted cannot be revoked.").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    /// <summary>Invitations neither accepted nor revoked (open or expired), newest first; <c>projectId</c> for one project's.</summary>
    internal static async Task<Ok<IReadOnlyList<PendingInvitation>>> List(Guid? projectId, ClaimsPrincipal caller, Invitations invitations,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await invitations.PendingAsync(caller, projectId, cancellationToken));

    internal static async Task<Results<Created<InvitationResponse>, ProblemHttpResult>> Resend(Guid invitationId, ClaimsPrincipal caller, Invitations invitations,
        HttpRequest http, CancellationToken cancellationToken)
    {
        var sent = await invitations.ResendAsync(caller, invitationId, http, cancellationToken);
        return sent.Succeeded ? TypedResults.Created($"/api/invitations/{sent.Value.Id}", InvitationResponse.From(sent.Value)) : sent.Error.ToProblem();
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid invitationId, ClaimsPrincipal caller, Invitations invitations,
        CancellationToken cancellationToken) =>
        await invitations.RevokeAsync(caller, invitationId, cancellationToken) is { } refused ? refused.ToProblem() : TypedResults.NoContent();
}
