namespace Wgig.Translate.Domain.Notifications;

/// <summary>
/// A letter the Worker's mail sender is to send: an invitation or a password reset, whose link carries a token.
/// The body is sealed (<see cref="Security.ICredentialProtector"/>) while it waits and dropped once sent, so the
/// database never holds a usable token in the clear.
/// </summary>
public sealed class OutgoingMail
{
    public const int MaxAttempts = 10;

    private OutgoingMail()
    {
        ToAddress = ToName = Subject = "";
    }

    public Guid Id { get; private set; }

    public string ToAddress { get; private set; }

    public string ToName { get; private set; }

    public string Subject { get; private set; }

    /// <summary>The plain-text body, sealed; null once sent (or given up).</summary>
    public string? SealedBody { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public static OutgoingMail Create(string toAddress, string toName, string subject, string sealedBody, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ToAddress = toAddress,
        ToName = toName,
        Subject = subject,
        SealedBody = sealedBody,
        CreatedAt = now,
    };

    public void Sent(DateTimeOffset now)
    {
        SentAt ??= now;
        SealedBody = null;
    }

    /// <summary>A send failed: later, waiting longer each time; after <see cref="MaxAttempts"/> the letter is dropped (its token would be stale anyway).</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        NextAttemptAt = now + TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Attempts - 1), 60));
        if (Attempts >= MaxAttempts)
        {
            SealedBody = null;
        }
    }
}
