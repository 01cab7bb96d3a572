using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// Applies a trained organoid biomarker model to a new expression matrix, exactly as stage 05 scores TCGA patients:
/// ssGSEA (gseapy 0.9 settings, the model's gene-set convention) on all samples, each pathway standardised across
/// all samples of the matrix (population sd), score = sum coef x z over the top-k scorable biomarkers, predicted
/// responder = score at or below the median.
/// </summary>
public static class ModelApplication
{
    /// <summary>Scores and splits every sample of <paramref name="expression"/> (≥ 2 samples; genes x samples, gene symbols).</summary>
    /// <param name="expression">The new expression matrix.</param>
    /// <param name="reactome">The gene sets, as read with <see cref="Data.GmtLayout.NoDescription"/>.</param>
    /// <param name="biomarkers">The model's ranked biomarkers (stage 04's models.tsv).</param>
    /// <param name="convention">The model's gene-set convention.</param>
    /// <param name="k">Top biomarkers to use, ≥ 1 (the k best-ranked ones the matrix can score).</param>
    /// <param name="log">Receives the counts.</param>
    public static PatientSplit Apply(ExpressionMatrix expression, IReadOnlyList<GeneSet> reactome, IReadOnlyList<RankedBiomarker> biomarkers,
        GeneSetConvention convention, int k, CountLog log)
    {
        if (expression.SampleCount < 2) throw new ArgumentException($"a median split needs at least 2 samples; the matrix has {expression.SampleCount}");
        var sets = SsgseaGeneSets.Prepare(reactome, expression, convention, log);
        var result = Ssgsea.Score(expression, sets, SsgseaOptions.Gseapy09, log);
        var nes = new PathwayScores(result.SetNames, result.Samples, result.NormalizedScores);
        var z = ResponderSplit.Standardize(nes, expression.Samples);
        var split = ResponderSplit.Split(biomarkers, k, z, expression.Samples);
        log.Note("apply model", $"{split.Biomarkers.Count} biomarker(s) used ({string.Join(", ", split.Biomarkers.Select(b => $"{b.Rank}:{b.Name}"))}); "
            + $"{split.UnscoredBiomarkers.Count} better-ranked one(s) not scorable on this matrix; {split.Responders.Count()} predicted responders of {split.Patients.Count}");
        return split;
    }
}
