using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// Patients split by a biomarker score: score = sum over the top-k biomarkers of coefficient x standardised pathway
/// score (no intercept, as the authors); predicted responders have score &lt;= the median score of the split patients
/// (the model predicts ln IC50, so a low score means a sensitive tumour).
/// </summary>
public sealed record PatientSplit(
    IReadOnlyList<string> Patients,
    IReadOnlyList<double> Scores,
    double Median,
    IReadOnlyList<bool> Responder,
    IReadOnlyList<RankedBiomarker> Biomarkers,
    IReadOnlyList<string> UnscoredBiomarkers)
{
    public IEnumerable<string> Responders => Patients.Where((_, i) => Responder[i]);
    public IEnumerable<string> NonResponders => Patients.Where((_, i) => !Responder[i]);
}

public static class ResponderSplit
{
    /// <summary>
    /// Standardises every pathway across <paramref name="reference"/> patients (population sd, the authors'
    /// StandardScaler fitted on all patients of the expression source that have survival), returning z-scores for all samples.
    /// </summary>
    public static PathwayScores Standardize(PathwayScores scores, IReadOnlyList<string> reference)
    {
        var x = scores.Features(scores.Pathways, reference);
        var scaler = Standardizer.Fit(x);
        var all = scores.Features(scores.Pathways, scores.Samples);
        var z = scaler.Transform(all);
        var v = new double[scores.Pathways.Count, scores.Samples.Count];
        for (int p = 0; p < scores.Pathways.Count; p++)
            for (int s = 0; s < scores.Samples.Count; s++) v[p, s] = z[s, p];
        return new PathwayScores(scores.Pathways, scores.Samples, v);
    }

    /// <summary>
    /// Scores and splits <paramref name="patients"/> with the top <paramref name="k"/> biomarkers of <paramref name="ranked"/>
    /// that the source scores. Biomarkers the source could not score (too few measured genes) are skipped and listed,
    /// so "top k" means the k best-ranked scorable ones.
    /// </summary>
    public static PatientSplit Split(IReadOnlyList<RankedBiomarker> ranked, int k, PathwayScores standardized, IReadOnlyList<string> patients)
    {
        if (k < 1) throw new ArgumentException($"k must be at least 1, got {k}");
        if (patients.Count < 2) throw new ArgumentException($"a split needs at least 2 patients, got {patients.Count}");
        var usable = new List<RankedBiomarker>();
        var unscored = new List<string>();
        foreach (var b in ranked.OrderBy(b => b.Rank))
        {
            if (usable.Count == k) break;
            if (standardized.PathwayIndex(b.Name) >= 0) usable.Add(b); else unscored.Add(b.Name);
        }
        if (usable.Count == 0) throw new ArgumentException($"none of the {ranked.Count} biomarkers is scored in this source");
        var z = standardized.Features(usable.Select(b => b.Name).ToList(), patients);
        var scores = new double[patients.Count];
        for (int i = 0; i < patients.Count; i++)
        {
            double s = 0;
            for (int j = 0; j < usable.Count; j++) s += usable[j].Coefficient * z[i, j];
            scores[i] = s;
        }
        double median = Common.Statistics.Median(scores);
        return new PatientSplit(patients.ToArray(), scores, median, scores.Select(s => s <= median).ToArray(), usable, unscored);
    }
}
