using OrganoidBiomarkers.Patients;
using Xunit;
using static OrganoidBiomarkers.Tests.Patients.SurvivalGolden;

namespace OrganoidBiomarkers.Tests.Patients;

/// <summary>
/// Cox regression against R survival 3.5.3 <c>coxph(Surv(time, status) ~ g2 [+ x2], ties = ..., control =
/// coxph.control(eps = 1e-13, toler.chol = 1e-15, iter.max = 200))</c> (Golden/survival/coxph*.tsv): R converged
/// tightly so that the reference is the maximum itself.
/// </summary>
public class CoxPhTests
{
    /// <summary>
    /// Quantities at the maximum (coefficients, standard errors, tests): both sides stop within ~1e-13 of it, and the
    /// coefficient error enters quadratically into the log-likelihood. Observed worst case 1.2e-12 (Wald statistic).
    /// (R with its default eps = 1e-9 stops up to 1.2e-9 away from the maximum on these data.)
    /// </summary>
    private const double AtMaximum = 1e-10;

    /// <summary>Closed-form quantities at beta = 0 (log-likelihood, score test): rounding only.</summary>
    private const double Rounding = 1e-12;

    public static TheoryData<string, string> Fits()
    {
        var data = new TheoryData<string, string>();
        foreach (var r in Rows("coxph.tsv")) data.Add(r["dataset"], r["ties"]);
        return data;
    }

    private static CoxTies Ties(string r) => r == "efron" ? CoxTies.Efron : CoxTies.Breslow;

    [Theory]
    [MemberData(nameof(Fits))]
    public void Group_hazard_ratio_matches_R_coxph(string dataset, string ties)
    {
        // R: fit <- coxph(Surv(time, status) ~ g2, ties = ties); s <- summary(fit)
        //    coef, exp(coef), se, z, p, conf.int lower/upper .95, fit$loglik, s$logtest, fit$wald.test, s$sctest
        var e = Rows("coxph.tsv").Single(r => r["dataset"] == dataset && r["ties"] == ties);
        var fit = CoxPh.FitGroups(Subset(dataset, "g1"), Subset(dataset, "g2"), Ties(ties));
        string at = $"{dataset}/{ties}";

        Close(Num(e["loglik0"]), fit.LogLikelihoodNull, Rounding, $"{at} loglik0");
        Close(Num(e["score"]), fit.Score.Statistic, Rounding, $"{at} score");
        Close(Num(e["score_p"]), fit.Score.PValue, Rounding, $"{at} score p");
        Close(Num(e["loglik"]), fit.LogLikelihood, AtMaximum, $"{at} loglik");
        Close(Num(e["lr"]), fit.LikelihoodRatio.Statistic, AtMaximum, $"{at} LR");
        Close(Num(e["lr_p"]), fit.LikelihoodRatio.PValue, AtMaximum, $"{at} LR p");

        var c = Assert.Single(fit.Coefficients);
        if (e["infinite"] == "1")
        {
            // R warns "coefficient may be infinite" and stops at a large finite value with a huge se: no Wald inference.
            Assert.Equal(CoxStatus.InfiniteCoefficient, fit.Status);
            Assert.Equal(Math.Sign(Num(e["coef"])) * double.PositiveInfinity, c.Estimate);
            Assert.Equal(Math.Exp(c.Estimate), c.HazardRatio);
            Assert.True(double.IsNaN(c.StdErr) && double.IsNaN(c.PValue) && double.IsNaN(c.Lower) && double.IsNaN(fit.Wald.Statistic));
            return;
        }
        Assert.Equal(CoxStatus.Converged, fit.Status);
        Close(Num(e["coef"]), c.Estimate, AtMaximum, $"{at} coef");
        Close(Num(e["hr"]), c.HazardRatio, AtMaximum, $"{at} HR");
        Close(Num(e["se"]), c.StdErr, AtMaximum, $"{at} se");
        Close(Num(e["z"]), c.Z, AtMaximum, $"{at} z");
        Close(Num(e["p"]), c.PValue, AtMaximum, $"{at} p");
        Close(Num(e["lower"]), c.Lower, AtMaximum, $"{at} lower");
        Close(Num(e["upper"]), c.Upper, AtMaximum, $"{at} upper");
        Close(Num(e["wald"]), fit.Wald.Statistic, AtMaximum, $"{at} Wald");
        Close(Num(e["wald_p"]), fit.Wald.PValue, AtMaximum, $"{at} Wald p");
    }

