using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

public class RobustnessBootstrapTests
{
    [Fact]
    public void Quantiles_are_those_of_R_type_7_bit_for_bit()
    {
        // R 4.x: print(quantile(x, probs, type = 7), digits = 17). The same arithmetic, so equal to the last bit.
        // quantile(1:10, c(.025, .975)) -> 1.2250000000000001 9.7750000000000004
        Assert.Equal(1.2250000000000001, RobustnessBootstrap.Quantile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.025));
        Assert.Equal(9.7750000000000004, RobustnessBootstrap.Quantile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.975));
        // quantile(c(0, 1, 2), .025) -> 0.050000000000000044 (h = 1.05 - 1, not 0.05)
        Assert.Equal(0.050000000000000044, RobustnessBootstrap.Quantile([2, 0, 1], 0.025));
        // quantile(c(3.1, 0.2, 2.7, 9.4, 5.0), c(.025, .5, .975)) -> 0.45000000000000023 3.10000000000000009 8.96000000000000263
        double[] five = [3.1, 0.2, 2.7, 9.4, 5.0];
        Assert.Equal(0.45000000000000023, RobustnessBootstrap.Quantile(five, 0.025));
        Assert.Equal(3.1, RobustnessBootstrap.Quantile(five, 0.5));
        Assert.Equal(8.96000000000000263, RobustnessBootstrap.Quantile(five, 0.975));
        // quantile(c(0.1, 0.7, 0.2), 0.3) -> 0.16000000000000003
        Assert.Equal(0.16000000000000003, RobustnessBootstrap.Quantile([0.1, 0.7, 0.2], 0.3));
    }

    [Fact]
    public void Percentile_interval_by_hand()
    {
        // 1..40 at 95%: 1-based index 1 + 39 x 0.025 = 1.975 -> 1 + 0.975 (2 - 1) = 1.975; 1 + 39 x 0.975 = 39.025 -> 39.025.
        // (R: quantile(1:40, c(.025, .975)) -> 1.9750000000000001 39.0249999999999986)
        var (lo, hi) = RobustnessBootstrap.PercentileInterval(Enumerable.Range(1, 40).Select(i => (double)i).Reverse().ToArray());
        Assert.Equal(1.975, lo, 14);
        Assert.Equal(39.025, hi, 13);
        // A single value: both limits are it.
        Assert.Equal((3.0, 3.0), RobustnessBootstrap.PercentileInterval([3.0]));
        // 90%: 1 + 9 x 0.05 = 1.45 -> 1.45; 1 + 9 x 0.95 = 9.55 -> 9.55.
        var (lo90, hi90) = RobustnessBootstrap.PercentileInterval(Enumerable.Range(1, 10).Select(i => (double)i).ToArray(), 0.90);
        Assert.Equal(1.45, lo90, 14);
        Assert.Equal(9.55, hi90, 14);
    }

    [Fact]
    public void Infinite_values_are_ordered_as_extremes_and_NaN_is_refused()
    {
        // R: quantile(c(0.5, 1, 2, Inf), c(.5, .975)) -> 1.5 Inf; quantile(c(-Inf, Inf), .5) -> NaN
        Assert.Equal(1.5, RobustnessBootstrap.Quantile([0.5, double.PositiveInfinity, 1, 2], 0.5));
        Assert.Equal(double.PositiveInfinity, RobustnessBootstrap.Quantile([0.5, double.PositiveInfinity, 1, 2], 0.975));
        Assert.Equal(double.PositiveInfinity, RobustnessBootstrap.Quantile([double.PositiveInfinity, double.PositiveInfinity], 0.3));
        Assert.Equal(double.NaN, RobustnessBootstrap.Quantile([double.NegativeInfinity, double.PositiveInfinity], 0.5));
        Assert.Equal(0.0, RobustnessBootstrap.Quantile([0, 0, 0, 1], 0.025));
        Assert.Throws<ArgumentException>(() => RobustnessBootstrap.Quantile([1, double.NaN], 0.5));
        Assert.Throws<ArgumentException>(() => RobustnessBootstrap.Quantile([], 0.5));
        Assert.Throws<ArgumentException>(() => RobustnessBootstrap.Quantile([1.0], 1.5));
        Assert.Throws<ArgumentException>(() => RobustnessBootstrap.PercentileInterval([1.0], 1));
    }

    // 30 patients, scores 0..29 shuffled, whole-month times with ties, ~60% deaths.
    private static (PatientSplit Split, SurvivalTime[] Survival) Cohort(int n = 30, double deathRate = 0.6, int seed = 3)
    {
        var rng = new Rng((ulong)seed);
        var patients = Enumerable.Range(0, n).Select(i => $"P{i:00}").ToArray();
        var scores = rng.Shuffled(Enumerable.Range(0, n).Select(i => (double)i).ToArray());
        var responder = new bool[n];
        ResponderSplit.Label(scores, responder, out double median);
        var survival = scores.Select(s => new SurvivalTime(Math.Round(5 + 60 * rng.NextDouble() + s), rng.NextDouble() < deathRate)).ToArray();
        var split = new PatientSplit(patients, scores, median, responder, [], []);
        return (split, survival);
    }

    [Fact]
    public void Each_resample_is_its_own_stream_and_equals_the_group_comparison_of_the_drawn_patients()
    {
        var (split, survival) = Cohort();
        foreach (var labels in new[] { BootstrapSplit.FixedLabels, BootstrapSplit.ResplitAtResampleMedian })
        {
            var result = RobustnessBootstrap.OverPatients(split, survival, 40, 11, ["t"], labels);
            var whole = GroupComparison.Compare(Pick(split, survival, Enumerable.Range(0, 30).ToArray(), true), Pick(split, survival, Enumerable.Range(0, 30).ToArray(), false));
            Assert.Equal(whole.SurvivalAtHorizonResponders - whole.SurvivalAtHorizonNonResponders, result.SurvivalDifference.Observed);
            Assert.Equal(whole.HazardRatio, result.HazardRatio.Observed);
            for (int b = 0; b < 40; b++)
            {
                // Documented draw order: n draws of NextInt(n) from the stream (seed, ids, "bootstrap", b).
                var rng = Rng.ForStream(11, "t", "bootstrap", b.ToString(CultureInfo.InvariantCulture));
                var drawn = Enumerable.Range(0, 30).Select(_ => rng.NextInt(30)).ToArray();
                // The re-split labels come from the split rule itself (ResponderSplit), applied to the resample's scores.
                var resplit = new bool[drawn.Length];
                ResponderSplit.Label(drawn.Select(i => split.Scores[i]).ToArray(), resplit, out _);
                bool Responder(int j) => labels == BootstrapSplit.FixedLabels ? split.Responder[drawn[j]] : resplit[j];
                var r = Enumerable.Range(0, drawn.Length).Where(Responder).Select(j => survival[drawn[j]]).ToList();
                var nr = Enumerable.Range(0, drawn.Length).Where(j => !Responder(j)).Select(j => survival[drawn[j]]).ToList();
                var c = GroupComparison.Compare(r, nr);
                Assert.Equal(c.SurvivalAtHorizonResponders - c.SurvivalAtHorizonNonResponders, result.SurvivalDifference.Draws[b]);
                Assert.Equal(c.HazardRatio, result.HazardRatio.Draws[b]);
            }
            Assert.Equal(0, result.HazardRatio.Undefined);
            Assert.Equal(RobustnessBootstrap.PercentileInterval(result.HazardRatio.Draws), (result.HazardRatio.Lower, result.HazardRatio.Upper));
            Assert.Equal(RobustnessBootstrap.Quantile(result.SurvivalDifference.Draws, 0.5), result.SurvivalDifference.Median);
        }
    }

    private static List<SurvivalTime> Pick(PatientSplit split, SurvivalTime[] survival, int[] idx, bool responders) =>
        idx.Where(i => split.Responder[i] == responders).Select(i => survival[i]).ToList();

    [Fact]
    public void Results_depend_on_the_seed_only_not_on_the_thread_count()
    {
        var (split, survival) = Cohort();
        var one = RobustnessBootstrap.OverPatients(split, survival, 80, 20201030, ["x"], maxDegreeOfParallelism: 1);
        var many = RobustnessBootstrap.OverPatients(split, survival, 80, 20201030, ["x"], maxDegreeOfParallelism: 4);
        var other = RobustnessBootstrap.OverPatients(split, survival, 80, 20201031, ["x"]);
        Assert.Equal(one.HazardRatio.Draws, many.HazardRatio.Draws);
        Assert.Equal(one.SurvivalDifference.Draws, many.SurvivalDifference.Draws);
        Assert.Equal(one.HazardRatio, many.HazardRatio with { Draws = one.HazardRatio.Draws });
        Assert.NotEqual(one.HazardRatio.Draws, other.HazardRatio.Draws);
    }

    [Fact]
    public void Resamples_without_deaths_in_a_group_are_counted_as_infinite_and_without_any_death_as_undefined()
    {
        // 6 patients: responders never die; one non-responder dies. Every resample with both groups and the death has
        // HR = +inf (monotone likelihood); without the dying patient there is no death: HR undefined (the survival
        // difference, 1 - 1 = 0, is still defined); with one group empty both are undefined.
        var patients = new[] { "A", "B", "C", "D", "E", "F" };
        double[] scores = [1, 2, 3, 4, 5, 6];
        var split = new PatientSplit(patients, scores, 3.5, scores.Select(s => s <= 3.5).ToArray(), [], []);
        SurvivalTime[] survival = [new(30, false), new(40, false), new(50, false), new(10, true), new(60, false), new(70, false)];
        const int resamples = 300;
        var result = RobustnessBootstrap.OverPatients(split, survival, resamples, 5, ["inf"]);

        int infinite = 0, noDeath = 0, oneGroup = 0;
        for (int b = 0; b < resamples; b++)
        {
            var rng = Rng.ForStream(5, "inf", "bootstrap", b.ToString(CultureInfo.InvariantCulture));
            var drawn = Enumerable.Range(0, 6).Select(_ => rng.NextInt(6)).ToArray();
            if (drawn.All(i => i < 3) || drawn.All(i => i >= 3)) oneGroup++;
            else if (!drawn.Contains(3)) noDeath++;
            else infinite++;
        }
        Assert.True(infinite > 0 && noDeath > 0 && oneGroup > 0, $"fixture must exercise every case: {infinite}/{noDeath}/{oneGroup}");
        Assert.Equal(infinite, result.HazardRatio.Infinite);
        Assert.Equal(noDeath + oneGroup, result.HazardRatio.Undefined);
        Assert.All(result.HazardRatio.Draws, v => Assert.True(double.IsNaN(v) || double.IsPositiveInfinity(v)));
        Assert.Equal(double.PositiveInfinity, result.HazardRatio.Upper);
        Assert.Equal(double.PositiveInfinity, result.HazardRatio.Observed);
        Assert.Equal(oneGroup, result.SurvivalDifference.Undefined);
        Assert.Equal(0, result.SurvivalDifference.Infinite);

        // Labels swapped: now the non-responders never die, HR = 0 (log HR = -inf): counted as infinite too, the lower limit 0.
        var swapped = split with { Responder = split.Responder.Select(r => !r).ToArray() };
        var mirrored = RobustnessBootstrap.OverPatients(swapped, survival, resamples, 5, ["inf"]);
        Assert.Equal(infinite, mirrored.HazardRatio.Infinite);
        Assert.Equal(noDeath + oneGroup, mirrored.HazardRatio.Undefined);
        Assert.All(mirrored.HazardRatio.Draws, v => Assert.True(double.IsNaN(v) || v == 0));
        Assert.Equal(0.0, mirrored.HazardRatio.Lower);
    }

    [Fact]
    public void Resamples_whose_deaths_all_fall_while_one_group_is_at_risk_are_counted_as_undefined_not_a_crash()
    {
        // Responder A dies at 10; non-responder D is censored at 5, E and F later. A resample drawing A and, among the
        // non-responders, only D has its death while only the responders are at risk: the Cox fit is not estimable
        // (R coxph: coef NA), so HR is undefined. With E or F drawn, the non-responders are at risk without dying: HR = 0.
        var patients = new[] { "A", "B", "C", "D", "E", "F" };
        double[] scores = [1, 2, 3, 4, 5, 6];
        var split = new PatientSplit(patients, scores, 3.5, scores.Select(s => s <= 3.5).ToArray(), [], []);
        SurvivalTime[] survival = [new(10, true), new(40, false), new(50, false), new(5, false), new(60, false), new(70, false)];
        const int resamples = 300;
        var result = RobustnessBootstrap.OverPatients(split, survival, resamples, 9, ["flat"]);

        int notEstimable = 0, zero = 0, other = 0;
        for (int b = 0; b < resamples; b++)
        {
            var rng = Rng.ForStream(9, "flat", "bootstrap", b.ToString(CultureInfo.InvariantCulture));
            var drawn = Enumerable.Range(0, 6).Select(_ => rng.NextInt(6)).ToArray();
            bool death = drawn.Contains(0), nonResponders = drawn.Any(i => i >= 3), responders = drawn.Any(i => i < 3);
            if (!death || !nonResponders || !responders) other++;
            else if (drawn.Where(i => i >= 3).All(i => i == 3)) notEstimable++;
            else zero++;
        }
        Assert.True(notEstimable > 0 && zero > 0, $"fixture must exercise both cases: {notEstimable}/{zero}");
        Assert.Equal(notEstimable + other, result.HazardRatio.Undefined);
        Assert.Equal(zero, result.HazardRatio.Infinite);
        Assert.All(result.HazardRatio.Draws, v => Assert.True(double.IsNaN(v) || v == 0, $"HR {v}"));
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        var (split, survival) = Cohort();
        Assert.Throws<ArgumentException>(() => RobustnessBootstrap.OverPatients(split, survival.Take(29).ToArray(), 10, 1, ["x"]));
        Assert.Throws<ArgumentException>(() => RobustnessBootstrap.OverPatients(split, survival, 0, 1, ["x"]));
        Assert.Throws<ArgumentException>(() => RobustnessBootstrap.OverPatients(split, survival, 10, 1, ["x"], level: 1.0));
        Assert.Throws<ArgumentException>(() => RobustnessBootstrap.OverPatients(split, survival, 10, 1, ["x"], horizonMonths: double.NaN));
        var bad = survival.ToArray();
        bad[0] = new SurvivalTime(double.NaN, true);
        Assert.Throws<ArgumentException>(() => RobustnessBootstrap.OverPatients(split, bad, 10, 1, ["x"]));
    }
}
