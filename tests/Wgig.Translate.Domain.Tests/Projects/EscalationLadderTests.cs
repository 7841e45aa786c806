using Wgig.Translate.Domain.Common;
using Wgig.Translate.Domain.Projects;

namespace Wgig.Translate.Domain.Tests.Projects;

public sealed class EscalationLadderTests
{
    [Fact]
    public void A_new_project_reminds_a_day_before_a_claim_ends_and_two_before_a_deadline_and_takes_every_step()
    {
        Assert.Equal(new EscalationLadder(TimeSpan.FromHours(24), TimeSpan.FromHours(48), true, true, true), EscalationLadder.Default);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(60.0, 14 * 24 * 3600.0)] // the shortest and the longest lead
    public void Lead_times_from_a_minute_to_two_weeks_or_none_are_accepted(double? claimSeconds, double? deadlineSeconds)
    {
        var claimLead = claimSeconds is { } c ? TimeSpan.FromSeconds(c) : (TimeSpan?)null;
        var deadlineLead = deadlineSeconds is { } d ? TimeSpan.FromSeconds(d) : (TimeSpan?)null;

        var ladder = EscalationLadder.Create(claimLead, deadlineLead, overdueNotice: false, reassignLapsedWork: true, alertCoordinators: false);

        Assert.True(ladder.Succeeded);
        Assert.Equal(new EscalationLadder(claimLead, deadlineLead, false, true, false), ladder.Value);
    }

    [Fact]
    public void Lead_times_outside_a_minute_to_two_weeks_are_refused_field_by_field()
    {
        var ladder = EscalationLadder.Create(TimeSpan.FromSeconds(59), TimeSpan.FromDays(14).Add(TimeSpan.FromSeconds(1)), true, true, true);

        var error = Assert.IsType<InvalidInputError>(ladder.Error);
        Assert.Equal("Invalid escalation ladder", error.Title);
        Assert.Equal(["remindBeforeClaimEnds", "remindBeforeDeadline"], error.Errors.Keys.Order());
        Assert.StartsWith("A lead time is between one minute and 14 days (or null for no such step); got 00:00:59", error.Errors["remindBeforeClaimEnds"][0], StringComparison.Ordinal);
        Assert.Single(error.Errors["remindBeforeDeadline"]);
    }
}
