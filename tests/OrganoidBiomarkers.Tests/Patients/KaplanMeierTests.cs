using OrganoidBiomarkers.Patients;
using Xunit;
using static OrganoidBiomarkers.Tests.Patients.SurvivalGolden;

namespace OrganoidBiomarkers.Tests.Patients;

/// <summary>
/// Kaplan-Meier against R survival 3.5.3 (Golden/survival/make_golden.R): every step of
/// <c>survfit(Surv(time, status) ~ 1, conf.type = type, conf.int = level)</c>, <c>summary(fit, times, extend = TRUE)</c>
/// and <c>summary(fit)$table</c> medians, on nine datasets x {all, group 1, group 2} x three interval types x two levels.
/// </summary>
public class KaplanMeierTests
{
    /// <summary>
    /// Closed-form products, sums and square roots: only rounding separates us from R's C code (worst observed 3.4e-15).
    /// Scaled error as in <see cref="SurvivalGolden.Close"/>.
    /// </summary>
    private const double Rounding = 1e-12;

    public static TheoryData<string, string, string, double> Curves()
    {
        var data = new TheoryData<string, string, string, double>();
        foreach (var key in Rows("km_steps.tsv").Select(r => (r["dataset"], r["subset"], r["conf_type"], Num(r["conf_level"]))).Distinct())
            data.Add(key.Item1, key.Item2, key.Item3, key.Item4);
        return data;
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Steps_match_R_survfit(string dataset, string subset, string confType, double level)
    {
        var expected = Rows("km_steps.tsv")
            .Where(r => r["dataset"] == dataset && r["subset"] == subset && r["conf_type"] == confType && Num(r["conf_level"]) == level)
            .ToArray();
        var fit = KaplanMeier.Fit(Subset(dataset, subset), ConfType(confType), level);

        Assert.Equal(expected.Length, fit.Steps.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            var (e, s) = (expected[i], fit.Steps[i]);
            string at = $"{dataset}/{subset}/{confType}/{level} t={e["time"]}";
            Assert.Equal(Num(e["time"]), s.Time);
            Assert.Equal(int.Parse(e["n_risk"]), s.AtRisk);
            Assert.Equal(int.Parse(e["n_event"]), s.Events);
            Assert.Equal(int.Parse(e["n_censor"]), s.Censored);
            Close(Num(e["surv"]), s.Survival, Rounding, $"{at} surv");
            Close(Num(e["std_err_log"]), s.StdErrLogSurvival, Rounding, $"{at} std.err (log S)");
            Close(Num(e["std_err"]), s.StdErr, Rounding, $"{at} std.err (S)");
            Close(Num(e["lower"]), s.Lower, Rounding, $"{at} lower");
            Close(Num(e["upper"]), s.Upper, Rounding, $"{at} upper");
        }
        Assert.Equal(expected.Sum(r => int.Parse(r["n_event"])), fit.Events);
    }

    public static TheoryData<string, string> Subsets()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in Rows("km_at_times.tsv").Select(r => (r["dataset"], r["subset"])).Distinct())
            data.Add(key.Item1, key.Item2);
        return data;
    }

    [Theory]
    [MemberData(nameof(Subsets))]
    public void Survival_at_times_matches_R_summary_with_extend(string dataset, string subset)
    {
        // R: summary(survfit(Surv(time, status) ~ 1), times = q, extend = TRUE), q = -1, 0, every time, midpoints,
        // last + 0.5, last + 100.
        var fit = KaplanMeier.Fit(Subset(dataset, subset));
        foreach (var e in Rows("km_at_times.tsv").Where(r => r["dataset"] == dataset && r["subset"] == subset))
        {
            double t = Num(e["time"]);
            var point = fit.At(t, KaplanMeierTail.CarryLastValue);
            string at = $"{dataset}/{subset} t={t}";
            if (t < 0 && fit.Steps[0].Time == 0)
            {
                // Known deviation: when a subject has time 0, survfit0 adds no start row and R's summary clamps t < 0
                // to the first row, reporting S(0) for t = -1 (0.9 for zero_time/all, where a death is at 0).
                // Survival before any follow-up is 1.
                Assert.Equal((1.0, 0.0, 1.0, 1.0), (point.Survival, point.StdErr, point.Lower, point.Upper));
                continue;
            }
            Assert.Equal(int.Parse(e["n_risk"]), point.AtRisk);
            Assert.Equal(int.Parse(e["n_risk"]), fit.AtRisk(t));
            Close(Num(e["surv"]), point.Survival, Rounding, $"{at} surv");
            Close(Num(e["surv"]), fit.SurvivalAt(t, KaplanMeierTail.CarryLastValue), Rounding, $"{at} SurvivalAt");
            Close(Num(e["std_err"]), point.StdErr, Rounding, $"{at} std.err");
            Close(Num(e["lower"]), point.Lower, Rounding, $"{at} lower");
            Close(Num(e["upper"]), point.Upper, Rounding, $"{at} upper");

            // The default tail policy differs from R's extend = TRUE only past the last time on a curve above 0.
            double strict = fit.SurvivalAt(t);
            if (t > fit.LastTime && fit.Steps[^1].Survival > 0) Assert.True(double.IsNaN(strict), $"{at}: expected NaN past follow-up");
            else Close(Num(e["surv"]), strict, Rounding, $"{at} SurvivalAt (Undefined tail)");
        }
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Median_matches_R_print(string dataset, string subset, string confType, double level)
    {
        // R: summary(survfit(..., conf.type, conf.int))$table[c("median", "0.95LCL", "0.95UCL")]
        var e = Rows("km_median.tsv").Single(r =>
            r["dataset"] == dataset && r["subset"] == subset && r["conf_type"] == confType && Num(r["conf_level"]) == level);
        var median = KaplanMeier.Fit(Subset(dataset, subset), ConfType(confType), level).Median;
        string at = $"{dataset}/{subset}/{confType}/{level}";
        Close(Num(e["median"]), median.Estimate, Rounding, $"{at} median");
        Close(Num(e["lower"]), median.Lower, Rounding, $"{at} median lower");
        Close(Num(e["upper"]), median.Upper, Rounding, $"{at} median upper");
    }

    [Fact]
    public void Median_takes_the_midpoint_where_the_curve_is_exactly_one_half()
    {
        // "half", group 1: four deaths at 1, 2, 3, 4 -> S = 0.75, 0.5, 0.25, 0: S = 0.5 on [2, 3), median 2.5 (R prints 2.5).
        Assert.Equal(2.5, KaplanMeier.Fit(Subset("half", "g1")).Median.Estimate);
    }

    [Fact]
    public void Five_subjects_by_hand()
    {
        // times 2, 3, 3+, 5, 8+ (+ = censored); "five" in make_golden.R.
        //  t  n  d  c  S                        Greenwood sum d/(n(n-d))      se(S) = S sqrt(sum)
        //  2  5  1  0  4/5          = 0.8       1/20           = 0.05         0.8 sqrt(0.05)     = 0.178885
        //  3  4  1  1  0.8 x 3/4    = 0.6       0.05 + 1/12    = 0.133333     0.6 sqrt(0.13333)  = 0.219089
        //  5  2  1  0  0.6 x 1/2    = 0.3       0.13333 + 1/2  = 0.633333     0.3 sqrt(0.63333)  = 0.238747
        //  8  1  0  1  0.3                      unchanged
        // log CI at t = 2: exp(log 0.8 -+ 1.959964 sqrt(0.05)) = (0.516126, 1.288 -> capped at 1)
        // median: first S < 0.5 is at t = 5. At risk at t = 4: subjects with time >= 4 = {5, 8+} = 2.
        var data = new[] { new SurvivalTime(2, true), new SurvivalTime(3, true), new SurvivalTime(3, false), new SurvivalTime(5, true), new SurvivalTime(8, false) };
        var fit = KaplanMeier.Fit(data);
        Assert.Equal([2.0, 3, 5, 8], fit.Steps.Select(s => s.Time));
        Assert.Equal([5, 4, 2, 1], fit.Steps.Select(s => s.AtRisk));
        Close(0.8, fit.Steps[0].Survival, 1e-15, "S(2)");
        Close(0.6, fit.Steps[1].Survival, 1e-15, "S(3)");
        Close(0.3, fit.Steps[2].Survival, 1e-15, "S(5)");
        Close(0.3 * Math.Sqrt(0.05 + 1.0 / 12 + 0.5), fit.Steps[2].StdErr, 1e-15, "se(5)");
        Close(0.516126, fit.Steps[0].Lower, 1e-6, "lower(2)");
        Assert.Equal(1.0, fit.Steps[0].Upper);
        Assert.Equal(5.0, fit.Median.Estimate);
        Assert.Equal(2, fit.AtRisk(4));
        Assert.Equal(0.6, fit.SurvivalAt(4.99), 15);
    }

    [Fact]
    public void Curve_reaching_zero_stays_zero_past_the_last_time_under_either_tail_policy()
    {
        var fit = KaplanMeier.Fit(Subset("last_event", "all")); // last subject (t = 8) dies
        Assert.Equal(0.0, fit.SurvivalAt(100));
        Assert.Equal(0.0, fit.SurvivalAt(100, KaplanMeierTail.CarryLastValue));
        Assert.Equal(0, fit.AtRisk(100));
    }

    [Fact]
    public void Curve_points_start_at_one_unless_someone_has_time_zero()
    {
        // As R survfit0: a (0, 1) start row is added unless the first time is already 0.
        var fit = KaplanMeier.Fit(Subset("ties", "all"));
        var points = fit.CurvePoints();
        Assert.Equal((0.0, 1.0, 25), (points[0].Time, points[0].Survival, points[0].AtRisk));
        Assert.Equal(fit.Steps.Select(s => (s.Time, s.Survival)), points.Skip(1).Select(p => (p.Time, p.Survival)));
        Assert.Equal(fit.Steps.Where(s => s.Censored > 0).Select(s => s.Time), fit.CensorMarks().Select(m => m.Time));

        var zero = KaplanMeier.Fit(Subset("zero_time", "all")).CurvePoints();
        Assert.Equal(0.0, zero[0].Time);
        Assert.Equal(0.9, zero[0].Survival, 15); // one of ten dies at time 0
        Assert.Equal(1, zero.Count(p => p.Time == 0));
    }

    [Fact]
    public void Months_are_days_over_365_12()
    {
        Assert.Equal(60.0, SurvivalTime.DaysToMonths(1825), 12);
        Assert.Equal(new SurvivalTime(1.0, true), SurvivalTime.FromDaysInMonths(365.0 / 12, true));
    }

    public static TheoryData<double> BadTimes => new() { -1.0, double.NaN, double.PositiveInfinity };

    [Theory]
    [MemberData(nameof(BadTimes))]
    public void Rejects_negative_nan_and_infinite_times(double bad)
    {
        var data = new[] { new SurvivalTime(1, true), new SurvivalTime(bad, false) };
        var ex = Assert.Throws<ArgumentException>(() => KaplanMeier.Fit(data));
        Assert.Contains("data[1].Time", ex.Message);
    }

    [Fact]
    public void Rejects_empty_input_bad_level_and_nan_query()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => KaplanMeier.Fit([])).Message);
        Assert.Throws<ArgumentException>(() => KaplanMeier.Fit([new SurvivalTime(1, true)], confidenceLevel: 1.0));
        Assert.Throws<ArgumentException>(() => KaplanMeier.Fit([new SurvivalTime(1, true)]).SurvivalAt(double.NaN));
    }

    [Fact]
    public void Input_order_does_not_matter()
    {
        var data = Subset("seeded", "all");
        var a = KaplanMeier.Fit(data);
        var b = KaplanMeier.Fit(data.Reverse().ToArray());
        Assert.Equal(a.Steps, b.Steps);
    }
}
