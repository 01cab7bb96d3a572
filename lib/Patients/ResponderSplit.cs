using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// Patients split by a biomarker score: score = sum over the top-k biomarkers of coefficient x standardised pathway
/// score (no intercept, as the authors); predicted responders have score &lt;= the median score of the split patients
/// (the model predicts ln IC50, so a low score means a sensitive tumour).
/// </summary>
/// <param name="Patients">The split patients, in the order given (units keep them in ordinal order).</param>
/// <param name="Scores">Each patient's score: sum of coefficient x standardised score over <paramref name="Biomarkers"/>.</param>
/// <param name="Median">The median of <paramref name="Scores"/> (<see cref="ResponderSplit.Cut"/>).</param>
/// <param name="Responder">True for predicted responders (<see cref="ResponderSplit.IsResponder"/>).</param>
/// <param name="Biomarkers">The biomarkers used: the top k the source scores, in rank order.</param>
/// <param name="UnscoredBiomarkers">Better-ranked biomarkers the source could not score (skipped).</param>
public sealed record PatientSplit(
    IReadOnlyList<string> Patients,
    IReadOnlyList<double> Scores,
    double Median,
    IReadOnlyList<bool> Responder,
    IReadOnlyList<RankedBiomarker> Biomarkers,
    IReadOnlyList<string> UnscoredBiomarkers)
{
    /// <summary>The predicted responders, in patient order.</summary>
    public IEnumerable<string> Responders => Patients.Where((_, i) => Responder[i]);

    /// <summary>The predicted non-responders, in patient order.</summary>
    public IEnumerable<string> NonResponders => Patients.Where((_, i) => !Responder[i]);
}

/// <summary>
/// The paper's responder split (Kong et al. 2020, Methods "Validation in patients"; the authors' lifelines notebooks):
/// standardise pathway scores across reference patients, score each patient with the model's top-k biomarkers, call
/// the patients at or below the median score predicted responders. <see cref="Cut"/> and <see cref="IsResponder"/> are
/// the one definition of the rule: every path that splits patients (<see cref="Split"/>, the random-set fast path of
/// <see cref="RandomSetBaseline"/>, the re-split of <see cref="RobustnessBootstrap"/>) calls them.
/// </summary>
public static class ResponderSplit
{
    /// <summary>
    /// The cut of a split: the median of the split patients' scores (numpy's median: the mean of the two middle values
    /// for an even count; <see cref="Statistics.Median"/>). Scores must be non-empty.
    /// </summary>
    /// <param name="scores">The split patients' scores, at least one.</param>
    public static double Cut(IReadOnlyList<double> scores) => Common.Statistics.Median(scores);

    /// <summary>
    /// The rule: a patient is a predicted responder when the score is at or below the cut (<c>score &lt;= median</c>;
    /// the model predicts ln IC50, so a low score means a sensitive tumour). A score equal to the median is a responder,
    /// so with an odd count the responders are one more than the non-responders.
    /// </summary>
    /// <param name="score">The patient's score.</param>
    /// <param name="cut">The median of the split patients' scores (<see cref="Cut"/>).</param>
    public static bool IsResponder(double score, double cut) => score <= cut;

    /// <summary>
    /// Labels every score by <see cref="IsResponder"/> against <see cref="Cut"/> of the same scores, writing
    /// <paramref name="responder"/>[i] for <paramref name="scores"/>[i]; returns the number of responders.
    /// </summary>
    /// <param name="scores">One score per patient (at least one).</param>
    /// <param name="responder">Receives the labels; its length must equal the number of scores.</param>
    /// <param name="cut">The median the scores were cut at.</param>
    public static int Label(IReadOnlyList<double> scores, Span<bool> responder, out double cut)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (responder.Length != scores.Count) throw new ArgumentException($"{responder.Length} labels for {scores.Count} scores", nameof(responder));
        cut = Cut(scores);
        int responders = 0;
        for (int i = 0; i < scores.Count; i++)
            if (responder[i] = IsResponder(scores[i], cut)) responders++;
        return responders;
    }

    /// <summary>
    /// Standardises every pathway across <paramref name="reference"/> patients (population sd, the authors'
    /// StandardScaler fitted on all patients of the expression source that have survival), returning z-scores for all samples.
    /// </summary>
    /// <param name="scores">Pathway scores (e.g. ssGSEA) of every sample of the source.</param>
    /// <param name="reference">The samples the mean and sd are computed over; each must be a sample of <paramref name="scores"/>.</param>
    /// <returns>Pathways x samples z-scores, same pathways and samples as <paramref name="scores"/>.</returns>
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
    /// <param name="ranked">The model's biomarkers with their rank and coefficient (any order; taken by rank).</param>
    /// <param name="k">Biomarkers to use, &gt;= 1 (fewer when the source scores fewer).</param>
    /// <param name="standardized">Standardised pathway scores (<see cref="Standardize"/>).</param>
    /// <param name="patients">The patients to split, at least 2, each a sample of <paramref name="standardized"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="k"/> &lt; 1, fewer than 2 patients, or no biomarker is scored
    /// in the source.</exception>
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
        var responder = new bool[patients.Count];
        Label(scores, responder, out double median);
        return new PatientSplit(patients.ToArray(), scores, median, responder, usable, unscored);
    }
}
