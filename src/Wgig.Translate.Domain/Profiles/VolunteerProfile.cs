using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Languages;

namespace Wgig.Translate.Domain.Profiles;

/// <summary>How well a volunteer knows a language, as they say themselves.</summary>
public enum LanguageLevel
{
    Basic,
    Intermediate,
    Advanced,
    Professional,
    Native,
}

public sealed record ProfileLanguage(string Language, LanguageLevel Level);

/// <summary>How a person wants their notifications by e-mail (they are always listed in the app).</summary>
public enum MailPreference
{
    Immediately,
    DailyDigest,
    Never,
}

/// <summary>A weekly window, in the volunteer's own time zone, when they take work.</summary>
public sealed record AvailabilityWindow(DayOfWeek Day, TimeOnly From, TimeOnly To);

public sealed record VolunteerPaused(Guid AccountId, string? Reason) : ConflictError("Volunteer paused",
    $"This volunteer is paused{(Reason is null ? "" : $" ({Reason})")} and takes no new work until they are resumed.");

/// <summary>
/// What the workflow knows about a volunteer beyond their rights: the languages they know, how many words
/// a week they can give, when and in which time zone, and whether they take work at all right now.
/// Claims take their default size from the capacity; the Worker's balancing and reminders read the rest.
/// </summary>
public sealed class VolunteerProfile
{
    public const int MaxCapacityWordsPerWeek = 100_000;
    public const int MaxLanguages = 20;
    public const int MaxWindows = 50;
    public const int MaxReasonLength = 500;

    private VolunteerProfile()
    {
        TimeZone = "UTC";
    }

    public Guid AccountId { get; private set; }

    public IReadOnlyList<ProfileLanguage> Languages { get; private set; } = [];

    /// <summary>Words a week the volunteer can give; 0 when they did not say.</summary>
    public int CapacityWordsPerWeek { get; private set; }

    /// <summary>An IANA time zone id, e.g. Europe/Zurich.</summary>
    public string TimeZone { get; private set; }

    /// <summary>Weekly windows in <see cref="TimeZone"/>; none means any time.</summary>
    public IReadOnlyList<AvailabilityWindow> Availability { get; private set; } = [];

    public bool Paused { get; private set; }

    public MailPreference Mail { get; private set; }

    public void ChooseMail(MailPreference preference, DateTimeOffset now)
    {
        Mail = preference;
        UpdatedAt = now;
    }

    /// <summary>Published commits credit them with their own e-mail rather than a no-reply address.</summary>
    public bool ShowEmailInCredits { get; private set; }

    public void ChooseCreditEmail(bool show, DateTimeOffset now)
    {
        ShowEmailInCredits = show;
        UpdatedAt = now;
    }

    /// <summary>The language the web app speaks to them in (one of <see cref="InterfaceLanguages"/>); null: their browser's.</summary>
    public string? InterfaceLanguage { get; private set; }

    /// <summary>The languages the interface speaks: the six official languages of the United Nations.</summary>
    public static IReadOnlyList<string> InterfaceLanguages { get; } = ["ar", "zh", "en", "fr", "ru", "es"];

    public DomainError? ChooseInterfaceLanguage(string? language, DateTimeOffset now)
    {
        var chosen = string.IsNullOrWhiteSpace(language) ? null : language.Trim().ToLowerInvariant();
        if (chosen is not null && !InterfaceLanguages.Contains(chosen))
        {
            return InvalidInputError.ForField("interfaceLanguage", $"The interface speaks {string.Join(", ", InterfaceLanguages)}; '{language}' is not one of them.");
        }
        InterfaceLanguage = chosen;
        UpdatedAt = now;
        return null;
    }

    public string? PausedReason { get; private set; }

    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary>When they were last resumed: lapses before it no longer count against them.</summary>
    public DateTimeOffset? ResumedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The profile an account has before anyone filled it in: any time, UTC, capacity unknown.</summary>
    public static VolunteerProfile Empty(Guid accountId, DateTimeOffset now) => new() { AccountId = accountId, UpdatedAt = now };

