using Wgig.Translate.Domain.Deadlines;

namespace Wgig.Translate.Domain.Tests.Deadlines;

public sealed class DeadlineForecastTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0, 10, ForecastStatus.Done)]
    [InlineData(1000, 0, 30, ForecastStatus.Unknown)] // nothing moved, the deadline is far
    [InlineData(1000, 0, 10, ForecastStatus.AtRisk)] // nothing moved, the deadline is near
    [InlineData(1000, 200, 10, ForecastStatus.OnTrack)] // 5 days of work, 10 left
    [InlineData(1000, 50, 10, ForecastStatus.AtRisk)] // 20 days of work, 10 left
    public void The_forecast_projects_the_recent_pace(int remaining, double wordsPerDay, int daysLeft, ForecastStatus expected)
    {
        var deadline = Deadline.Set(Guid.NewGuid(), "fr", Now.AddDays(daysLeft), Guid.NewGuid(), Now);

        deadline.Forecast(remaining, wordsPerDay, Now);

        Assert.Equal(expected, deadline.Status);
    }

    [Fact]
    public void Only_a_change_of_status_is_news()
    {
        var deadline = Deadline.Set(Guid.NewGuid(), "fr", Now.AddDays(10), Guid.NewGuid(), Now);

        Assert.True(deadline.Forecast(1000, 50, Now));
        Assert.False(deadline.Forecast(990, 50, Now.AddHours(1)));
        Assert.True(deadline.Forecast(500, 100, Now.AddHours(2)));
        Assert.Equal((ForecastStatus.OnTrack, Now.AddHours(2).AddDays(5)), (deadline.Status, deadline.ProjectedFinish));
    }

    [Theory]
    [InlineData(14 * 24, ForecastStatus.Unknown)] // two weeks away: not yet worth an alarm
    [InlineData(14 * 24 - 1, ForecastStatus.AtRisk)]
    public void Without_recent_work_a_deadline_is_at_risk_once_it_is_less_than_two_weeks_away(int hoursLeft, ForecastStatus expected)
    {
        var deadline = Deadline.Set(Guid.NewGuid(), "fr", Now.AddHours(hoursLeft), Guid.NewGuid(), Now);

        deadline.Forecast(1000, -3, Now);

        Assert.Equal((expected, (DateTimeOffset?)null, (DateTimeOffset?)Now), (deadline.Status, deadline.ProjectedFinish, deadline.ForecastAt));
    }

    [Fact]
    public void Finishing_on_the_deadline_itself_is_on_track()
    {
        var deadline = Deadline.Set(Guid.NewGuid(), "fr", Now.AddDays(5), Guid.NewGuid(), Now);

        deadline.Forecast(1000, 200, Now);
        Assert.Equal((ForecastStatus.OnTrack, (DateTimeOffset?)Now.AddDays(5)), (deadline.Status, deadline.ProjectedFinish));

        deadline.Forecast(1001, 200, Now);
        Assert.Equal(ForecastStatus.AtRisk, deadline.Status);
    }

    [Fact]
    public void A_finished_document_is_done_now_and_a_crawling_one_is_projected_ten_years_out_at_most()
    {
        var deadline = Deadline.Set(Guid.NewGuid(), "fr", Now.AddDays(5), Guid.NewGuid(), Now);

        deadline.Forecast(0, 0, Now);
        Assert.Equal((ForecastStatus.Done, (DateTimeOffset?)Now), (deadline.Status, deadline.ProjectedFinish));

        deadline.Forecast(1_000_000, 0.001, Now);
        Assert.Equal((ForecastStatus.AtRisk, (DateTimeOffset?)Now.AddDays(3650)), (deadline.Status, deadline.ProjectedFinish));
    }

    [Fact]
    public void Moving_a_deadline_records_who_moved_it_and_when()
    {
        var (document, setter, mover) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var deadline = Deadline.Set(document, "fr", Now.AddDays(5), setter, Now);
        Assert.Equal((document, "fr", Now.AddDays(5), setter, Now, ForecastStatus.Unknown),
            (deadline.DocumentId, deadline.Language, deadline.DueAt, deadline.SetBy, deadline.SetAt, deadline.Status));

        deadline.Move(Now.AddDays(9), mover, Now.AddHours(1));

        Assert.Equal((Now.AddDays(9), mover, Now.AddHours(1)), (deadline.DueAt, deadline.SetBy, deadline.SetAt));
    }
}
