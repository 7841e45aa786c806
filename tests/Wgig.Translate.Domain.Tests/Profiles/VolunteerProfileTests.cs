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
    [InlineData(0, 71, 8)] // two windows come before the end: the first
    [InlineData(11, 60, 8)] // a window ending the instant it is due has passed: the last one before, within the lead
    [InlineData(12, 65, 8)] // a window starting the instant the claim ends comes too late
    [InlineData(30, 49, 30)] // a window ending exactly a lead before it is due is too early: when it is due
    [InlineData(90, 114, 66)] // the last window began more than a lead before: a lead before, while it is open
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

    private static string[] Refusal(VolunteerProfile profile, Func<VolunteerProfile, DomainError?> change, string field)
    {
        var before = (profile.Languages.Count, profile.Availability.Count, profile.TimeZone, profile.UpdatedAt);
        var error = Assert.IsType<InvalidInputError>(change(profile));
        Assert.Equal((before, "Invalid profile"), ((profile.Languages.Count, profile.Availability.Count, profile.TimeZone, profile.UpdatedAt), error.Title));
        Assert.Equal([field], error.Errors.Keys);
        return error.Errors[field];
    }

    private static readonly string[] TwentyLanguages = ["ar", "zh", "en", "fr", "ru", "es", "de", "it", "pt", "nl", "sv", "da", "fi", "nb", "pl", "cs", "hu", "el", "tr", "ja"];

    [Fact]
    public void A_profile_lists_at_most_twenty_languages_each_a_language_tag_once_at_a_known_level()
    {
        var profile = Profile();

        Assert.Null(profile.Update([.. TwentyLanguages.Select(l => new ProfileLanguage(l, LanguageLevel.Basic))], 1400, "UTC", [], Now.AddDays(1)));
        Assert.Equal(20, profile.Languages.Count);
        Assert.Equal(["At most 20 languages."],
            Refusal(profile, p => p.Update([.. TwentyLanguages.Append("ko").Select(l => new ProfileLanguage(l, LanguageLevel.Basic))], 1400, "UTC", [], Now.AddDays(2)), "languages"));
        Assert.Single(Refusal(profile, p => p.Update([new("not a language", LanguageLevel.Basic)], 1400, "UTC", [], Now.AddDays(2)), "languages"));
        Assert.Equal(["'99' is not a level; use Basic, Intermediate, Advanced, Professional, Native."],
            Refusal(profile, p => p.Update([new("fr", (LanguageLevel)99)], 1400, "UTC", [], Now.AddDays(2)), "languages"));
    }

    [Fact]
    public void A_profile_has_at_most_fifty_windows_each_ending_after_it_starts_and_kept_in_order()
    {
        var profile = Profile();
        var fifty = Enumerable.Range(0, 50).Select(i => new AvailabilityWindow((DayOfWeek)(i % 7), new(i % 20, 0), new(i % 20, 30))).ToList();

        Assert.Null(profile.Update([], 1400, "UTC", [.. fifty.Skip(2), new(DayOfWeek.Monday, new(21, 0), new(22, 0)), new(DayOfWeek.Monday, new(20, 30), new(21, 0))], Now.AddDays(1)));
        Assert.Equal(50, profile.Availability.Count);
        Assert.Equal([new(20, 30), new(21, 0)], profile.Availability.Where(w => w.Day == DayOfWeek.Monday && w.From.Hour >= 20).Select(w => w.From));
        Assert.Equal(["At most 50 windows."], Refusal(profile, p => p.Update([], 1400, "UTC", [.. fifty, new(DayOfWeek.Sunday, new(21, 0), new(22, 0))], Now.AddDays(2)), "availability"));
        Assert.Equal(["A window ends after it starts on the same day (Friday 22:00–22:00); split one that passes midnight."],
            Refusal(profile, p => p.Update([], 1400, "UTC", [new(DayOfWeek.Friday, new(22, 0), new(22, 0))], Now.AddDays(2)), "availability"));
    }

    [Theory]
    [InlineData(null, "UTC")]
    [InlineData("  ", "UTC")]
    [InlineData(" America/New_York ", "America/New_York")]
    public void A_time_zone_left_out_is_utc_and_one_given_is_trimmed(string? zone, string kept)
    {
        var profile = Profile();

        Assert.Null(profile.Update([], 1400, zone, [], Now.AddDays(1)));

        Assert.Equal(kept, profile.TimeZone);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_with_an_example_of_a_known_one() =>
        Assert.Equal(["'Mars/Olympus' is not a known time zone; use an IANA id such as Europe/Zurich."],
            Refusal(Profile(), p => p.Update([], 1400, "Mars/Olympus", [], Now.AddDays(1)), "timeZone"));

    [Theory]
    [InlineData("ar", "ar")]
    [InlineData("zh", "zh")]
    [InlineData("en", "en")]
    [InlineData(" FR ", "fr")]
    [InlineData("ru", "ru")]
    [InlineData("es", "es")]
    [InlineData(null, null)] // the browser's language
    [InlineData(" ", null)]
    public void The_interface_speaks_the_six_official_languages_of_the_united_nations(string? asked, string? chosen)
    {
        var profile = Profile();

        Assert.Null(profile.ChooseInterfaceLanguage(asked, Now.AddDays(1)));

        Assert.Equal((chosen, Now.AddDays(1)), (profile.InterfaceLanguage, profile.UpdatedAt));
    }

    [Fact]
    public void Another_interface_language_is_refused_naming_the_six()
    {
        var profile = Profile();
        Assert.Null(profile.ChooseInterfaceLanguage("fr", Now));

        var error = Assert.IsType<InvalidInputError>(profile.ChooseInterfaceLanguage("de", Now.AddDays(1)));

        Assert.Equal(["The interface speaks ar, zh, en, fr, ru, es; 'de' is not one of them."], error.Errors["interfaceLanguage"]);
        Assert.Equal(("fr", Now), (profile.InterfaceLanguage, profile.UpdatedAt));
    }

    [Fact]
    public void Mail_and_credit_choices_are_kept_with_when_they_were_made()
    {
        var profile = Profile();

        profile.ChooseMail(MailPreference.DailyDigest, Now.AddDays(1));
        Assert.Equal((MailPreference.DailyDigest, Now.AddDays(1)), (profile.Mail, profile.UpdatedAt));
        profile.ChooseCreditEmail(true, Now.AddDays(2));
        Assert.Equal((true, Now.AddDays(2)), (profile.ShowEmailInCredits, profile.UpdatedAt));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData(" on holiday ", "on holiday")]
    public void A_pause_keeps_its_reason_trimmed_or_none(string? reason, string? kept)
    {
        var profile = Profile();

        Assert.Null(profile.Pause(reason, Now.AddDays(1)));

        Assert.Equal((true, kept, (DateTimeOffset?)Now.AddDays(1)), (profile.Paused, profile.PausedReason, profile.PausedAt));
        Assert.Equal(kept is null ? "This volunteer is paused and takes no new work until they are resumed." : "This volunteer is paused (on holiday) and takes no new work until they are resumed.",
            new VolunteerPaused(profile.AccountId, profile.PausedReason).Detail);
        Assert.Equal("Volunteer paused", new VolunteerPaused(profile.AccountId, profile.PausedReason).Title);
    }

    [Fact]
    public void A_pause_reason_has_at_most_500_characters()
    {
        var profile = Profile();
        Assert.Null(profile.Pause(new string('r', 500), Now));

        var error = Assert.IsType<InvalidInputError>(Profile().Pause(new string('r', 501), Now));

        Assert.Equal(["A reason has at most 500 characters."], error.Errors["reason"]);
    }

    [Fact]
    public void A_volunteer_with_several_windows_is_available_in_any_of_them()
    {
        var profile = Profile(windows: [new(DayOfWeek.Monday, new(9, 0), new(12, 0)), new(DayOfWeek.Wednesday, new(18, 0), new(20, 0))]);

        Assert.Equal((true, true, false), (profile.IsAvailableAt(Now), profile.IsAvailableAt(Now.AddDays(2).AddHours(9.5)), profile.IsAvailableAt(Now.AddDays(1))));
    }
}
