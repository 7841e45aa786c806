using Wgig.Translate.Domain.Balancing;
using Wgig.Translate.Domain.Claims;
using Wgig.Translate.Domain.Deadlines;
using Wgig.Translate.Domain.Notifications;
using Wgig.Translate.Domain.Profiles;
using Wgig.Translate.Domain.Projects;

namespace Wgig.Translate.Domain.Tests.Notifications;

public sealed class LadderNoticesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Bo = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Claim = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Project = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Func<Guid, string> Names = id => id == Ana ? "Ana" : "Bo";

    [Theory]
    [InlineData(30, null)] // the lead has not come yet
    [InlineData(24, "Your claim on paper.md (fr) ends 2026-12-02 12:00 UTC with 3 segment(s) still to translate. Hand them in, renew the claim, or release it.")] // the lead comes this instant
    [InlineData(20, "Your claim on paper.md (fr) ends 2026-12-02 08:00 UTC with 3 segment(s) still to translate. Hand them in, renew the claim, or release it.")]
    public void A_claim_ending_soon_is_announced_once_its_lead_has_come(int hoursLeft, string? expected)
    {
        var claim = new LadderNotices.EndingClaim(Claim, Ana, "paper.md", "fr", Now.AddHours(hoursLeft), TimeSpan.FromHours(24), 3);

        var notice = LadderNotices.ClaimEndingSoon(claim, VolunteerProfile.Empty(Ana, Now), Now);

        Assert.Equal(expected, notice?.Text);
        Assert.Equal(expected is null ? null : $"claim-ending:{Claim}:{Now.AddHours(hoursLeft):yyyy-MM-ddTHH:mm:ss}", notice?.OnceKey);
    }

    public static TheoryData<bool, bool, string, string?, string?> Lapses => new()
    {
        // overdue notice, coordinator alert, where the work went; what Ana and the coordinators read
        { true, true, "reassigned", "Your claim ran out with 2 segment(s) of paper.md (fr) unfinished; they went to another volunteer. Anything you typed is kept in the segments' history as a suggestion.",
            "Ana let a claim lapse with 2 segment(s) of paper.md (fr) unfinished; reassigned to Bo." },
        { true, true, "nobody free", "Your claim ran out with 2 segment(s) of paper.md (fr) unfinished; they are back in the pool. Anything you typed is kept in the segments' history as a suggestion.",
            "Ana let a claim lapse with 2 segment(s) of paper.md (fr) unfinished; back in the pool: nobody has room." },
        { false, true, "not reassigning", null, "Ana let a claim lapse with 2 segment(s) of paper.md (fr) unfinished; back in the pool (this project does not reassign lapsed work)." },
        { true, false, "not reassigning", "Your claim ran out with 2 segment(s) of paper.md (fr) unfinished; they are back in the pool. Anything you typed is kept in the segments' history as a suggestion.", null },
    };

    [Theory]
    [MemberData(nameof(Lapses))]
    public void A_lapsed_claim_tells_its_volunteer_and_the_coordinators_what_the_ladder_says(bool overdue, bool alert, string went, string? toAna, string? toCoordinators)
    {
        var batch = new LapsedBatch(Claim, Ana, Guid.NewGuid(), Guid.NewGuid(), "fr", [Guid.NewGuid(), Guid.NewGuid()], 10);
        var outcome = went switch
        {
            "reassigned" => new Reassigned(batch, Bo, Guid.NewGuid(), null),
            "nobody free" => new Reassigned(batch, null, null, "nobody has room"),
            _ => null,
        };

        var (toVolunteer, toStaff) = LadderNotices.ClaimLapsed(batch, "paper.md", new EscalationLadder(null, null, overdue, outcome is not null, alert), outcome, Names);

        Assert.Equal((toAna, toCoordinators), (toVolunteer?.Text, toStaff?.Text));
        Assert.All(new[] { toVolunteer?.OnceKey, toStaff?.OnceKey }.OfType<string>(), key => Assert.Equal($"claim-lapsed:{Claim}", key));
        Assert.True(toStaff is null || toStaff.ProjectId == batch.ProjectId);
    }

    [Theory]
    [InlineData("3 in the window", true)]
    [InlineData("2 in the window, 1 older", false)]
    [InlineData("3, but resumed since the second", false)]
    [InlineData("3, already paused", false)]
    [InlineData("3, the first exactly 30 days ago", false)] // the window is the last 30 days, that instant excluded
    [InlineData("3, the first when resumed", false)] // a lapse at the instant of the resume is before it
    public void Three_lapses_within_thirty_days_since_the_last_resume_pause_a_volunteer(string situation, bool paused)
    {
        var rules = new ClaimOptions();
        var lapses = situation switch
        {
            "2 in the window, 1 older" => new[] { Now.AddDays(-40), Now.AddDays(-10), Now.AddDays(-1) },
            "3, the first exactly 30 days ago" => new[] { Now.AddDays(-30), Now.AddDays(-10), Now.AddDays(-1) },
            "3, the first when resumed" => new[] { Now.AddDays(-9), Now.AddDays(-5), Now.AddDays(-1) },
            _ => new[] { Now.AddDays(-20), Now.AddDays(-10), Now.AddDays(-1) },
        };
        var profile = VolunteerProfile.Empty(Ana, Now.AddDays(-60));
        if (situation.Contains("resumed", StringComparison.Ordinal))
        {
            profile.Pause("away", Now.AddDays(-12));
            profile.Resume(Now.AddDays(-9));
        }
        if (situation.Contains("already paused", StringComparison.Ordinal))
        {
            profile.Pause("away", Now.AddDays(-2));
        }
        var profiles = Profiles(profile);

        var pauses = LadderNotices.RepeatLapsers(lapses.Select(at => new LadderNotices.Lapse(Ana, at, Project)), profiles, Names, rules, Now);

        Assert.Equal(paused, pauses.Count == 1);
        if (paused)
        {
            Assert.Equal(("3 or more claims lapsed within 30 days", "You were paused: 3 or more claims lapsed within 30 days. Your coordinator can resume you; until then you take no new work.",
                "Ana was paused: 3 or more claims lapsed within 30 days."), (pauses[0].Reason, pauses[0].ToVolunteer.Text, Assert.Single(pauses[0].ToCoordinators).Text));
            Assert.Equal(Project, pauses[0].ToCoordinators[0].ProjectId);
            Assert.Equal((Ana, $"paused:{Ana}:2026-12-01T12:00:00.0000000"), (pauses[0].ToVolunteer.AccountId, pauses[0].ToVolunteer.OnceKey));
            Assert.Equal(pauses[0].ToVolunteer.OnceKey, pauses[0].ToCoordinators[0].OnceKey);
        }
    }

    [Fact]
    public void A_pause_is_told_to_the_coordinators_of_each_project_where_a_counted_claim_lapsed_and_no_other()
    {
        Guid other = Guid.Parse("00000000-0000-0000-0000-0000000000b2"), old = Guid.Parse("00000000-0000-0000-0000-0000000000b3");
        LadderNotices.Lapse[] lapses =
        [
            new(Ana, Now.AddDays(-40), old), // outside the window: its project hears nothing
            new(Ana, Now.AddDays(-20), Project), new(Ana, Now.AddDays(-10), other), new(Ana, Now.AddDays(-1), Project),
        ];

        var pause = Assert.Single(LadderNotices.RepeatLapsers(lapses, Profiles(VolunteerProfile.Empty(Ana, Now.AddDays(-60))), Names, new ClaimOptions(), Now));

        Assert.Equal(new[] { Project, other }.Order(), pause.ToCoordinators.Select(n => n.ProjectId));
        Assert.Single(pause.ToCoordinators.Select(n => n.OnceKey).Distinct());
    }

    public static TheoryData<int, ForecastStatus, string> Forecasts => new()
    {
        { 0, ForecastStatus.Done, "paper.md (fr) is translated, before its deadline 2026-12-11 12:00 UTC." },
        { 1000, ForecastStatus.OnTrack, "paper.md (fr) is on track for its deadline 2026-12-11 12:00 UTC." },
        { 5000, ForecastStatus.AtRisk, "paper.md (fr) is at risk of missing its deadline 2026-12-11 12:00 UTC: at the recent pace it finishes 2026-12-26, 5,000 words left." },
    };

    [Theory]
    [MemberData(nameof(Forecasts))]
    public void A_forecast_change_tells_the_coordinators_where_the_deadline_stands(int remaining, ForecastStatus status, string expected)
    {
        var deadline = Deadline.Set(Guid.NewGuid(), "fr", Now.AddDays(10), Guid.NewGuid(), Now);
        deadline.Forecast(remaining, 200, Now);

        var notice = DeadlineNotices.ForecastChanged(deadline, Project, "paper.md", remaining, Now);

        Assert.Equal((status, expected, Project), (deadline.Status, notice.Text, notice.ProjectId));
    }

    [Theory]
    [InlineData(-1, 2, true, true, null, "paper.md (fr) was due 2026-12-01 11:00 UTC; you hold 2 segment(s) of it.", "paper.md (fr) missed its deadline 2026-12-01 11:00 UTC with work unfinished.")]
    [InlineData(-1, 0, true, true, null, null, "paper.md (fr) missed its deadline 2026-12-01 11:00 UTC with work unfinished.")]
    [InlineData(-1, 2, false, false, null, null, null)]
    [InlineData(24, 2, true, true, "paper.md (fr) is due 2026-12-02 12:00 UTC; you hold 2 segment(s) of it.", null, null)]
    [InlineData(72, 2, true, true, null, null, null)]
    public void Deadline_steps_follow_the_ladder(int hoursLeft, int held, bool overdue, bool alert, string? near, string? missed, string? toCoordinators)
    {
        var holding = new DeadlineNotices.Holding(Guid.NewGuid(), Project, Guid.NewGuid(), Now.AddHours(hoursLeft), "fr", "paper.md", Ana, held,
            TimeSpan.FromHours(48), overdue, alert);

        var steps = DeadlineNotices.For(holding, VolunteerProfile.Empty(Ana, Now), Now);

        Assert.Equal((near, missed, toCoordinators), (steps.Near?.Text, steps.Missed?.Text, steps.Alert?.Text));
        Assert.True(steps.Alert is null || steps.Alert.ProjectId == Project);
    }

    private static VolunteerProfiles Profiles(VolunteerProfile profile) => VolunteerProfiles.From([profile], Now);
}
