using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Profiles;

namespace Wgig.Translate.Domain.Tests.Profiles;

public sealed class VolunteerProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero); // a Monday, 09:00 in Zurich (Geneva time)

    private static VolunteerProfile Profile(string zone = "Europe/Zurich", params AvailabilityWindow[] windows)
    {
        var profile = VolunteerProfile.Empty(Guid.NewGuid(), Now);
        Assert.Null(profile.Update([new("FR", LanguageLevel.Native), new("en", LanguageLevel.Professional)], 1400, zone, windows, Now));
        return profile;
    }

    [Fact]
    public void Languages_are_normalized_and_windows_ordered()
    {
        var profile = Profile(windows: [new(DayOfWeek.Tuesday, new(18, 0), new(20, 0)), new(DayOfWeek.Monday, new(9, 0), new(12, 0))]);

        Assert.Equal(["fr", "en"], profile.Languages.Select(l => l.Language));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday], profile.Availability.Select(w => w.Day));
    }

    [Fact]
    public void Every_invalid_field_is_named_and_nothing_changes()
    {
        var profile = Profile();

        var error = Assert.IsType<InvalidInputError>(profile.Update(
            [new("xx-notalanguage-toolong", LanguageLevel.Basic), new("fr", LanguageLevel.Basic), new("FR", LanguageLevel.Native)],
            -5, "Mars/Olympus", [new(DayOfWeek.Friday, new(22, 0), new(2, 0))], Now.AddDays(1)));

        Assert.Equal(["availability", "capacityWordsPerWeek", "languages", "timeZone"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'fr' is listed twice.", error.Errors["languages"]);
        Assert.Equal((1400, "Europe/Zurich", Now), (profile.CapacityWordsPerWeek, profile.TimeZone, profile.UpdatedAt));
    }

    [Theory]
    [InlineData(0, true)] // Monday 09:00 in Zurich (Geneva time)
    [InlineData(179, true)] // Monday 11:59
    [InlineData(180, false)] // Monday 12:00: a window ends before its end time
    [InlineData(1440, false)] // Tuesday 09:00
    public void Availability_is_read_in_the_volunteers_time_zone(int minutesLater, bool available)
    {
        var profile = Profile(windows: [new(DayOfWeek.Monday, new(9, 0), new(12, 0))]);

        Assert.Equal(available, profile.IsAvailableAt(Now.AddMinutes(minutesLater)));
    }

    // Windows Monday 09–12 and Wednesday 18–20 in Zurich: 08–11 and 17–19 UTC. Times below are hours after Monday 00:00 UTC.
    [Theory]
    [InlineData(10, 34, 10)] // due inside a window: at once
    [InlineData(9, 33, 9)]
    [InlineData(12, 67.5, 65)] // due outside, a window comes before the end: its start
    [InlineData(14, 38, 8)] // no window before the end: the start of the last one before it, within the lead
    [InlineData(84, 108, 65)] // Thursday noon: Wednesday's window, though earlier than the lead
    [InlineData(108, 132, 108)] // no window anywhere near: when it is due
    public void A_reminder_is_placed_in_the_volunteers_window(double dueHour, double endHour, double remindHour)
    {
        var monday = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var profile = Profile(windows: [new(DayOfWeek.Monday, new(9, 0), new(12, 0)), new(DayOfWeek.Wednesday, new(18, 0), new(20, 0))]);

        Assert.Equal(monday.AddHours(remindHour), profile.ReminderTime(monday.AddHours(dueHour), monday.AddHours(endHour)));
    }

    [Fact]
    public void Without_windows_a_reminder_goes_when_it_is_due()
    {
        Assert.Equal(Now, Profile().ReminderTime(Now, Now.AddDays(1)));
    }

    [Fact]
    public void No_windows_means_any_time_and_paused_means_never()
    {
        var profile = Profile();
        Assert.True(profile.IsAvailableAt(Now.AddHours(15)));

        Assert.Null(profile.Pause(" holiday ", Now));
        Assert.Equal((true, "holiday"), (profile.Paused, profile.PausedReason));
        Assert.False(profile.IsAvailableAt(Now));

        profile.Resume(Now.AddDays(7));
        Assert.Equal((false, null, null), (profile.Paused, profile.PausedReason, profile.PausedAt));
    }

    [Theory]
    [InlineData(0, 250)] // capacity not given: the project default
    [InlineData(1400, 400)] // 1,400 words a week over a 48 h lease
    [InlineData(20, 25)] // never less than a sentence's worth
    [InlineData(1000, 286)] // 285.7 words, rounded to the nearest
    [InlineData(1, 25)] // the least capacity still gets a sentence's worth
    public void A_batch_is_what_the_volunteer_can_do_within_one_lease(int capacity, int words)
    {
        var profile = VolunteerProfile.Empty(Guid.NewGuid(), Now);
        Assert.Null(profile.Update([], capacity, "UTC", [], Now));

        Assert.Equal(words, profile.BatchWords(TimeSpan.FromHours(48), fallback: 250));
    }

    [Fact]
    public void A_batch_never_exceeds_the_most_a_volunteer_can_say_they_do_in_a_week()
    {
        var profile = VolunteerProfile.Empty(Guid.NewGuid(), Now);
        Assert.Null(profile.Update([], VolunteerProfile.MaxCapacityWordsPerWeek, "UTC", [], Now));

        Assert.Equal(VolunteerProfile.MaxCapacityWordsPerWeek, profile.BatchWords(TimeSpan.FromDays(14), fallback: 250));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100_000, true)]
    [InlineData(-1, false)]
    [InlineData(100_001, false)]
    public void Capacity_is_between_none_and_a_hundred_thousand_words_a_week(int capacity, bool accepted)
    {
        var profile = VolunteerProfile.Empty(Guid.NewGuid(), Now);

        var error = profile.Update([], capacity, "UTC", [], Now.AddDays(1));

        if (accepted)
        {
            Assert.Null(error);
            Assert.Equal((capacity, Now.AddDays(1)), (profile.CapacityWordsPerWeek, profile.UpdatedAt));
        }
        else
        {
            var invalid = Assert.IsType<InvalidInputError>(error);
            Assert.Equal(["Capacity is between 0 and 100,000 words a week."], invalid.Errors["capacityWordsPerWeek"]);
            Assert.Equal((0, Now), (profile.CapacityWordsPerWeek, profile.UpdatedAt));
        }
    }
}
