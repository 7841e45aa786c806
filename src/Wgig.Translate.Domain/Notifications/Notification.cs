namespace Wgig.Translate.Domain.Notifications;

public enum NotificationKind
{
    /// <summary>A claim of yours ends soon.</summary>
    ClaimEndingSoon,

    /// <summary>You were paused after letting claims lapse.</summary>
    YouWerePaused,

    /// <summary>For coordinators: a volunteer was paused after letting claims lapse.</summary>
    VolunteerPaused,

    /// <summary>For coordinators: a document × language is forecast to miss its deadline, or back on track.</summary>
    DeadlineForecastChanged,

    /// <summary>To volunteers holding claims on it: the document's deadline is near.</summary>
    DeadlineNear,

    /// <summary>To coordinators and volunteers holding claims on it: the deadline passed with work unfinished.</summary>
    DeadlineMissed,

    /// <summary>A coordinator, or the Worker after someone else's claim lapsed, gave you a batch.</summary>
    WorkAssigned,

    /// <summary>Your claim ran out with work unfinished (the overdue notice).</summary>
    ClaimLapsed,

    /// <summary>For coordinators: a volunteer's claim lapsed, and where its work went.</summary>
    VolunteerClaimLapsed,

    /// <summary>To whoever requested it: a publication is committed, found nothing new, or failed (and why).</summary>
    PublicationFinished,

    /// <summary>To its translator: a reviewer sent their translation back, with their comment; it is back with them.</summary>
    TranslationRejected,

    /// <summary>Someone wrote in a comment thread you are part of (or asked the coordinators).</summary>
    CommentAdded,

    /// <summary>To their translators: translations whose source changed in a new version and need an update.</summary>
    TranslationsNeedUpdate,

    /// <summary>To reviewers of the language: a translator handed in a whole batch, ready for review.</summary>
    ReviewReady,

    /// <summary>To the secretariat: a new version changed a signed-off paper's text, so its sign-off no longer holds.</summary>
    SignOffVoided,

    /// <summary>A coordinator took work back from you (a claim or review batch, or some of its segments); your drafts are kept.</summary>
    WorkTakenBack,
}

/// <summary>
/// A message to one account, listed in the app (and later mailed). Workflow steps that notify are
/// recorded by <see cref="OnceKey"/>: a step that runs twice (a retried job, two Workers) writes one row.
/// </summary>
public sealed class Notification
{
    public const int MaxTextLength = 2000;

    private Notification()
    {
        OnceKey = "";
        Text = "";
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public string Text { get; private set; }

    /// <summary>What it is about, for the web UI to link to (a claim, a document, a target, a publication, an account).</summary>
    public Guid? SubjectId { get; private set; }

    public string OnceKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>When it went out by e-mail (alone or in a digest); null while it waits or mail is off for its reader.</summary>
    public DateTimeOffset? MailedAt { get; private set; }

    public int MailAttempts { get; private set; }

    /// <summary>After a failed send, not before this.</summary>
    public DateTimeOffset? NextMailAttemptAt { get; private set; }

    public static Notification Create(Guid accountId, NotificationKind kind, string text, Guid? subjectId, string onceKey, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        AccountId = accountId,
        Kind = kind,
        Text = Fit(text),
        SubjectId = subjectId,
        OnceKey = onceKey,
        CreatedAt = now,
    };

    /// <summary>A text cut to what a notification holds, marked where it was cut.</summary>
    public static string Fit(string text) => text.Length > MaxTextLength ? text[..(MaxTextLength - 1)] + "…" : text;

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void Mailed(DateTimeOffset now) => MailedAt ??= now;

    /// <summary>A send failed: try again later, waiting longer each time (1, 2, 4 … minutes, at most a day).</summary>
    public void MailFailed(DateTimeOffset now)
    {
        MailAttempts++;
        NextMailAttemptAt = now + TimeSpan.FromMinutes(Math.Min(Math.Pow(2, MailAttempts - 1), 24 * 60));
    }
}
