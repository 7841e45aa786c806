using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Worker.Notifications;

/// <summary>
/// Mails notifications to people who want them at once (<see cref="MailPreference.Immediately"/>), or, in
/// the daily run, one digest per person who chose <see cref="MailPreference.DailyDigest"/>. Rows are taken
/// with SKIP LOCKED, so two Workers never mail the same one; a failed send is retried later with backoff
/// and never holds up anything else. Nothing a volunteer does waits for mail.
/// </summary>
public sealed class SendNotificationMail(TranslationDb db, TimeProvider clock, IOptions<MailOptions> options, SendOutgoingMail outbox,
    ILogger<SendNotificationMail> logger) : IBackgroundJob
{
    public const string RecurringJobId = "send-notification-mail";
    public const string DigestRecurringJobId = "send-notification-digest";

    /// <summary>The local hour at which daily digests go out.</summary>
    public const int DigestHour = 7;

    /// <summary>Account letters first (whatever did not go out when queued), then the notifications due now.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await outbox.SendOutgoingAsync(cancellationToken);
        return await SendAsync(MailPreference.Immediately, cancellationToken);
    }

    public Task<int> RunDigestAsync(CancellationToken cancellationToken) => SendAsync(MailPreference.DailyDigest, cancellationToken);

    private async Task<int> SendAsync(MailPreference preference, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        if (string.IsNullOrWhiteSpace(mail.Host))
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        string wanted = preference.ToString(), immediately = nameof(MailPreference.Immediately);
        // Digests go out hourly to whoever it is DigestHour for in their own time zone.
        var anyHour = preference != MailPreference.DailyDigest;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Notifications.FromSql($"""
                SELECT n.* FROM translate.notifications n
                LEFT JOIN translate.volunteer_profiles p ON p.account_id = n.account_id
                WHERE n.mailed_at IS NULL AND coalesce(p.mail, {immediately}) = {wanted}
                  AND ({anyHour} OR extract(hour FROM {now} AT TIME ZONE coalesce(p.time_zone, 'UTC')) = {DigestHour})
                  AND (n.next_mail_attempt_at IS NULL OR n.next_mail_attempt_at <= {now})
                ORDER BY n.created_at
                LIMIT {mail.BatchSize}
                FOR UPDATE OF n SKIP LOCKED
                """).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        var accounts = due.Select(n => n.AccountId).Distinct().ToList();
        var people = await db.Users.Where(a => accounts.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => (a.Email, a.DisplayName), cancellationToken);
        var sent = 0;
        var handled = new HashSet<Guid>();
        using var smtp = new SmtpClient();
        try
        {
            await smtp.ConnectAsync(mail, cancellationToken);
            var letters = preference == MailPreference.DailyDigest
                ? due.GroupBy(n => n.AccountId).Select(g => (Notifications: g.ToList(), Subject: $"Wgig.Translate: {g.Count()} notification(s) today"))
                : due.Select(n => (Notifications: new List<Notification> { n }, Subject: $"Wgig.Translate: {Subject(n.Kind)}"));
            foreach (var (notifications, subject) in letters)
            {
                var (email, name) = people.GetValueOrDefault(notifications[0].AccountId);
                if (string.IsNullOrEmpty(email))
                {
                    notifications.ForEach(n => n.Mailed(now)); // nowhere to send it; it stays in the app
                    handled.UnionWith(notifications.Select(n => n.Id));
                    continue;
                }
                try
                {
                    await smtp.SendAsync(Letter(mail.From, name, email, subject, notifications), cancellationToken);
                    notifications.ForEach(n => n.Mailed(now));
                    sent++;
                }
                catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException)
                {
                    logger.LogWarning(e, "Mailing {Count} notification(s) to account {Account} failed; retrying later", notifications.Count, notifications[0].AccountId);
                    notifications.ForEach(n => n.MailFailed(now));
                }
                handled.UnionWith(notifications.Select(n => n.Id));
            }
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException)
        {
            // The server is down or refused us: every unsent one waits for its next attempt.
            logger.LogWarning(e, "The mail server {Host}:{Port} failed; {Count} notification(s) will be retried", mail.Host, mail.Port, due.Count);
            due.Where(n => !handled.Contains(n.Id)).ToList().ForEach(n => n.MailFailed(now));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sent;
    }

    private static string Subject(NotificationKind kind) => kind switch
    {
        NotificationKind.ClaimEndingSoon => "your claim ends soon",
        NotificationKind.YouWerePaused => "you were paused",
        NotificationKind.VolunteerPaused => "a volunteer was paused",
        _ => "notification",
    };

    private static MimeMessage Letter(string from, string name, string email, string subject, List<Notification> notifications)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(name, email));
        message.Body = new TextPart("plain")
        {
            Text = string.Join("\n\n", notifications.Select(n => n.Text)) + "\n\n-- \nWgig.Translate. Choose how you get these in your profile.",
        };
        return message;
    }
}
