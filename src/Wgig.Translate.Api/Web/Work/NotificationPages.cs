using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Api.Web.Shell;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Api.Web.Work;

/// <summary>A notification with where it leads in the web app, when it is about something there.</summary>
public sealed record NotificationItem(Notification Notification, string? Link);

public static class NotificationPages
{
    private const int PageSize = 50;

    public static RouteGroupBuilder MapNotificationPages(this RouteGroupBuilder web)
    {
        web.MapGet("/notifications", List);
        web.MapPost("/notifications/{notificationId:guid}/read", MarkRead);
        web.MapPost("/notifications/read", MarkAllRead);
        return web;
    }

    private static async Task<IResult> List(int? page, HttpContext http, PageContexts pages, TranslationDb db, CancellationToken cancellationToken)
    {
        var context = await pages.ForAsync(http);
        var number = Math.Max(1, page ?? 1);
        var mine = db.Notifications.AsNoTracking().Where(n => n.AccountId == context.Me);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var links = await LinksAsync(db, items, cancellationToken);
        return WebResults.Render<NotificationsPage>(new
        {
            Page = context,
            Items = (IReadOnlyList<NotificationItem>)[.. items.Select(n => new NotificationItem(n, n.SubjectId is { } s ? links.GetValueOrDefault(s) : null))],
            Number = number,
            Pages = Math.Max(1, (total + PageSize - 1) / PageSize),
        });
    }

    private static async Task<IResult> MarkRead(Guid notificationId, HttpContext http, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Accounts.CallerExtensions.AccountId(http.User);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.AccountId == me, cancellationToken);
        notification?.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return WebResults.SeeOther("/notifications");
    }

    private static async Task<IResult> MarkAllRead(HttpContext http, TranslationDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Accounts.CallerExtensions.AccountId(http.User);
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.AccountId == me && n.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return WebResults.SeeOther("/notifications");
    }

    // What each subject is in the web app: a claim's editor or review page, a target's segment, a comment's thread.
    private static async Task<Dictionary<Guid, string>> LinksAsync(TranslationDb db, List<Notification> items, CancellationToken cancellationToken)
    {
        var subjects = items.Select(n => n.SubjectId).OfType<Guid>().Distinct().ToList();
        var links = new Dictionary<Guid, string>();
        if (subjects.Count == 0)
        {
            return links;
        }
        var claims = await (from c in db.Claims
                            where subjects.Contains(c.Id)
                            join d in db.Documents on c.DocumentId equals d.Id
                            select new { c.Id, c.Kind, d.ProjectId, DocumentId = d.Id, c.Language }).ToListAsync(cancellationToken);
        foreach (var c in claims)
        {
            links[c.Id] = c.Kind == ClaimKind.Review ? WorkPages.ReviewUrl(c.ProjectId, c.DocumentId, c.Language) : WorkPages.EditorUrl(c.ProjectId, c.DocumentId, c.Language) + "?filter=Mine";
        }
        var targets = await (from t in db.Targets
                             where subjects.Contains(t.Id)
                             join s in db.Segments on t.SegmentId equals s.Id
                             join d in db.Documents on s.DocumentId equals d.Id
                             select new { t.Id, d.ProjectId, DocumentId = d.Id, t.Language, SegmentId = s.Id }).ToListAsync(cancellationToken);
        foreach (var t in targets)
        {
            links[t.Id] = $"{WorkPages.EditorUrl(t.ProjectId, t.DocumentId, t.Language)}?segment={t.SegmentId}#s-{t.SegmentId}";
        }
        var comments = await (from c in db.Comments
                              where subjects.Contains(c.Id)
                              join s in db.Segments on c.SegmentId equals s.Id
                              join d in db.Documents on s.DocumentId equals d.Id
                              select new { c.Id, d.ProjectId, DocumentId = d.Id, c.Language, SegmentId = s.Id }).ToListAsync(cancellationToken);
        foreach (var c in comments)
        {
            links[c.Id] = $"{WorkPages.EditorUrl(c.ProjectId, c.DocumentId, c.Language)}/segments/{c.SegmentId}#comment-{c.Id}";
        }
        return links;
    }
}