    public static TheoryData<string, string> MultiFits()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in Rows("coxph_multi.tsv").Select(r => (r["dataset"], r["ties"])).Distinct()) data.Add(key.Item1, key.Item2);
        return data;
    }

    [Theory]
    [MemberData(nameof(MultiFits))]
    public void Two_covariates_match_R_coxph(string dataset, string ties)
    {
        // R: coxph(Surv(time, status) ~ g2 + x2, ties = ties); vcov(fit)[1, 2] as cov12
        var e = Rows("coxph_multi.tsv").Where(r => r["dataset"] == dataset && r["ties"] == ties).ToArray();
        var subjects = Dataset(dataset);
        var x = new double[subjects.Count, 2];
        for (int i = 0; i < subjects.Count; i++) (x[i, 0], x[i, 1]) = (subjects[i].Group == 2 ? 1 : 0, subjects[i].X2);
        var fit = CoxPh.Fit(subjects.Select(s => s.Observation).ToArray(), x, ["g2", "x2"], Ties(ties));
        string at = $"{dataset}/{ties}";

        Assert.Equal(CoxStatus.Converged, fit.Status);
        Assert.Equal(["g2", "x2"], fit.Coefficients.Select(c => c.Name));
        for (int j = 0; j < 2; j++)
        {
            var c = fit.Coefficients[j];
            Assert.Equal(e[j]["term"], c.Name);
            Close(Num(e[j]["coef"]), c.Estimate, AtMaximum, $"{at} {c.Name} coef");
            Close(Num(e[j]["se"]), c.StdErr, AtMaximum, $"{at} {c.Name} se");
            Close(Num(e[j]["p"]), c.PValue, AtMaximum, $"{at} {c.Name} p");
            Close(Num(e[j]["lower"]), c.Lower, AtMaximum, $"{at} {c.Name} lower");
            Close(Num(e[j]["upper"]), c.Upper, AtMaximum, $"{at} {c.Name} upper");
        }
        Close(Num(e[0]["cov12"]), fit.Covariance[0][1], AtMaximum, $"{at} cov12");
        Assert.Equal(fit.Covariance[0][1], fit.Covariance[1][0]);
        Close(Num(e[0]["loglik0"]), fit.LogLikelihoodNull, Rounding, $"{at} loglik0");
        Close(Num(e[0]["score"]), fit.Score.Statistic, Rounding, $"{at} score");
        Close(Num(e[0]["lr"]), fit.LikelihoodRatio.Statistic, AtMaximum, $"{at} LR");
        Close(Num(e[0]["lr_p"]), fit.LikelihoodRatio.PValue, AtMaximum, $"{at} LR p");
        Close(Num(e[0]["wald"]), fit.Wald.Statistic, AtMaximum, $"{at} Wald");
        Assert.Equal(2, fit.Wald.DegreesOfFreedom);
    }

    [Fact]
    public void Without_tied_deaths_Efron_equals_Breslow_and_the_score_test_is_the_log_rank()
    {
        // "five" has no tied deaths (a censoring ties a death at t = 3): both likelihoods are the same, and the score
        // test at beta = 0 is the log-rank chi-square (with tied deaths their variances differ by (n - d)/(n - 1)).
        var (g1, g2) = (Subset("five", "g1"), Subset("five", "g2"));
        var efron = CoxPh.FitGroups(g1, g2, CoxTies.Efron);
        var breslow = CoxPh.FitGroups(g1, g2, CoxTies.Breslow);
        Assert.Equal(efron.Coefficients[0].Estimate, breslow.Coefficients[0].Estimate, 12);
        Assert.Equal(LogRank.Test(g1, g2).ChiSquare, breslow.Score.Statistic, 12);
    }

    [Fact]
    public void Swapping_groups_inverts_the_hazard_ratio()
    {
        var (g1, g2) = (Subset("aml", "g1"), Subset("aml", "g2"));
        var a = CoxPh.FitGroups(g1, g2).Coefficients[0];
        var b = CoxPh.FitGroups(g2, g1).Coefficients[0];
        Assert.Equal(-a.Estimate, b.Estimate, 10);
        Assert.Equal(1 / a.Upper, b.Lower, 10);
    }

    public static TheoryData<string, string> NotEstimableFits()
    {
        var data = new TheoryData<string, string>();
        foreach (var r in Rows("coxph_not_estimable.tsv")) data.Add(r["dataset"], r["ties"]);
        return data;
    }

    private static IReadOnlyList<SurvivalTime> Group(IReadOnlyDictionary<string, string> row, int group) =>
        row["times"].Split('|')[group].Split(',').Zip(row["status"].Split('|')[group].Split(','))
            .Select(p => new SurvivalTime(Num(p.First), p.Second == "1")).ToArray();

    [Theory]
    [MemberData(nameof(NotEstimableFits))]
    public void A_hazard_ratio_with_every_death_while_one_group_is_at_risk_is_not_estimable_as_in_R(string dataset, string ties)
    {
        // R (Golden/survival/make_golden_not_estimable.R): coxph(Surv(time, status) ~ g2, ties = ties); coef NA, both
        // log-likelihoods at beta = 0, logtest and sctest 0 on 0 df. The boundary set (group 1 censored AT the first
        // death time, hence at risk then) is estimable: R's large coef is our infinite one.
        var e = Rows("coxph_not_estimable.tsv").Single(r => r["dataset"] == dataset && r["ties"] == ties);
        var fit = CoxPh.FitGroups(Group(e, 0), Group(e, 1), Ties(ties));
        string at = $"{dataset}/{ties}";
        Close(Num(e["loglik0"]), fit.LogLikelihoodNull, Rounding, $"{at} loglik0");
        var c = Assert.Single(fit.Coefficients);
        if (e["coef"] != "NA")
        {
            Assert.Equal(CoxStatus.InfiniteCoefficient, fit.Status);
            Assert.Equal(double.PositiveInfinity, c.HazardRatio);
            Close(Num(e["score"]), fit.Score.Statistic, Rounding, $"{at} score");
            return;
        }
        Assert.Equal(CoxStatus.NotEstimable, fit.Status);
        Close(Num(e["loglik"]), fit.LogLikelihood, Rounding, $"{at} loglik");
        Assert.True(double.IsNaN(c.Estimate) && double.IsNaN(c.StdErr) && double.IsNaN(c.HazardRatio) && double.IsNaN(c.Lower) && double.IsNaN(c.Upper)
                    && double.IsNaN(c.PValue) && double.IsNaN(fit.Wald.Statistic), $"{at}: {c}");
        Assert.Equal((Num(e["lr"]), int.Parse(e["lr_df"]), 1.0), (fit.LikelihoodRatio.Statistic, fit.LikelihoodRatio.DegreesOfFreedom, fit.LikelihoodRatio.PValue));
        Assert.Equal((Num(e["score"]), int.Parse(e["score_df"]), 1.0), (fit.Score.Statistic, fit.Score.DegreesOfFreedom, fit.Score.PValue));
        Assert.Equal((Group(e, 0).Count + Group(e, 1).Count, Group(e, 0).Count(s => s.Event) + Group(e, 1).Count(s => s.Event)), (fit.Subjects, fit.Events));
    }

    [Fact]
    public void A_comparison_whose_deaths_all_fall_while_one_group_is_at_risk_has_an_undefined_hazard_ratio_and_log_rank()
    {
        // Non-responders all censored (0.5, 0.8) before the responders' deaths: nothing to compare, no exception.
        var responders = new[] { new SurvivalTime(1, true), new SurvivalTime(2, true), new SurvivalTime(3, false) };
        var nonResponders = new[] { new SurvivalTime(0.5, false), new SurvivalTime(0.8, false) };
        var c = GroupComparison.Compare(responders, nonResponders);
        Assert.True(double.IsNaN(c.HazardRatio) && double.IsNaN(c.HazardRatioLower) && double.IsNaN(c.HazardRatioUpper));
        Assert.True(double.IsNaN(c.LogRankChiSquare) && double.IsNaN(c.LogRankP));
        Assert.Equal((2, 0), (c.EventsResponders, c.EventsNonResponders));
        Assert.Equal(1.0 / 3, c.SurvivalAtHorizonResponders, 15); // (1 - 1/3)(1 - 1/2), carried past the censoring at 3
        Assert.Equal(1.0, c.SurvivalAtHorizonNonResponders);
    }

    [Fact]
    public void Rejects_bad_input()
    {
        var some = new[] { new SurvivalTime(1, true), new SurvivalTime(2, false) };
        Assert.Contains("comparison is empty", Assert.Throws<ArgumentException>(() => CoxPh.FitGroups(some, [])).Message);
        Assert.Contains("reference[0].Time is NaN",
            Assert.Throws<ArgumentException>(() => CoxPh.FitGroups([new SurvivalTime(double.NaN, true)], some)).Message);
        Assert.Contains("no events", Assert.Throws<ArgumentException>(() =>
            CoxPh.FitGroups([new SurvivalTime(1, false)], [new SurvivalTime(2, false)])).Message);
        Assert.Contains("singular", Assert.Throws<ArgumentException>(() =>
            CoxPh.Fit(some, new double[,] { { 3 }, { 3 } })).Message);
        Assert.Contains("collinear", Assert.Throws<ArgumentException>(() =>
            CoxPh.Fit([.. some, new SurvivalTime(3, true)], new double[,] { { 1, 2 }, { 2, 4 }, { 0, 0 } })).Message);
        Assert.Contains("covariates[1, 0] is NaN", Assert.Throws<ArgumentException>(() =>
            CoxPh.Fit(some, new double[,] { { 1 }, { double.NaN } })).Message);
        Assert.Contains("rows", Assert.Throws<ArgumentException>(() => CoxPh.Fit(some, new double[3, 1])).Message);
    }
}
