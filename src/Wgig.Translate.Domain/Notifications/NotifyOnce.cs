using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Notifications;

/// <summary>One message of a workflow step, to one account.</summary>
public sealed record OnceNotice(Guid AccountId, string Text, Guid? SubjectId, string OnceKey);

/// <summary>One message of a workflow step to the coordinators of one project: its staff with the coordinator role.</summary>
public sealed record CoordinatorNotice(Guid ProjectId, string Text, Guid? SubjectId, string OnceKey);

/// <summary>
/// Notifications written by workflow steps that may run twice (a retried job, two Workers): the
/// once-key decides, and a second write of the same step is silently nothing, inside any transaction.
/// Set-based: one statement for any number of messages.
/// </summary>
public static class NotifyOnce
{
    public static Task<int> NotifyOnceAsync(this TranslationDb db, NotificationKind kind, IReadOnlyList<OnceNotice> notices, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (notices.Count == 0)
        {
            return Task.FromResult(0);
        }
        var name = kind.ToString();
        Guid[] accounts = [.. notices.Select(n => n.AccountId)];
        string[] texts = [.. notices.Select(n => Notification.Fit(n.Text))], keys = [.. notices.Select(n => n.OnceKey)];
        Guid?[] subjects = [.. notices.Select(n => n.SubjectId)];
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO translate.notifications (id, account_id, kind, text, subject_id, once_key, created_at, mail_attempts)
            SELECT gen_random_uuid(), n.account_id, {name}, n.text, n.subject_id, n.once_key, {now}, 0
            FROM unnest({accounts}, {texts}, {subjects}, {keys}) AS n(account_id, text, subject_id, once_key)
            JOIN translate.accounts a ON a.id = n.account_id
            ON CONFLICT (account_id, once_key) DO NOTHING
            """, cancellationToken);
    }

    /// <summary>
    /// Each message to the coordinators of its project (staff roles are per project: a coordinator of another project
    /// hears nothing of this one); admins and the secretariat are not alerted.
    /// </summary>
    public static Task<int> NotifyCoordinatorsOnceAsync(this TranslationDb db, NotificationKind kind, IReadOnlyList<CoordinatorNotice> notices, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (notices.Count == 0)
        {
            return Task.FromResult(0);
        }
        string name = kind.ToString(), coordinator = Roles.Coordinator;
        Guid[] projects = [.. notices.Select(n => n.ProjectId)];
        string[] texts = [.. notices.Select(n => Notification.Fit(n.Text))], keys = [.. notices.Select(n => n.OnceKey)];
        Guid?[] subjects = [.. notices.Select(n => n.SubjectId)];
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO translate.notifications (id, account_id, kind, text, subject_id, once_key, created_at, mail_attempts)
            SELECT gen_random_uuid(), ps.account_id, {name}, n.text, n.subject_id, n.once_key, {now}, 0
            FROM unnest({projects}, {texts}, {subjects}, {keys}) AS n(project_id, text, subject_id, once_key)
            JOIN translate.project_staff ps ON ps.project_id = n.project_id
            WHERE EXISTS (SELECT 1 FROM translate.account_roles ar JOIN translate.roles r ON r.id = ar.role_id
                WHERE ar.user_id = ps.account_id AND r.name = {coordinator})
            ON CONFLICT (account_id, once_key) DO NOTHING
            """, cancellationToken);
    }
}
