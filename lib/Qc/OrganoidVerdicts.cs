using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;

namespace OrganoidBiomarkers.Qc;

/// <summary>
/// An organoid's place in one drug's training set. Included follows the paper's rule: an expression profile and at
/// least one IC50 replicate for the drug (the response is the median ln IC50 over replicates); QC flags do not exclude.
/// </summary>
/// <param name="Drug">The drug's screen name (as the screen spells it, e.g. "5-Fluorouracil").</param>
/// <param name="Included">True when the organoid has an expression profile and at least one IC50 replicate for the drug.</param>
/// <param name="MedianLnIc50">Median ln IC50 (ln uM) over the replicates, or null when not screened with the drug.</param>
/// <param name="Replicates">IC50 replicates for the drug (0 when not screened).</param>
/// <param name="MedianPosition">Where the median IC50 lies against the tested range, or null when not screened.</param>
public sealed record TrainingStatus(string Drug, bool Included, double? MedianLnIc50, int Replicates, RangePosition? MedianPosition);

/// <summary>
/// One organoid's QC verdict. Genes is the number of genes profiled (0 without expression); MedianCorrelation (NaN
/// without expression) and Outlier come from the expression QC; Drugs is the number of drugs screened.
/// </summary>
/// <param name="Organoid">Organoid ID, e.g. "P19A".</param>
/// <param name="SamePatientAs">The other line(s) of the same patient joined by "+", or null.</param>
/// <param name="Genes">Genes profiled, or 0 without expression.</param>
/// <param name="MedianCorrelation">Median Pearson r to the other organoids' profiles, NaN without expression.</param>
/// <param name="Outlier">True when the median r lies strictly below the low Tukey fence (flagged, kept).</param>
/// <param name="Drugs">Distinct drugs the organoid was screened with (0 when not screened).</param>
/// <param name="Training">One status per training drug, in the order the drugs were given.</param>
/// <param name="Reason">Why the organoid is in or out of each training set, in words.</param>
public sealed record OrganoidVerdict(string Organoid, string? SamePatientAs, int Genes, double MedianCorrelation, bool Outlier,
    int Drugs, IReadOnlyList<TrainingStatus> Training, string Reason)
{
    /// <summary>The organoid's status for one training drug.</summary>
    /// <param name="drug">The drug's screen name (case-insensitive).</param>
    /// <exception cref="ArgumentException">The drug is not one of the training drugs.</exception>
    public TrainingStatus For(string drug) =>
        Training.FirstOrDefault(t => string.Equals(t.Drug, drug, StringComparison.OrdinalIgnoreCase)) ?? throw new ArgumentException($"no training status for drug '{drug}'");
}

/// <summary>Builds the per-organoid verdict table from the expression QC and the drug screen.</summary>
public static class OrganoidVerdicts
{
    /// <summary>
    /// One verdict per organoid that has expression or a screen entry (natural ID order). <paramref name="outliers"/>
    /// flags align with <paramref name="correlations"/>.Samples. The reason says why an organoid is in or out of each
    /// training set; an expression outlier is reported and kept, as the paper excluded none.
    /// </summary>
    /// <param name="expression">Organoid expression (genes x organoids).</param>
    /// <param name="correlations">Sample correlations of <paramref name="expression"/> (same samples, same order).</param>
    /// <param name="outliers">The low Tukey fence on <see cref="SampleCorrelations.MedianToOthers"/>, one flag per sample.</param>
    /// <param name="screen">The drug screen.</param>
    /// <param name="trainingDrugs">At least one drug (screen name, case-insensitive, or Drug_ID), each with one maximum concentration.</param>
    /// <param name="dilutionRange">Ratio of the highest to the lowest tested concentration, >= 1 (<see cref="TestedRange.AssumedDilutionRange"/>).</param>
    /// <exception cref="ArgumentException">The correlations or flags do not belong to <paramref name="expression"/>, no training
    /// drug is given, or a training drug has several maximum concentrations.</exception>
    public static IReadOnlyList<OrganoidVerdict> Build(ExpressionMatrix expression, SampleCorrelations correlations, TukeyFence outliers,
        DrugScreen screen, IReadOnlyList<string> trainingDrugs, double dilutionRange)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(correlations);
        ArgumentNullException.ThrowIfNull(outliers);
        ArgumentNullException.ThrowIfNull(screen);
        if (outliers.Below.Count != correlations.Count)
            throw new ArgumentException($"{outliers.Below.Count} outlier flags for {correlations.Count} samples");
        if (!expression.Samples.SequenceEqual(correlations.Samples))
            throw new ArgumentException("the correlations were not computed on this expression matrix (sample lists differ)");
        if (trainingDrugs.Count == 0) throw new ArgumentException("no training drugs given");