    public DomainError? Update(IReadOnlyList<ProfileLanguage>? languages, int? capacityWordsPerWeek, string? timeZone,
        IReadOnlyList<AvailabilityWindow>? availability, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var normalized = new List<ProfileLanguage>();
        languages ??= [];
        if (languages.Count > MaxLanguages)
        {
            errors.Add("languages", $"At most {MaxLanguages} languages.");
        }
        foreach (var language in languages.Take(MaxLanguages))
        {
            if (!LanguageTag.TryNormalize(language.Language, out var tag, out var problem))
            {
                errors.Add("languages", problem);
            }
            else if (!Enum.IsDefined(language.Level))
            {
                errors.Add("languages", $"'{language.Level}' is not a level; use {string.Join(", ", Enum.GetNames<LanguageLevel>())}.");
            }
            else if (normalized.Any(l => l.Language == tag))
            {
                errors.Add("languages", $"'{tag}' is listed twice.");
            }
            else
            {
                normalized.Add(language with { Language = tag });
            }
        }
        var capacity = capacityWordsPerWeek ?? 0;
        if (capacity is < 0 or > MaxCapacityWordsPerWeek)
        {
            errors.Add("capacityWordsPerWeek", $"Capacity is between 0 and {MaxCapacityWordsPerWeek:N0} words a week.");
        }
        var zone = string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors.Add("timeZone", $"'{zone}' is not a known time zone; use an IANA id such as Europe/Zurich.");
        }
        availability ??= [];
        if (availability.Count > MaxWindows)
        {
            errors.Add("availability", $"At most {MaxWindows} windows.");
        }
        foreach (var window in availability.Take(MaxWindows))
        {
            if (!Enum.IsDefined(window.Day) || window.To <= window.From)
            {
                errors.Add("availability", $"A window ends after it starts on the same day ({window.Day} {window.From:HH\\:mm}–{window.To:HH\\:mm}); split one that passes midnight.");
            }
        }
        if (errors.Any)
        {
            return errors.ToError("Invalid profile");
        }
        Languages = normalized;
        CapacityWordsPerWeek = capacity;
        TimeZone = zone;
        Availability = [.. availability.OrderBy(w => w.Day).ThenBy(w => w.From)];
        UpdatedAt = now;
        return null;
    }

    /// <summary>Stop giving this volunteer new work (they asked, or the Worker saw claims lapse again and again).</summary>
    public DomainError? Pause(string? reason, DateTimeOffset now)
    {
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (trimmed?.Length > MaxReasonLength)
        {
            return InvalidInputError.ForField("reason", $"A reason has at most {MaxReasonLength} characters.");
        }
        Paused = true;
        PausedReason = trimmed;
        PausedAt = now;
        UpdatedAt = now;
        return null;
    }

    public void Resume(DateTimeOffset now)
    {
        Paused = false;
        PausedReason = null;
        PausedAt = null;
        ResumedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Whether <paramref name="instant"/> falls in one of the volunteer's windows, in their time zone.</summary>
    public bool IsAvailableAt(DateTimeOffset instant)
    {
        if (Paused)
        {
            return false;
        }
        if (Availability.Count == 0)
        {
            return true;
        }
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Availability.Any(w => w.Day == local.DayOfWeek && time >= w.From && time < w.To);
    }

    /// <summary>
    /// When to remind the volunteer of something that ends at <paramref name="end"/> and is due to be
    /// reminded at <paramref name="due"/>: at once when they have no windows; else the first moment from
    /// <paramref name="due"/> on that falls in one of their windows, if one comes before the end; else earlier,
    /// at the start of their last window before it (no earlier than the lead again), so the reminder reaches
    /// them while they work; and when they have no window near at all, at <paramref name="due"/>.
    /// </summary>
    public DateTimeOffset ReminderTime(DateTimeOffset due, DateTimeOffset end)
    {
        if (Availability.Count == 0 || due >= end)
        {
            return due;
        }
        var lead = end - due;
        var windows = WindowsBetween(due - lead, end);
        var coming = windows.FindIndex(w => w.End > due && w.Start < end);
        if (coming >= 0)
        {
            return windows[coming].Start > due ? windows[coming].Start : due;
        }
        var before = windows.FindLastIndex(w => w.Start < due && w.End > due - lead);
        if (before >= 0)
        {
            return windows[before].Start > due - lead ? windows[before].Start : due - lead;
        }
        return due;
    }

    /// <summary>A moment as the volunteer reads it: their local time and zone, e.g. "2026-12-01 09:00 Europe/Zurich".</summary>
    public string LocalTime(DateTimeOffset instant) =>
        $"{TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)):yyyy-MM-dd HH:mm} {TimeZone}";

    // The weekly windows as instants between two moments, in order.
    private List<(DateTimeOffset Start, DateTimeOffset End)> WindowsBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1);
        var windows = new List<(DateTimeOffset, DateTimeOffset)>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            foreach (var window in Availability.Where(w => w.Day == day.DayOfWeek))
            {
                windows.Add((Instant(day.ToDateTime(window.From)), Instant(day.ToDateTime(window.To))));
            }
        }
        return [.. windows.OrderBy(w => w.Item1)];

        DateTimeOffset Instant(DateTime local) => new(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// The words of a batch the volunteer can finish within one lease at their weekly pace; the project's
    /// default when they gave no capacity. Never less than one sentence's worth.
    /// </summary>
    public int BatchWords(TimeSpan leaseLength, int fallback)
    {
        if (CapacityWordsPerWeek <= 0)
        {
            return fallback;
        }
        var perLease = CapacityWordsPerWeek * leaseLength.TotalDays / 7;
        return (int)Math.Clamp(Math.Round(perLease), 25, MaxCapacityWordsPerWeek);
    }
}
