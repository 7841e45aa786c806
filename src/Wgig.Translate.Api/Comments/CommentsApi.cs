using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Comments;
using Wgig.Translate.Domain.Targets;

namespace Wgig.Translate.Api.Comments;

/// <param name="ToCoordinators">Ask the project's coordinators too (they are notified).</param>
public sealed record CommentRequest(string? Text, bool? ToCoordinators);

/// <param name="Rejection">A reviewer's rejection comment, from the translation's history.</param>
public sealed record CommentResponse(Guid Id, Guid? AuthorId, string? AuthorName, string Text, DateTimeOffset At, bool Rejection, bool ToCoordinators);

public static class CommentsApi
{
    public static IEndpointRouteBuilder MapComments(this IEndpointRouteBuilder routes)
    {
        var comments = routes.MapGroup("/projects/{projectId}/documents/{documentId}/segments/{segmentId}/translations/{language}/comments")
            .WithTags("Comments")
            .ProducesProblem(StatusCodes.Status404NotFound);
        comments.MapGet("/", Thread).WithName("CommentThread");
        comments.MapPost("/", Post).WithName("PostComment").ProducesValidationProblem();
        return routes;
    }

    /// <summary>The segment × language's comment thread, oldest first, rejection comments included.</summary>
    private static async Task<Results<Ok<List<CommentResponse>>, ProblemHttpResult>> Thread(
        Guid projectId, Guid documentId, Guid segmentId, string language, ClaimsPrincipal caller, TranslationWork work, CommentThreads threads,
        Domain.Storage.TranslationDb db, CancellationToken cancellationToken)
    {
        var found = await work.FindAsync(projectId, documentId, segmentId, language, caller.AccountId(), null, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var entries = await threads.ReadAsync(found.Value, cancellationToken);
        var names = await AccountNames.ReadAsync(db, entries.Select(e => e.AuthorId), cancellationToken);
        return TypedResults.Ok(entries.Select(e => new CommentResponse(e.Id, e.AuthorId, e.AuthorId is { } id ? names.GetValueOrDefault(id) : null,
            e.Text, e.At, e.Rejection, e.ToCoordinators)).ToList());
    }

    /// <summary>Write in the thread (anyone who sees the project); the people in it are notified, and the coordinators when asked.</summary>
    private static async Task<Results<Created<CommentResponse>, ProblemHttpResult>> Post(
        Guid projectId, Guid documentId, Guid segmentId, string language, CommentRequest request, ClaimsPrincipal caller, TranslationWork work,
        CommentThreads threads, Domain.Storage.TranslationDb db, CancellationToken cancellationToken)
    {
        var found = await work.FindAsync(projectId, documentId, segmentId, language, caller.AccountId(), null, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }
        var posted = await threads.PostAsync(found.Value, request.Text, request.ToCoordinators ?? false, cancellationToken);
        if (!posted.Succeeded)
        {
            return posted.Error.ToProblem();
        }
        var comment = posted.Value;
        var names = await AccountNames.ReadAsync(db, [comment.AuthorId], cancellationToken);
        return TypedResults.Created($"/api/projects/{projectId}/documents/{documentId}/segments/{segmentId}/translations/{found.Value.Language}/comments",
            new CommentResponse(comment.Id, comment.AuthorId, names.GetValueOrDefault(comment.AuthorId), comment.Text, comment.CreatedAt, false, comment.ToCoordinators));
    }
}
