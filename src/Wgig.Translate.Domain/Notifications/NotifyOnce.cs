using Microsoft.EntityFrameworkCore;
using Wgig.Translate.Domain.Accounts;
using Wgig.Translate.Domain.Storage;

namespace Wgig.Translate.Domain.Notifications;

/// <summary>One message of a workflow step, to one account (or, for coordinators, to each of them).</summary>
public sealed record OnceNotice(Guid AccountId, string Text, Guid? SubjectId, string OnceKey);

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

    /// <summary>Each message to every coordinator (the account id of a notice is ignored).</summary>
    public static Task<int> NotifyCoordinatorsOnceAsync(this TranslationDb db, NotificationKind kind, IReadOnlyList<OnceNotice> notices, DateTimeOffset now,
        CancellationToken cancellationToken) => db.NotifyRoleOnceAsync(Roles.Coordinator, kind, notices, now, cancellationToken);

    /// <summary>Each message to every account in <paramref name="role"/> (the account id of a notice is ignored).</summary>
    public static Task<int> NotifyRoleOnceAsync(this TranslationDb db, string role, NotificationKind kind, IReadOnlyList<OnceNotice> notices, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (notices.Count == 0)
        {
            return Task.FromResult(0);
        }
        var name = kind.ToString();
        string[] texts = [.. notices.Select(n => Notification.Fit(n.Text))], keys = [.. notices.Select(n => n.OnceKey)];
        Guid?[] subjects = [.. notices.Select(n => n.SubjectId)];
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO translate.notifications (id, account_id, kind, text, subject_id, once_key, created_at, mail_attempts)
            SELECT gen_random_uuid(), ar.user_id, {name}, n.text, n.subject_id, n.once_key, {now}, 0
            FROM unnest({texts}, {subjects}, {keys}) AS n(text, subject_id, once_key)
            CROSS JOIN translate.account_roles ar JOIN translate.roles r ON r.id = ar.role_id AND r.name = {role}
            ON CONFLICT (account_id, once_key) DO NOTHING
            """, cancellationToken);
    }
}
