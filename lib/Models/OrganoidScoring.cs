using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// ssGSEA of the organoids (stage 04, section 1) under both gene-set conventions, plus the plain standard reading of the
/// GMT for comparison: gseapy 0.9 settings (<see cref="SsgseaOptions.Gseapy09"/>, Kong et al. 2020's
/// <c>gseapy.ssgsea(sample_norm_method='rank', permutation_num=0)</c>).
/// </summary>
/// <param name="Convention">The convention the run uses (<c>--param gmt</c>).</param>
/// <param name="SetsRead">Gene sets in the GMT.</param>
/// <param name="SetsWithMeasuredGene">Of those, sets with at least one gene measured on the organoid arrays.</param>
/// <param name="AuthorsSets">Sets prepared with <see cref="GeneSetConvention.Authors"/> (restricted, first gene lost).</param>
/// <param name="Authors">ssGSEA of <paramref name="AuthorsSets"/>.</param>
/// <param name="CorrectedSets">Sets prepared with <see cref="GeneSetConvention.Corrected"/> (every gene).</param>
/// <param name="Corrected">ssGSEA of <paramref name="CorrectedSets"/>.</param>
/// <param name="PlainStandard">ssGSEA of the GMT read with <c>GmtLayout.Standard</c> (first listed gene lost).</param>
public sealed record OrganoidScoring(GeneSetConvention Convention, int SetsRead, int SetsWithMeasuredGene,
    IReadOnlyList<GeneSet> AuthorsSets, SsgseaResult Authors, IReadOnlyList<GeneSet> CorrectedSets, SsgseaResult Corrected, SsgseaResult PlainStandard)
{
    /// <summary>
    /// Scores the organoids under both conventions; the convention in use logs its counts into <paramref name="log"/>,
    /// the other is scored silently, for comparison.
    /// </summary>
    /// <param name="expression">Organoid expression (genes x organoids).</param>
    /// <param name="sets">The GMT read with every gene (<c>GmtLayout.NoDescription</c>).</param>
    /// <param name="standardReading">The same GMT read with <c>GmtLayout.Standard</c>.</param>
    /// <param name="convention">The run's convention.</param>
    /// <param name="log">Receives the counts of the run's convention.</param>
    public static OrganoidScoring Score(ExpressionMatrix expression, IReadOnlyList<GeneSet> sets, IReadOnlyList<GeneSet> standardReading, GeneSetConvention convention, CountLog log)
    {
        CountLog For(GeneSetConvention c) => c == convention ? log : CountLog.Silent;
        var authorsSets = SsgseaGeneSets.Prepare(sets, expression, GeneSetConvention.Authors, For(GeneSetConvention.Authors));
        var authors = Ssgsea.Score(expression, authorsSets, SsgseaOptions.Gseapy09, For(GeneSetConvention.Authors));
        var correctedSets = SsgseaGeneSets.Prepare(sets, expression, GeneSetConvention.Corrected, For(GeneSetConvention.Corrected));
        var corrected = Ssgsea.Score(expression, correctedSets, SsgseaOptions.Gseapy09, For(GeneSetConvention.Corrected));
        return new OrganoidScoring(convention, sets.Count, sets.Count(s => s.Genes.Any(expression.HasGene)), authorsSets, authors, correctedSets, corrected,
            Ssgsea.Score(expression, standardReading, SsgseaOptions.Gseapy09));
    }

    /// <summary>
    /// The convention a run asks for (<c>--param gmt=authors|corrected</c>): <see cref="GeneSetConvention.Authors"/>, for
    /// parity with the authors' gseapy input, when the parameter is absent.
    /// </summary>
    /// <param name="text">The parameter's text, or null.</param>
    /// <exception cref="ArgumentException">Neither "authors" nor "corrected".</exception>
    public static GeneSetConvention ConventionParameter(string? text) => text is null ? GeneSetConvention.Authors : SsgseaGeneSets.ParseConvention(text);

    /// <summary>The run's convention as results name it: "authors" or "corrected" (the gmt column of model_coefficients.tsv).</summary>
    public string GmtName => Convention == GeneSetConvention.Authors ? "authors" : "corrected";

    /// <summary>The ssGSEA of the run's convention.</summary>
    public SsgseaResult Used => Convention == GeneSetConvention.Authors ? Authors : Corrected;

    /// <summary>
    /// The NES of the run's convention, pathways in ordinal order (as gseapy writes its output, whose row order the
    /// authors' features followed): the scores every model of stage 04 is trained on.
    /// </summary>
    public PathwayScores Nes => new PathwayScores(Used.SetNames, Used.Samples, Used.NormalizedScores).SelectPathways(Used.SetNames.Order(StringComparer.Ordinal).ToList());

    /// <summary>For display: gene sets at each step for both conventions and the plain standard reading.</summary>
    public TsvTable SetCounts()
    {
        string measured = SetsWithMeasuredGene.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new TsvTable(["gene sets", "genes scored", $"sets with a measured gene (of {SetsRead})", "sets with a gene left", "sets scored (>= 2 measured genes)"],
        [
            ["authors", "restricted to measured genes, then first gene lost (what gseapy scored)", measured, TsvTable.Cell(AuthorsSets.Count), TsvTable.Cell(Authors.SetNames.Count)],
            ["corrected", "every gene (GmtLayout.NoDescription)", measured, "no loss", TsvTable.Cell(Corrected.SetNames.Count)],
            ["(plain standard reading)", "first LISTED gene lost (GmtLayout.Standard on the original file)", "", "", TsvTable.Cell(PlainStandard.SetNames.Count)],
        ]);
    }

    /// <summary>The schema of organoid_nes.tsv (output/stages/04/): pathway, then one column per organoid, values of <see cref="Nes"/>.</summary>
    public TsvTable NesTable()
    {
        var nes = Nes;
        return new TsvTable(new[] { "pathway" }.Concat(nes.Samples).ToArray(),
            nes.Pathways.Select((p, i) => (IReadOnlyList<string>)new[] { p }.Concat(nes.Samples.Select((_, j) => TsvTable.Cell(nes.Values[i, j]))).ToArray()).ToArray());
    }
}
