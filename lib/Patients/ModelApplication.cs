using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// Applies a trained organoid biomarker model to a new expression matrix, exactly as stage 05 scores TCGA patients:
/// ssGSEA (gseapy 0.9 settings, the model's gene-set convention) on all samples, each pathway standardised across
/// all samples of the matrix (population sd), score = sum coef x z over the top-k scorable biomarkers, predicted
/// responder = score at or below the median.
/// Degenerate input is refused rather than split: a matrix in which no gene varies across samples, or biomarker
/// pathways with no variation (every sample would get the same score, and the median split would put all samples in
/// one group or be decided by rounding noise). A biomarker without variation beside others that vary is logged.
/// </summary>
public static class ModelApplication
{
    /// <summary>Relative size below which a spread of values counts as none (rounding level).</summary>
    private const double NoSpread = 1e-12;

    /// <summary>Scores and splits every sample of <paramref name="expression"/> (≥ 2 samples; genes x samples, gene symbols).</summary>
    /// <param name="expression">Genes x samples; at least 2 samples.</param>
    /// <param name="reactome">The gene sets the model's pathways come from.</param>
    /// <param name="biomarkers">The model's pathways ranked by |coefficient|.</param>
    /// <param name="convention">The model's gene-set convention (authors or corrected).</param>
    /// <param name="k">How many of the best-ranked scorable biomarkers to sum (at least 1).</param>
    /// <param name="log">Receives the counts and warnings.</param>
    /// <param name="source">The matrix's file, named in errors.</param>
    public static PatientSplit Apply(ExpressionMatrix expression, IReadOnlyList<GeneSet> reactome, IReadOnlyList<RankedBiomarker> biomarkers,
        GeneSetConvention convention, int k, CountLog log, string source = "the expression matrix")
    {
        if (expression.SampleCount < 2)
            throw new InputException(source, 0, $"a median split needs at least 2 samples; the matrix has {expression.SampleCount}", "pass a matrix with two or more sample columns");
        if (Enumerable.Range(0, expression.GeneCount).All(g => Spread(Enumerable.Range(0, expression.SampleCount).Select(s => expression.Values[g, s])) == 0))
            throw new InputException(source, 0, $"no gene varies across the {expression.SampleCount} samples (e.g. every value is {expression.Values[0, 0]}): the samples cannot be told apart, and every one would get the same score",
                "check that the right file was passed and that the values were exported (not an empty or all-zero matrix)");
        var sets = SsgseaGeneSets.Prepare(reactome, expression, convention, log);
        var result = Ssgsea.Score(expression, sets, SsgseaOptions.Gseapy09, log);
        var nes = new PathwayScores(result.SetNames, result.Samples, result.NormalizedScores);
        if (result.NormalizedScores.Cast<double>().Any(double.IsNaN))
            throw new InputException(source, 0, $"no variation in any scored pathway across the {expression.SampleCount} samples: every pathway has the same enrichment in every sample, so ssGSEA's normalisation (by the range of all scores) is undefined and no sample can be ranked",
                "check the matrix (constant or all-equal values?), or pass a matrix whose genes vary between samples");
        var z = ResponderSplit.Standardize(nes, expression.Samples);
        var split = ResponderSplit.Split(biomarkers, k, z, expression.Samples);

        var flat = split.Biomarkers.Where(b => Spread(nes.Features([b.Name], expression.Samples) is var f ? Enumerable.Range(0, f.GetLength(0)).Select(i => f[i, 0]) : []) == 0).ToList();
        if (flat.Count == split.Biomarkers.Count || Spread(split.Scores) == 0)
            throw new InputException(source, 0,
                $"no variation in the scored pathway{(split.Biomarkers.Count > 1 ? "s" : "")} ({string.Join(", ", split.Biomarkers.Select(b => b.Name))}) across the {split.Patients.Count} samples: "
                + $"every sample gets the same score, so a median split would call all {split.Patients.Count} of them predicted responders",
                "check the matrix (constant or all-equal values in these pathways' genes?), or use a model or --k whose pathways vary in these samples");
        foreach (var b in flat)
            log.Note("apply model", $"warning: pathway {b.Name} has the same score in every sample: it adds nothing to the split (the other biomarkers decide it)");
        int responders = split.Responders.Count();
        if (responders > (split.Patients.Count + 1) / 2 + 1)
            log.Note("apply model", $"warning: {responders - split.Patients.Count / 2} sample(s) more than half share scores at or below the median (ties): the groups are {responders} vs {split.Patients.Count - responders}");
        log.Note("apply model", $"{split.Biomarkers.Count} biomarker(s) used ({string.Join(", ", split.Biomarkers.Select(b => $"{b.Rank}:{b.Name}"))}); "
            + $"{split.UnscoredBiomarkers.Count} better-ranked one(s) not scorable on this matrix; {responders} predicted responders of {split.Patients.Count}");
        return split;
    }

    /// <summary>max - min, or 0 when that is at rounding level for the values' magnitude.</summary>
    private static double Spread(IEnumerable<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values) { if (v < min) min = v; if (v > max) max = v; }
        double spread = max - min;
        return spread <= NoSpread * (1 + Math.Max(Math.Abs(min), Math.Abs(max))) ? 0 : spread;
    }
}
