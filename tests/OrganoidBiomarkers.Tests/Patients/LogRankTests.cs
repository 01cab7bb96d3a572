using MathNet.Numerics.Distributions;
using OrganoidBiomarkers.Patients;
using Xunit;
using static OrganoidBiomarkers.Tests.Patients.SurvivalGolden;

namespace OrganoidBiomarkers.Tests.Patients;

/// <summary>Log-rank against R survival 3.5.3 <c>survdiff(Surv(time, status) ~ group)</c> (Golden/survival/logrank.tsv).</summary>
public class LogRankTests
{
    /// <summary>Sums of ratios over event times and one incomplete-gamma evaluation: rounding only.</summary>
    private const double Rounding = 1e-12;

    public static TheoryData<string> Datasets() => new(Rows("logrank.tsv").Select(r => r["dataset"]));

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Matches_R_survdiff(string dataset)
    {
        // R: sd <- survdiff(Surv(time, status) ~ group); sd$obs, sd$exp, sd$var[1, 1], sd$chisq,
        //    pchisq(sd$chisq, 1, lower.tail = FALSE)
        var e = Rows("logrank.tsv").Single(r => r["dataset"] == dataset);
        var result = LogRank.Test(Subset(dataset, "g1"), Subset(dataset, "g2"));
        Assert.Equal((int.Parse(e["n1"]), int.Parse(e["n2"])), (result.Group1.Subjects, result.Group2.Subjects));
        Assert.Equal((Num(e["obs1"]), Num(e["obs2"])), ((double)result.Group1.Observed, (double)result.Group2.Observed));
        Close(Num(e["exp1"]), result.Group1.Expected, Rounding, "expected 1");
        Close(Num(e["exp2"]), result.Group2.Expected, Rounding, "expected 2");
        Close(Num(e["var11"]), result.Variance, Rounding, "variance");
        Close(Num(e["chisq"]), result.ChiSquare, Rounding, "chisq");
        Close(Num(e["p"]), result.PValue, Rounding, "p");
        Assert.Equal(1, result.DegreesOfFreedom);
    }

    [Fact]
    public void Swapping_groups_swaps_rows_and_keeps_the_test()
    {
        var (g1, g2) = (Subset("ties", "g1"), Subset("ties", "g2"));
        var a = LogRank.Test(g1, g2);
        var b = LogRank.Test(g2, g1);
        Assert.Equal(a.Group1, b.Group2);
        Assert.Equal(a.ChiSquare, b.ChiSquare, 12);
        Assert.Equal(a.PValue, b.PValue, 12);
    }

    [Fact]
    public void Upper_tail_equals_one_minus_MathNet_ChiSquared_cdf_and_keeps_small_p()
    {
        foreach (double x in new[] { 0.01, 0.5, 3.84, 10, 30 })
            Assert.Equal(1 - ChiSquared.CDF(1, x), ChiSquareTest.UpperTail(x, 1), 14);
        // R: print(pchisq(100, 1, lower.tail = FALSE), digits = 17) = 1.5239706048321054e-23; 1 - CDF gives 0.
        const double r = 1.5239706048321054e-23;
        Assert.True(Math.Abs(ChiSquareTest.UpperTail(100, 1) / r - 1) < 1e-12, $"{ChiSquareTest.UpperTail(100, 1):R}");
        Assert.Equal(0.0, 1 - ChiSquared.CDF(1, 100));
    }

    [Fact]
    public void No_comparable_event_time_gives_NaN()
    {
        // Group 2 is all censored before group 1's deaths: O1 = E1 and the variance is 0 (R: chisq 0 on 0 df, p 1).
        var result = LogRank.Test(
            [new SurvivalTime(5, true), new SurvivalTime(6, true)],
            [new SurvivalTime(1, false), new SurvivalTime(2, false)]);
        Assert.Equal(0.0, result.Variance);
        Assert.True(double.IsNaN(result.ChiSquare) && double.IsNaN(result.PValue));
    }

    [Fact]
    public void Rejects_empty_groups_bad_times_and_no_events()
    {
        var some = new[] { new SurvivalTime(1, true), new SurvivalTime(2, false) };
        Assert.Contains("group2 is empty", Assert.Throws<ArgumentException>(() => LogRank.Test(some, [])).Message);
        Assert.Contains("group1 is empty", Assert.Throws<ArgumentException>(() => LogRank.Test([], some)).Message);
        Assert.Contains("group2[0].Time is negative",
            Assert.Throws<ArgumentException>(() => LogRank.Test(some, [new SurvivalTime(-2, true)])).Message);
        Assert.Contains("no events", Assert.Throws<ArgumentException>(() =>
            LogRank.Test([new SurvivalTime(1, false)], [new SurvivalTime(2, false)])).Message);
    }
}
