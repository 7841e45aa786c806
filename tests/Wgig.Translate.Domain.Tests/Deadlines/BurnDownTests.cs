using Wgig.Translate.Domain.Deadlines;

namespace Wgig.Translate.Domain.Tests.Deadlines;

public sealed class BurnDownTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    [Fact]
    public void Words_left_fall_as_segments_are_approved_and_rise_again_when_a_source_change_undoes_an_approval()
    {
        var changes = new[]
        {
            new BurnDown.Change(Start.AddHours(30), A, true, 40), // day 2
            new BurnDown.Change(Start.AddHours(50), B, true, 25), // day 3
            new BurnDown.Change(Start.AddHours(70), A, false, 40), // day 3: its source changed
            new BurnDown.Change(Start.AddHours(90), A, true, 40), // day 4
        };

        var points = BurnDown.Actual(100, changes, Start, Start.AddDays(4));

        Assert.Equal([Start, Start.AddDays(1), Start.AddDays(2), Start.AddDays(3), Start.AddDays(4)], points.Select(p => p.At));
        Assert.Equal([100, 100, 60, 75, 35], points.Select(p => p.RemainingWords));
    }

    [Fact]
    public void Approvals_before_the_start_count_and_a_long_history_is_sampled_into_at_most_sixty_points_ending_now()
    {
        var now = Start.AddDays(200).AddHours(5);
        var points = BurnDown.Actual(50, [new BurnDown.Change(Start.AddDays(-3), C, true, 20)], Start, now);

        Assert.Equal(BurnDown.MaxPoints, points.Count);
        Assert.Equal((Start, now), (points[0].At, points[^1].At));
        Assert.All(points, p => Assert.Equal(30, p.RemainingWords));
        Assert.Equal(points.Select(p => p.At).Order(), points.Select(p => p.At));
    }

    [Fact]
    public void The_ideal_line_runs_from_the_words_left_at_the_start_to_none_at_the_deadline_and_is_absent_without_one()
    {
        var ideal = BurnDown.Ideal(120, Start, Start.AddDays(12));

        Assert.Equal([new BurnDownPoint(Start, 120), new BurnDownPoint(Start.AddDays(12), 0)], ideal);
        Assert.Equal(90, BurnDown.IdealAt(ideal, Start.AddDays(3)));
        Assert.Equal(0, BurnDown.IdealAt(ideal, Start.AddDays(20)));
        Assert.Empty(BurnDown.Ideal(120, Start, null));
        Assert.Empty(BurnDown.Ideal(120, Start, Start.AddDays(-1)));
        Assert.Null(BurnDown.IdealAt([], Start));
    }

    [Fact]
    public void A_chart_started_this_moment_has_one_point()
    {
        var points = BurnDown.Actual(10, [new BurnDown.Change(Start, A, true, 4)], Start, Start);

        Assert.Equal([new BurnDownPoint(Start, 6)], points);
    }
}
