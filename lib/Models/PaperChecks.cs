using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Models;

/// <summary>One of our numbers beside the paper's (or the authors' code's), and beside the same pipeline run on the authors' own NES.</summary>
/// <param name="Check">What is compared, in words.</param>
/// <param name="Expected">The paper's value (data/paper_values.tsv).</param>
/// <param name="Ours">Ours.</param>
/// <param name="OnAuthorsNes">The same pipeline on the authors' gseapy NES.</param>
public sealed record PaperCheck(string Check, string Expected, string Ours, string OnAuthorsNes)
{
    /// <summary>Ours equals the expected value (numerically when both are numbers, else as text).</summary>
    public bool Agrees => Same(Expected, Ours);

    /// <summary>The run on the authors' NES equals the expected value.</summary>
    public bool AgreesOnAuthorsNes => Same(Expected, OnAuthorsNes);

    private static bool Same(string expected, string actual) =>
        double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            ? e == a : string.Equals(expected, actual, StringComparison.Ordinal);
}

/// <summary>How far one of our models is from the same model fitted on the authors' NES.</summary>
/// <param name="Model">Model name.</param>
/// <param name="CommonFeatures">Features in both.</param>
/// <param name="MaxCoefficientDifference">Largest |coef ours − coef theirs| over the common features (NaN when none).</param>
/// <param name="SharedTop5">Pathways in both top 5s.</param>
/// <param name="SameTop5Order">Both top 5s are the same pathways in the same order.</param>
public sealed record ReferenceModelDistance(string Model, int CommonFeatures, double MaxCoefficientDifference, int SharedTop5, bool SameTop5Order);

/// <summary>
/// An arm's main models checked against the paper's values and against the same pipeline on the authors' own NES
/// (if that agrees with the paper and ours does not, the difference comes from the pathway scores, not the models).
/// </summary>
/// <param name="Arm">The arm.</param>
/// <param name="Selection">The main selection.</param>
/// <param name="Checks">Every check the paper gives a value for.</param>
/// <param name="SameFeatures">Our features are the reference run's, in the same order.</param>
/// <param name="SameOrganoids">Our organoids are the reference run's, in the same order.</param>
/// <param name="Distances">Per model, the distance to the reference run.</param>
public sealed record PaperComparison(ArmDefinition Arm, string Selection, IReadOnlyList<PaperCheck> Checks, bool SameFeatures, bool SameOrganoids,
    IReadOnlyList<ReferenceModelDistance> Distances)
{
    /// <summary>
    /// Checks the arm's main models (its pre-specified selection) against the quantities paper_values.tsv gives for it:
    /// "{organoid cohort}" (training organoids), "features_{arm}", "ridgecv_alpha_{arm}", "top_biomarker_{arm}" (every
    /// model); quantities without a value are skipped. The reference run assembles the same proximal pathways and
    /// response on <paramref name="authorsNes"/> and fits the same models.
    /// </summary>
    /// <param name="main">The arm's main training set.</param>
    /// <param name="models">The models fitted on it (table order).</param>
    /// <param name="authorsNes">The authors' gseapy NES (pathways x organoids).</param>
    /// <param name="responses">Stage 01's responses.</param>
    /// <param name="paper">The paper's values.</param>
    public static PaperComparison Of(ArmTrainingSet main, IReadOnlyList<OrganoidModel> models, PathwayScores authorsNes, IReadOnlyList<OrganoidResponseSummary> responses, PaperValues paper)
    {
        var arm = main.Arm;
        string label = arm.Drug.Label;
        var own = responses.Where(r => r.Collection is null || r.Collection == main.Training.Organoids);
        var reference = OrganoidTraining.Assemble(authorsNes, OrganoidResponseSummary.ForDrug(own, arm.Drug.ScreenName, r => r.MedianLnIc50), main.Proximal,
            CountLog.Silent, $"{label} on the authors' NES");
        var referenceModels = models.Select(m => OrganoidTraining.Fit(reference, m.ModelName)).ToList();
        var checks = new List<PaperCheck>();
        void Add(string check, string quantity, string ours, string theirs)
        {
            if (paper.Value(quantity) is string expected) checks.Add(new PaperCheck(check, expected, ours, theirs));
        }
        string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
        Add($"{label} training organoids", arm.OrganoidCohort(main.Training), Count(main.Set.OrganoidCount), Count(reference.OrganoidCount));
        Add($"{label} features (proximal pathways with a score)", $"features_{arm.Id}", Count(main.Set.FeatureCount), Count(reference.FeatureCount));
        for (int k = 0; k < models.Count; k++)
            if (models[k].Fit is RidgeCvFit)
                Add($"RidgeCV alpha, {label}", $"ridgecv_alpha_{arm.Id}", ModelFitting.Alpha(models[k]), ModelFitting.Alpha(referenceModels[k]));
        for (int k = 0; k < models.Count; k++)
            Add($"top biomarker, {label}, {models[k].ModelName}", $"top_biomarker_{arm.Id}", models[k].Ranking[0].Name, referenceModels[k].Ranking[0].Name);

        var distances = models.Select((m, k) =>
        {
            var theirs = referenceModels[k].Ranking.ToDictionary(b => b.Name, b => b.Coefficient, StringComparer.Ordinal);
            var common = m.Ranking.Where(b => theirs.ContainsKey(b.Name)).ToList();
            var top = m.Ranking.Take(5).Select(b => b.Name).ToList();
            var theirTop = referenceModels[k].Ranking.Take(5).Select(b => b.Name).ToList();
            return new ReferenceModelDistance(m.ModelName, common.Count, common.Count == 0 ? double.NaN : common.Max(b => Math.Abs(b.Coefficient - theirs[b.Name])),
                top.Intersect(theirTop, StringComparer.Ordinal).Count(), top.SequenceEqual(theirTop, StringComparer.Ordinal));
        }).ToList();
        return new PaperComparison(arm, main.Selection, checks, main.Set.Features.SequenceEqual(reference.Features), main.Set.Organoids.SequenceEqual(reference.Organoids), distances);
    }

    /// <summary>For display: each check, the expected value, ours, agreement, and the same on the authors' NES.</summary>
    public TsvTable Table() => TsvTable.From(Checks, ("check", c => c.Check), ("paper / authors' code", c => c.Expected), ("ours", c => c.Ours),
        ("agrees", c => c.Agrees ? "yes" : "NO"), ("same pipeline on the authors' NES", c => c.OnAuthorsNes), ("agrees ", c => c.AgreesOnAuthorsNes ? "yes" : "NO"));

    /// <summary>For display: per model, the distance of our coefficients to those fitted on the authors' NES (and whether features and organoids line up).</summary>
    public TsvTable DistanceTable() => TsvTable.From(Distances, ("model", d => d.Model), ("common features", d => d.CommonFeatures),
        ("max |coef ours - coef on the authors' NES|", d => d.MaxCoefficientDifference.ToString("G3", CultureInfo.InvariantCulture)),
        ("top 5 shared", d => $"{d.SharedTop5} of {Math.Min(5, d.CommonFeatures)}"), ("top 5 in the same order", d => d.SameTop5Order ? "yes" : "no"),
        ("same features, same order", _ => SameFeatures ? "yes" : "no"), ("same organoids, same order", _ => SameOrganoids ? "yes" : "no"));
}