        var median = correlations.MedianToOthers();
        var responses = trainingDrugs.Select(d => (Drug: d, Medians: screen.MedianIc50(d).ToDictionary(r => r.Organoid, StringComparer.Ordinal),
            Range: new TestedRange(SingleMaximum(screen, d), dilutionRange))).ToList();
        var drugsPerOrganoid = screen.Measurements.GroupBy(m => m.Organoid, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.DrugId).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        var organoids = expression.Samples.Concat(screen.Organoids).Distinct(StringComparer.Ordinal).Order(OrganoidOrder.Natural).ToList();
        var partner = SamePatientPairs.Find(organoids).SelectMany(p => new[] { (p.A, p.B), (p.B, p.A) })
            .GroupBy(p => p.Item1, StringComparer.Ordinal).ToDictionary(g => g.Key, g => string.Join("+", g.Select(p => p.Item2).Order(StringComparer.Ordinal)), StringComparer.Ordinal);

        var verdicts = new List<OrganoidVerdict>(organoids.Count);
        foreach (var o in organoids)
        {
            int s = expression.SampleIndex(o);
            bool hasExpression = s >= 0;
            int drugs = drugsPerOrganoid.TryGetValue(o, out var nd) ? nd : 0;
            bool outlier = hasExpression && outliers.Below[s];
            var training = responses.Select(r =>
            {
                bool screened = r.Medians.TryGetValue(o, out var resp);
                return new TrainingStatus(resp?.DrugName ?? r.Drug, hasExpression && screened, resp?.MedianLnIc50, resp?.Replicates ?? 0,
                    screened ? r.Range.Classify(resp!.MedianLnIc50) : null);
            }).ToList();
            verdicts.Add(new OrganoidVerdict(o, partner.GetValueOrDefault(o), hasExpression ? expression.GeneCount : 0,
                hasExpression ? median[s] : double.NaN, outlier, drugs, training, Reason(hasExpression, drugs, outlier, training)));
        }
        return verdicts;
    }

    private static string Reason(bool hasExpression, int drugs, bool outlier, IReadOnlyList<TrainingStatus> training)
    {
        var parts = new List<string>();
        if (!hasExpression) parts.Add("no expression profile: excluded from every training set");
        else if (drugs == 0) parts.Add("not in the drug screen (expression only): no response to train on");
        else
        {
            var inSets = training.Where(t => t.Included).Select(t => t.Drug).ToList();
            var notScreened = training.Where(t => !t.Included).Select(t => t.Drug).ToList();
            if (inSets.Count > 0) parts.Add($"expression + response: in the {string.Join(" and ", inSets)} training set{(inSets.Count > 1 ? "s" : "")}");
            if (notScreened.Count > 0) parts.Add($"not screened with {string.Join(" or ", notScreened)}");
        }
        if (outlier) parts.Add("expression outlier flagged, kept (the paper excluded no organoid)");
        return string.Join("; ", parts);
    }

    private static double SingleMaximum(DrugScreen screen, string drug)
    {
        var maxima = screen.ForDrug(drug).Select(m => m.MaxConcentration).Distinct().ToList();
        return maxima.Count == 1 ? maxima[0] : throw new ArgumentException($"drug '{drug}' has {maxima.Count} maximum concentrations");
    }
}
