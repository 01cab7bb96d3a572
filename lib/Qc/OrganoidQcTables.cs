using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Qc;

/// <summary>
/// The tables of stage 02 (organoid quality control): the schemas of organoid_qc.tsv and drug_qc.tsv, and the tables
/// the notebook displays. Columns and rows about a training drug are named by its <see cref="DrugIdentity"/>
/// (label for display, <see cref="DrugIdentity.FileLabel"/> in file columns), so a new arm adds its own.
/// </summary>
public static class OrganoidQcTables
{
    private static string F(double v, string format) => double.IsNaN(v) ? "NA" : v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>What was read: genes and organoids of the expression table; replicates, organoids and drugs of the screen.</summary>
    /// <param name="expression">Organoid expression.</param>
    /// <param name="screen">The drug screen.</param>
    public static TsvTable Inputs(ExpressionMatrix expression, DrugScreen screen) => KeyValue(
        ("genes profiled", expression.GeneCount.ToString(CultureInfo.InvariantCulture)),
        ("organoids with expression", expression.SampleCount.ToString(CultureInfo.InvariantCulture)),
        ("replicate IC50s", screen.Measurements.Count.ToString(CultureInfo.InvariantCulture)),
        ("organoids screened", screen.Organoids.Count.ToString(CultureInfo.InvariantCulture)),
        ("drugs screened", screen.Drugs.Count.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The outlier rule's numbers: range of the median r to the other organoids, Q1, Q3, the lower fence
    /// (Q1 − k IQR) and the flagged organoids with their median r.
    /// </summary>
    /// <param name="correlations">Sample correlations.</param>
    /// <param name="fence">The low Tukey fence on <see cref="SampleCorrelations.MedianToOthers"/>.</param>
    public static TsvTable OutlierRule(SampleCorrelations correlations, TukeyFence fence)
    {
        var median = correlations.MedianToOthers();
        var flagged = correlations.Samples.Where((s, i) => fence.Below[i]).Select(s => $"{s} (median r {F(median[correlations.IndexOf(s)], "0.0000")})").ToList();
        return KeyValue(("median r to the others, lowest", F(median.Min(), "0.0000")), ("Q1", F(fence.Q1, "0.0000")), ("Q3", F(fence.Q3, "0.0000")),
            ($"lower fence (Q1 - {fence.K.ToString(CultureInfo.InvariantCulture)} IQR)", F(fence.Lower, "0.0000")),
            ("median r to the others, highest", F(median.Max(), "0.0000")),
            ($"flagged ({flagged.Count})", flagged.Count == 0 ? "none" : string.Join(", ", flagged)));
    }

    /// <summary>Share of the variance explained by each principal component (%).</summary>
    /// <param name="pca">A PCA of the organoids.</param>
    public static TsvTable VarianceExplained(PcaResult pca) => TsvTable.From(pca.ExplainedVarianceRatio.Select((v, k) => (Component: k + 1, Ratio: v)).ToList(),
        ("component", x => $"PC{x.Component}"), ("variance explained (%)", x => F(100 * x.Ratio, "0.0")));

    /// <summary>Each same-patient pair's r and rank among all pairs, and a last row with the median and range over all pairs.</summary>
    /// <param name="pairs">What <see cref="SamePatientPairs.Compare"/> returns.</param>
    /// <param name="correlations">Sample correlations (for the all-pairs row).</param>
    public static TsvTable SamePatient(IReadOnlyList<SamePatientPair> pairs, SampleCorrelations correlations)
    {
        var all = correlations.Pairs().Select(p => p.R).ToList();
        var rows = pairs.Select(p => new[] { p.Patient, $"{p.A} / {p.B}", F(p.R, "0.0000"), $"{p.RankAmongAll} of {p.OtherPairs + 1}",
                $"{p.OtherPairsAtLeastAsHigh} ({F(100 * p.FractionOfOthersAtLeastAsHigh, "0.0")}%)" })
            .Append(["(all pairs)", $"{all.Count} pairs", $"median {F(Common.Statistics.Median(all), "0.0000")} (range {F(all.Min(), "0.0000")} to {F(all.Max(), "0.0000")})", "", ""]);
        return new TsvTable(["patient", "pair", "r", "rank among all pairs", "other pairs with r >= this"], rows.Select(r => (IReadOnlyList<string>)r).ToArray());
    }

    /// <summary>
    /// Replicate agreement over every drug with at least <see cref="ReplicateAgreement.MinimumPairs"/> pairs: Lin's CCC and
    /// Pearson r (medians, range, how many CCC &lt; 0.5), and the order check (median over drugs of mean(rep 2 − rep 1),
    /// and how many drugs have a negative mean shift: a hidden ranking in the published row order would make it lopsided).
    /// </summary>
    /// <param name="agreement">What <see cref="ReplicateAgreement.ForAllDrugs"/> returns.</param>
    public static TsvTable ReplicateSummary(IReadOnlyList<DrugReplicateAgreement> agreement)
    {
        var reported = agreement.Where(a => !double.IsNaN(a.Concordance)).ToList();
        var ccc = reported.Select(a => a.Concordance).ToList();
        var shifts = reported.Select(a => a.MeanDifference).ToList();
        return KeyValue(
            ($"drugs with >= {ReplicateAgreement.MinimumPairs} replicate pairs", $"{reported.Count} of {agreement.Count}"),
            ("Lin's CCC, median (range)", $"{F(Common.Statistics.Median(ccc), "0.000")} ({F(ccc.Min(), "0.000")} to {F(ccc.Max(), "0.000")})"),
            ("Pearson r, median", F(Common.Statistics.Median(reported.Select(a => a.Pearson).ToList()), "0.000")),
            ("drugs with CCC < 0.5", reported.Count(a => a.Concordance < 0.5).ToString(CultureInfo.InvariantCulture)),
            ("order check: median of mean(rep 2 - rep 1), ln uM", F(Common.Statistics.Median(shifts), "0.000")),
            ("order check: drugs with a negative mean shift", $"{shifts.Count(v => v < 0)} of {shifts.Count}"));
    }

    /// <summary>Replicate agreement of the training drugs, with each one's CCC rank among the drugs reported.</summary>
    /// <param name="agreement">Every drug's agreement.</param>
    /// <param name="drugs">The training drugs.</param>
    public static TsvTable TrainingReplicates(IReadOnlyList<DrugReplicateAgreement> agreement, IReadOnlyList<DrugIdentity> drugs)
    {
        var reported = agreement.Where(a => !double.IsNaN(a.Concordance)).ToList();
        return TsvTable.From(drugs.Select(d => agreement.Single(a => string.Equals(a.Drug, d.ScreenName, StringComparison.OrdinalIgnoreCase))),
            ("drug", a => a.Drug), ("organoids", a => a.Organoids), ("pairs", a => a.Pairs),
            ("Pearson r", a => F(a.Pearson, "0.000")), ("Lin's CCC", a => F(a.Concordance, "0.000")),
            ("mean(rep 2 - rep 1), ln uM", a => F(a.MeanDifference, "0.000")),
            ("CCC rank (1 = best)", a => $"{reported.Count(b => b.Concordance > a.Concordance) + 1} of {reported.Count}"));
    }

    /// <summary>
    /// IC50s outside the tested range over every drug, for the stated dilution range and each alternative (the
    /// sensitivity of the 'below' count to the assumption; 'above' does not depend on it).
    /// </summary>
    /// <param name="screen">The drug screen.</param>
    /// <param name="dilutionRange">The run's dilution range (≥ 1).</param>
    /// <param name="alternatives">Other ranges to show, e.g. 64 and 1000.</param>
    public static TsvTable OutOfRangeSummary(DrugScreen screen, double dilutionRange, IReadOnlyList<double> alternatives) =>
        TsvTable.From(alternatives.Prepend(dilutionRange).Select(r => (Range: r, Counts: OutOfRange.ForAllDrugs(screen, r))).ToList(),
            ("dilution range", x => x.Range == dilutionRange ? $"{F(x.Range, "0")} (this run)" : $"{F(x.Range, "0")} (sensitivity)"),
            ("replicate IC50s", x => x.Counts.Sum(c => c.Replicates)),
            ("above the highest tested", x => x.Counts.Sum(c => c.ReplicatesAbove)),
            ("above (%)", x => F(100.0 * x.Counts.Sum(c => c.ReplicatesAbove) / x.Counts.Sum(c => c.Replicates), "0.0")),
            ("below the lowest", x => x.Counts.Sum(c => c.ReplicatesBelow)),
            ("drugs with every replicate above", x => x.Counts.Count(c => c.ReplicatesAbove == c.Replicates)));

    /// <summary>The out-of-range counts of the training drugs (replicates and organoid medians).</summary>
    /// <param name="ranges">What <see cref="OutOfRange.ForAllDrugs"/> returns.</param>
    /// <param name="drugs">The training drugs.</param>
    public static TsvTable TrainingRanges(IReadOnlyList<DrugRangeCounts> ranges, IReadOnlyList<DrugIdentity> drugs) =>
        TsvTable.From(drugs.Select(d => ranges.Single(r => string.Equals(r.Drug, d.ScreenName, StringComparison.OrdinalIgnoreCase))),
            ("drug", r => r.Drug), ("max conc (uM)", r => r.MaxConcentration), ("replicates", r => r.Replicates), ("above range", r => r.ReplicatesAbove),
            ("below range", r => r.ReplicatesBelow), ("organoids", r => r.Organoids), ("medians above", r => r.MediansAbove), ("medians below", r => r.MediansBelow));

    /// <summary>
    /// The schema of organoid_qc.tsv: organoid, same_patient_as, n_genes, median_corr, outlier, n_drugs, then
    /// in_{drug}_training for every training drug, then {drug}_median_ln_ic50, {drug}_replicates, {drug}_median_position
    /// for each, then reason ({drug} = <see cref="DrugIdentity.FileLabel"/>, e.g. 5fu).
    /// </summary>
    /// <param name="verdicts">What <see cref="OrganoidVerdicts.Build"/> returns for these training drugs.</param>
    /// <param name="drugs">The training drugs, in column order.</param>
    public static TsvTable OrganoidQc(IReadOnlyList<OrganoidVerdict> verdicts, IReadOnlyList<DrugIdentity> drugs)
    {
        var columns = new List<(string Column, Func<OrganoidVerdict, object?> Value)>
        {
            ("organoid", v => v.Organoid), ("same_patient_as", v => v.SamePatientAs), ("n_genes", v => v.Genes), ("median_corr", v => v.MedianCorrelation),
            ("outlier", v => v.Outlier), ("n_drugs", v => v.Drugs),
        };
        columns.AddRange(drugs.Select(d => ($"in_{d.FileLabel}_training", (Func<OrganoidVerdict, object?>)(v => v.For(d.ScreenName).Included))));
        foreach (var d in drugs)
        {
            columns.Add(($"{d.FileLabel}_median_ln_ic50", v => v.For(d.ScreenName).MedianLnIc50));
            columns.Add(($"{d.FileLabel}_replicates", v => v.For(d.ScreenName).Replicates));
            columns.Add(($"{d.FileLabel}_median_position", v => v.For(d.ScreenName).MedianPosition));
        }
        columns.Add(("reason", v => v.Reason));
        return TsvTable.From(verdicts, columns.ToArray());
    }

    /// <summary>The verdict per organoid for display: pair, median r, outlier flag, drugs screened, and per training drug in/out and median ln IC50.</summary>
    /// <param name="verdicts">The verdicts.</param>
    /// <param name="drugs">The training drugs.</param>
    public static TsvTable Verdicts(IReadOnlyList<OrganoidVerdict> verdicts, IReadOnlyList<DrugIdentity> drugs)
    {
        var columns = new List<(string Column, Func<OrganoidVerdict, object?> Value)>
        {
            ("organoid", v => v.Organoid), ("pair", v => v.SamePatientAs), ("median r", v => double.IsNaN(v.MedianCorrelation) ? "" : F(v.MedianCorrelation, "0.0000")),
            ("outlier", v => v.Outlier ? "flagged" : ""), ("drugs", v => v.Drugs),
        };
        foreach (var d in drugs)
        {
            columns.Add((d.Label, v => v.For(d.ScreenName).Included ? "in" : "out"));
            columns.Add(($"{d.Label} ln IC50", v => v.For(d.ScreenName).MedianLnIc50 is double x ? F(x, "0.00") : ""));
        }
        columns.Add(("reason", v => v.Reason));
        return TsvTable.From(verdicts, columns.ToArray());
    }

    /// <summary>
    /// The schema of drug_qc.tsv: per drug, replicate agreement (Pearson, Lin's CCC, mean shift) beside the tested-range
    /// counts. Both lists are in ordinal drug order (as their ForAllDrugs return them).
    /// </summary>
    /// <param name="agreement">What <see cref="ReplicateAgreement.ForAllDrugs"/> returns.</param>
    /// <param name="ranges">What <see cref="OutOfRange.ForAllDrugs"/> returns.</param>
    /// <exception cref="ArgumentException">The two lists are not aligned drug by drug.</exception>
    public static TsvTable DrugQc(IReadOnlyList<DrugReplicateAgreement> agreement, IReadOnlyList<DrugRangeCounts> ranges)
    {
        if (agreement.Count != ranges.Count || agreement.Zip(ranges).Any(x => x.First.Drug != x.Second.Drug))
            throw new ArgumentException("agreement and range tables are not aligned by drug");
        return TsvTable.From(agreement.Zip(ranges),
            ("drug", x => x.First.Drug), ("organoids", x => x.First.Organoids), ("replicate_pairs", x => x.First.Pairs),
            ("pearson_rep1_rep2", x => x.First.Pearson), ("lin_ccc_rep1_rep2", x => x.First.Concordance), ("mean_diff_rep2_minus_rep1", x => x.First.MeanDifference),
            ("max_conc_um", x => x.Second.MaxConcentration), ("replicates", x => x.Second.Replicates), ("replicates_above_range", x => x.Second.ReplicatesAbove),
            ("replicates_below_range", x => x.Second.ReplicatesBelow), ("medians_above_range", x => x.Second.MediansAbove), ("medians_below_range", x => x.Second.MediansBelow));
    }

    /// <summary>
    /// The stage's findings: organoids (with expression, screened), expression outliers (kept), same-patient pairs, and
    /// each arm's training set on this collection against the paper's n where it gives one.
    /// </summary>
    /// <param name="verdicts">The verdicts.</param>
    /// <param name="pairs">The same-patient pairs.</param>
    /// <param name="training">The arms trained on this collection (<see cref="StudyQueries.TrainingArms"/>).</param>
    public static TsvTable Summary(IReadOnlyList<OrganoidVerdict> verdicts, IReadOnlyList<SamePatientPair> pairs, IReadOnlyList<ArmTraining> training)
    {
        var outliers = verdicts.Where(v => v.Outlier).Select(v => v.Organoid).ToList();
        var rows = new List<(string, string)>
        {
            ("organoids", $"{verdicts.Count} ({verdicts.Count(v => v.Genes > 0)} with expression, {verdicts.Count(v => v.Drugs > 0)} screened)"),
            ("expression outliers flagged (kept)", outliers.Count == 0 ? "none" : string.Join(", ", outliers)),
            ("same-patient pairs", string.Join("; ", pairs.Select(p => $"{p.A}/{p.B} r = {F(p.R, "0.0000")}, rank {p.RankAmongAll} of {p.OtherPairs + 1}"))),
        };
        foreach (var t in training)
        {
            int n = verdicts.Count(v => v.For(t.Arm.Drug.ScreenName).Included);
            rows.Add(($"training set, {t.Arm.Drug.Label} ({t.Cohort})", $"{n} organoids" + (t.Training.PaperN is int p ? $" (paper {p})" : "") +
                (t.Training.Substitute is string s ? $"; substitute: {s}" : "")));
        }
        return KeyValue(rows.ToArray());
    }

    private static TsvTable KeyValue(params (string What, string Value)[] rows) =>
        new(["quantity", "value"], rows.Select(r => (IReadOnlyList<string>)new[] { r.What, r.Value }).ToArray());
}
