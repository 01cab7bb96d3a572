using OrganoidBiomarkers.Reporting;
using Xunit;

namespace OrganoidBiomarkers.Tests.Reporting;

public class RobustnessFiguresTests
{
    [Fact]
    public void Forest_puts_the_first_row_at_the_top_on_a_log_axis_and_survives_undefined_and_infinite_limits()
    {
        ForestRow[] rows =
        [
            new("main", "main", "HR 1.82 (0.33-9.95)", 1.82, 0.33, 9.95, ForestInterval.Main),
            new("main", "bootstrap", "HR 1.8 (0.2-inf)", 1.8, 0.2, double.PositiveInfinity, ForestInterval.Bootstrap),
            new("k", "k = 1..10", "range", 1.1, 0.9, 2.5, ForestInterval.Range),
            new("k", "k = 3", "not defined", double.NaN, double.NaN, double.NaN, ForestInterval.Alternative),
            new("baseline", "random", "HR 0 (0-0.01)", 0, 0, 0.01, ForestInterval.Baseline),
        ];
        var plot = RobustnessFigures.Forest(rows, "title");
        Assert.True(plot.GetImageBytes(RobustnessFigures.ForestWidth, RobustnessFigures.ForestHeight(rows.Length), ScottPlot.ImageFormat.Png).Length > 1000);
        var left = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).OrderByDescending(t => t.Position).ToArray();
        Assert.Equal(rows.Select(r => r.Label), left.Select(t => t.Label));
        var right = plot.Axes.Right.TickGenerator.Ticks.Where(t => t.IsMajor).OrderByDescending(t => t.Position).ToArray();
        Assert.Equal(rows.Select(r => r.Detail), right.Select(t => t.Label));
        var bottom = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).ToDictionary(t => t.Label, t => t.Position);
        Assert.Equal(0, bottom["1"], 12);
        Assert.Equal(1, bottom["10"], 12);
        Assert.Throws<ArgumentException>(() => RobustnessFigures.Forest([], "t"));
    }
}
