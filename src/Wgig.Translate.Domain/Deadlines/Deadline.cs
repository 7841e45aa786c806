namespace Wgig.Translate.Domain.Deadlines;

public enum ForecastStatus
{
    /// <summary>Not enough recent work to project a finish.</summary>
    Unknown,
    OnTrack,
    AtRisk,
    Done,
}

/// <summary>
/// When a document must be translated into one language, set by a coordinator or the secretariat, and
/// the Worker's latest forecast for it: the projected finish from recent velocity, and whether that is
/// after the deadline. The status is kept so coordinators are told once per change, not every hour.
/// </summary>
public sealed class Deadline
{
    private Deadline()
    {
        Language = "";
    }

    public Guid Id { get; private set; }

    public Guid DocumentId { get; private set; }

    public string Language { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public Guid SetBy { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    public ForecastStatus Status { get; private set; }

    public DateTimeOffset? ProjectedFinish { get; private set; }

    public DateTimeOffset? ForecastAt { get; private set; }

    public static Deadline Set(Guid documentId, string language, DateTimeOffset dueAt, Guid setBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        DocumentId = documentId,
        Language = language,
        DueAt = dueAt,
        SetBy = setBy,
        SetAt = now,
    };

    public void Move(DateTimeOffset dueAt, Guid setBy, DateTimeOffset now)
    {
        DueAt = dueAt;
        SetBy = setBy;
        SetAt = now;
    }

    /// <summary>
    /// The forecast from what is left and how fast it has gone lately (words a day). True when the status
    /// changed, which is when coordinators hear about it.
    /// </summary>
    public bool Forecast(int remainingWords, double wordsPerDay, DateTimeOffset now)
    {
        var before = Status;
        ForecastAt = now;
        if (remainingWords == 0)
        {
            (Status, ProjectedFinish) = (ForecastStatus.Done, now);
        }
        else if (wordsPerDay <= 0)
        {
            // Nothing moved recently: it finishes never, which is at risk once the deadline is near enough to matter.
            (Status, ProjectedFinish) = (DueAt - now < TimeSpan.FromDays(14) ? ForecastStatus.AtRisk : ForecastStatus.Unknown, null);
        }
        else
        {
            ProjectedFinish = now + TimeSpan.FromDays(Math.Min(remainingWords / wordsPerDay, 3650));
            Status = ProjectedFinish > DueAt ? ForecastStatus.AtRisk : ForecastStatus.OnTrack;
        }
        return Status != before;
    }
}
