using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Wgig.Translate.Domain.Jobs;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Security;
using Wgig.Translate.Domain.Storage;
using Wgig.Translate.Worker.Jobs;

namespace Wgig.Translate.Worker.Notifications;

/// <summary>
/// Sends the account letters the API left in the outbox (invitations, password resets), at once when the API
/// queues this job and every minute with the notification mail. Rows are taken with SKIP LOCKED, so two Workers
/// never send the same letter; a sent letter's body (with its token) is dropped. Without a mail server the letters
/// go to <see cref="MailOptions.PickupDirectory"/> as .eml files.
/// </summary>
public sealed class SendOutgoingMail(TranslationDb db, ICredentialProtector protector, TimeProvider clock, IOptions<MailOptions> options,
    ILogger<SendOutgoingMail> logger) : IBackgroundJob, ISendOutgoingMail
{
    public async Task<int> SendOutgoingAsync(CancellationToken cancellationToken)
    {
        var mail = options.Value;
        if (string.IsNullOrWhiteSpace(mail.Host) && string.IsNullOrWhiteSpace(mail.PickupDirectory))
        {
            return 0;
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.OutgoingMails.FromSql($"""
                SELECT * FROM translate.outgoing_mails
                WHERE sent_at IS NULL AND sealed_body IS NOT NULL AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                ORDER BY created_at LIMIT {mail.BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        var sent = 0;
        if (string.IsNullOrWhiteSpace(mail.Host))
        {
            Directory.CreateDirectory(mail.PickupDirectory!);
            foreach (var letter in due)
            {
                await Letter(mail.From, letter).WriteToAsync(Path.Combine(mail.PickupDirectory!, $"{letter.CreatedAt:yyyyMMddHHmmss}-{letter.Id:N}.eml"), cancellationToken);
                letter.Sent(now);
                sent++;
            }
        }
        else
        {
            using var smtp = new SmtpClient();
            try
            {
                await smtp.ConnectAsync(mail, cancellationToken);
                foreach (var letter in due)
                {
                    try
                    {
                        await smtp.SendAsync(Letter(mail.From, letter), cancellationToken);
                        letter.Sent(now);
                        sent++;
                    }
                    catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException)
                    {
                        logger.LogWarning(e, "Sending letter {Id} failed; retrying later", letter.Id);
                        letter.Failed(e.Message, now);
                    }
                }
                await smtp.DisconnectAsync(quit: true, cancellationToken);
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException)
            {
                logger.LogWarning(e, "The mail server {Host}:{Port} failed; {Count} letter(s) will be retried", mail.Host, mail.Port, due.Count);
                due.Where(l => l.SentAt is null).ToList().ForEach(l => l.Failed(e.Message, now));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sent;
    }

    private MimeMessage Letter(string from, OutgoingMail letter)
    {
        var message = new MimeMessage { Subject = letter.Subject };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(letter.ToName, letter.ToAddress));
        message.Body = new TextPart("plain") { Text = protector.Unprotect(letter.SealedBody!) };
        return message;
    }
}
