using OrganoidBiomarkers.Reporting;
using Xunit;

namespace OrganoidBiomarkers.Tests.Reporting;

/// <summary>The verdict on the fixture world (see <see cref="ReportFixture"/>): claims in the paper's order, statuses, reasons, robustness, Kaplan-Meier cards.</summary>
public class VerdictTests
{
    private static readonly VerdictSection V = Build();

    private static VerdictSection Build()
    {
        var run = ReportFixture.Run();
        return Verdict.Build(run, ParityTable.Rows(run));
    }

    private static VerdictRow Row(string group, string arm) => V.Rows.Single(r => r.Group == group && r.Arm == arm);

    [Fact]
    public void Claims_come_in_the_papers_order_for_every_arm_of_the_study()
    {
        Assert.Equal(
            [Verdict.OrganoidsAndCohorts, Verdict.OrganoidsAndCohorts, Verdict.OrganoidsAndCohorts, Verdict.OrganoidsAndCohorts,
             Verdict.ProximalPathways, Verdict.ProximalPathways, Verdict.TopBiomarker, Verdict.TopBiomarker,
             Verdict.PatientSplit, Verdict.PatientSplit, Verdict.NegativeControl, Verdict.NegativeControl],
            V.Rows.Select(r => r.Group));
        Assert.Equal(["Drug X", "Drug X", "Drug Y", "Drug Y"], V.Rows.Take(4).Select(r => r.Arm));
        Assert.Equal("12 claims of Fixture study checked on the data available here: 6 match · 3 differ · 3 not computable here", V.Lead);
    }

    [Fact]
    public void Organoids_and_cohorts_carry_the_papers_numbers_and_the_reason_for_each_difference()
    {
        var organoids = V.Rows[0];
        Assert.Equal(("5", "", "5", VerdictStatus.Match), (organoids.Paper, organoids.Authors, organoids.Ours, organoids.Status));
        Assert.Equal(("10", "10 (3 deaths)", VerdictStatus.Match), (V.Rows[1].Paper, V.Rows[1].Ours, V.Rows[1].Status));
        Assert.Equal((VerdictStatus.NotComputableHere, "bladder organoid expression not available"), (V.Rows[2].Status, V.Rows[2].Reason));
        Assert.Equal((VerdictStatus.Differs, "no BLCA expression-file list to filter by"), (V.Rows[3].Status, V.Rows[3].Reason));
    }

    [Fact]
    public void Proximal_pathways_and_top_biomarkers_say_how_robust_they_are()
    {
        var proximal = Row(Verdict.ProximalPathways, "Drug X");
        Assert.Equal(("3", "3", VerdictStatus.Match, "stand-ins: 2 (string)"), (proximal.Authors, proximal.Ours, proximal.Status, proximal.Robustness));
        var top = Row(Verdict.TopBiomarker, "Drug X");
        Assert.Equal(("P A", "P A", VerdictStatus.Match), (top.Authors, top.Ours, top.Status));
        Assert.Equal("same in 2 of 2 models; authors' top-3 lists: 2 of 2 match", top.Reason);
        Assert.Equal("AUC refit: same top and sign", top.Robustness);
        var substitute = Row(Verdict.TopBiomarker, "Drug Y");
        Assert.Equal((VerdictStatus.NotComputableHere, "trained on CRC organoids: bladder organoid expression not available", "AUC refit: top is P F"),
            (substitute.Status, substitute.Reason, substitute.Robustness));
    }

    [Fact]
    public void The_patient_split_compares_with_the_authors_figure_and_reports_permutation_and_bootstrap()
    {
        var split = Row(Verdict.PatientSplit, "Drug X");
        // n_nonresponders is 4 here, 5 in the authors' figure: the claim differs although p and 5-year survival agree at the figure's precision.
        Assert.Equal(VerdictStatus.Differs, split.Status);
        Assert.Equal(("responders live longer", "p 0.0144 · 5-y 1.000/0.531", "p 0.014 · 5-y 1.00/0.53 · HR 3.5"), (split.Paper, split.Authors, split.Ours));
        Assert.Equal("8 of 10 scored (xena_coadread stand-in)", split.Reason);
        Assert.Equal("permutation p 0.030 · bootstrap HR 0.52–∞ · p < 0.05 for 1 of k = 1..3", split.Robustness);
        var other = Row(Verdict.PatientSplit, "Drug Y");
        Assert.Equal((VerdictStatus.NotComputableHere, ""), (other.Status, other.Authors));
        Assert.Equal("CRC-trained model; 6 of 8 scored (xena_blca stand-in); rank 1 unscored, rank 2 used", other.Reason);
    }

    [Fact]
    public void The_negative_control_differs_when_the_untreated_split_separates()
    {
        var x = Row(Verdict.NegativeControl, "Drug X");
        Assert.Equal(("no separation", "p 0.010 · HR 0.30", VerdictStatus.Differs), (x.Paper, x.Ours, x.Status));
        Assert.Equal("separates the untreated: predicted responders die sooner", x.Reason);
        Assert.Equal("HR CI 0.10–0.80 (Wald) · n 15", x.Robustness);
        var y = Row(Verdict.NegativeControl, "Drug Y");
        Assert.Equal((VerdictStatus.Match, "no separation among the untreated; CRC-trained model"), (y.Status, y.Reason));
    }

    [Fact]
    public void Each_arm_has_a_kaplan_meier_card_with_the_authors_numbers_beside_ours()
    {
        Assert.Equal(2, V.Cards.Count);
        var x = V.Cards[0];
        Assert.Equal("05_km_fu_main", x.FigureName);
        Assert.NotNull(x.Png);
        Assert.Equal("", x.Note);
        Assert.Equal(new KaplanMeierNumbers("authors' figure (Ridge)", "5 / 5", "0 / 3", "0.0144", "1.000 / 0.531", "not shown"), x.Numbers[0]);
        Assert.Equal(new KaplanMeierNumbers("ours (xena_coadread)", "4 / 4", "3 (both groups)", "0.014", "1.00 / 0.53", "3.5 (1.2–10)"), x.Numbers[1]);
        var y = V.Cards[1];
        Assert.Null(y.Png);
        Assert.Single(y.Numbers);
        Assert.Equal("no output of the authors' code exists for this arm", y.Note);
    }

    [Theory]
    [InlineData("0.4824751585355598", "0.48")]
    [InlineData("0.019138102418589015", "0.019")]
    [InlineData("0.0014", "0.0014")]
    [InlineData("0.0004", "<0.001")]
    [InlineData("NA", "NA")]
    public void P_values_are_shown_with_two_significant_digits(string p, string shown) => Assert.Equal(shown, Verdict.P(p));

    [Theory]
    [InlineData("Infinity", "∞")]
    [InlineData("1.8211151173608369", "1.8")]
    [InlineData("0.27607699986195455", "0.28")]
    [InlineData("9.94847267383001", "9.9")]
    [InlineData("11.2", "11")]
    public void Hazard_ratios_are_shown_with_two_significant_digits(string hr, string shown) => Assert.Equal(shown, Verdict.G2(hr));
}
