using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Reporting;
using Xunit;

namespace OrganoidBiomarkers.Tests.Reporting;

public class ValidationFiguresTests
{
    [Fact]
    public void Kaplan_meier_ticks_carry_the_numbers_at_risk_every_12_months()
    {
        var responders = new[] { new SurvivalTime(5, true), new SurvivalTime(13, false), new SurvivalTime(30, true) };
        var nonResponders = new[] { new SurvivalTime(2, true), new SurvivalTime(11, true), new SurvivalTime(25, false) };
        var c = GroupComparison.Compare(responders, nonResponders);
        var plot = ValidationFigures.KaplanMeier(c, "title", "subtitle");
        var png = plot.GetImageBytes(800, 500, ScottPlot.ImageFormat.Png);
        Assert.True(png.Length > 1000);
        var ticks = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).ToArray();
        Assert.Equal(new[] { 0.0, 12, 24, 36 }, ticks.Select(t => t.Position));
        // months, responders at risk, non-responders at risk (time >= t)
        Assert.Equal(new[] { "0\n3\n3", "12\n2\n1", "24\n1\n1", "36\n0\n0" }, ticks.Select(t => t.Label));
        Assert.Contains("n = 3 (2 deaths)", plot.Axes.Title.Label.Text);
    }

    [Fact]
    public void Null_distribution_renders_with_the_observed_line()
    {
        var plot = ValidationFigures.NullDistribution([0.1, 0.5, 0.5, 2.0, 3.5], 2.2, 0.33, "t", "chi-square");
        Assert.True(plot.GetImageBytes(600, 400, ScottPlot.ImageFormat.Png).Length > 1000);
        Assert.Contains("empirical p = 0.330", plot.Axes.Title.Label.Text);
        Assert.Throws<ArgumentException>(() => ValidationFigures.NullDistribution([], 1, 1, "t", "x"));
    }
}
