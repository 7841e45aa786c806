namespace Wgig.Translate.Worker.Notifications;

/// <summary>Bound from "Mail". Without a host, notifications stay in the app and nothing is mailed (account letters go to the pickup directory).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string From { get; set; } = "Wgig.Translate <noreply@wgig-translate.invalid>";

    /// <summary>STARTTLS when the server offers it; off for a loopback test server.</summary>
    public bool UseStartTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// Without a mail server: a directory where account letters (invitations, password resets) are written as .eml
    /// files instead, for a machine without mail (./run uses .data/mail). Notifications stay in the app.
    /// </summary>
    public string? PickupDirectory { get; set; }

    /// <summary>Notifications mailed per run; the rest wait for the next one.</summary>
    public int BatchSize { get; set; } = 200;
}

public static class MailServer
{
    /// <summary>Connects and signs in to the configured server (STARTTLS when asked and offered).</summary>
    public static async Task ConnectAsync(this MailKit.Net.Smtp.SmtpClient smtp, MailOptions mail, CancellationToken cancellationToken)
    {
        await smtp.ConnectAsync(mail.Host!, mail.Port,
            mail.UseStartTls ? MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable : MailKit.Security.SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(mail.UserName))
        {
            await smtp.AuthenticateAsync(mail.UserName, mail.Password ?? "", cancellationToken);
        }
    }
}
