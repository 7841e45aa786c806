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
}
