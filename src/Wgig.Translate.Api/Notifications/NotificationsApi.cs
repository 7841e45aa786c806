using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Accounts;
using Wgig.Translate.Api.Paging;
using Wgig.Translate.Api.Problems;
using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Notifications;

public sealed record NotificationResponse(Guid Id, NotificationKind Kind, string Text, Guid? SubjectId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NotificationNotFound(Guid Id) : NotFoundError("Notification not found", $"You have no notification '{Id}'.");

public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder routes)
    {
        var notifications = routes.MapGroup("/me/notifications").WithTags("Notifications");
        notifications.MapGet("/", List).WithName("ListNotifications").ProducesValidationProblem();
        notifications.MapPost("/{notificationId}/read", MarkRead).WithName("MarkNotificationRead").ProducesProblem(StatusCodes.Status404NotFound);
        notifications.MapPost("/read", MarkAllRead).WithName("MarkAllNotificationsRead");
        return routes;
    }

    /// <summary>Your notifications, newest first; unreadOnly=true for the ones you have not read.</summary>
    /// <remarks>
    /// Always listed here, whatever your mail preference.
    /// </remarks>
    internal static async Task<Results<Ok<Paged<NotificationResponse>>, ProblemHttpResult>> List(
        [AsParameters] PageRequest paging, bool? unreadOnly, ClaimsPrincipal caller, TranslationDb db, CancellationToken cancellationToken)
    {
        if (paging.Validate() is { } invalid)
        {
            return invalid.ToProblem();
        }
        var me = caller.AccountId();
        var mine = db.Notifications.AsNoTracking().Where(n => n.AccountId == me && (unreadOnly != true || n.ReadAt == null));
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(n => new NotificationResponse(n.Id, n.Kind, n.Text, n.SubjectId, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<NotificationResponse>(items, paging.Number, paging.Size, total));
    }

    /// <summary>Mark one of your notifications as read.</summary>
    /// <remarks>
    /// A notification that is not yours is a 404.
    /// </remarks>
    internal static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(
        Guid notificationId, ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = caller.AccountId();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.AccountId == me, cancellationToken);
        if (notification is null)
        {
            return new NotificationNotFound(notificationId).ToProblem();
        }
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Mark all your notifications as read.</summary>
    /// <remarks>
    /// Those you had read keep when you read them.
    /// </remarks>
    internal static async Task<NoContent> MarkAllRead(ClaimsPrincipal caller, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = caller.AccountId();
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.AccountId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}
