using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using Xunit;
using Xunit.Abstractions;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>
/// Stage 04's path from the ORIGINAL files of the mirror (GEO expression, the Reactome GMT, Table S2b, the authors'
/// proximity z table) to the 5-FU models, against the paper's values (data/paper_values.tsv: 19 organoids, 37 features,
/// RidgeCV alpha 0.9, top biomarker REACTOME_ACTIVATION_OF_BH3_ONLY_PROTEINS for ridgecv, svr and ols) and against the
/// same models fitted on the authors' own NES. Skipped without the mirror.
/// </summary>
public class OrganoidTrainingMirrorTests(ITestOutputHelper output)
{
    private const double ProximalZ = -1.2816;
    private const string TopBiomarker = "REACTOME_ACTIVATION_OF_BH3_ONLY_PROTEINS";
    // Not a numerical tolerance: our NES differ from the authors' by up to 6.4e-5 (the order of tied genes follows the
    // expression file's row order, which differs from theirs; 11 sets also differ by a gene the mirror's GMT lacks,
    // none of them a 5-FU feature). Measured effect on the standardised coefficients: <= 3.8e-4. Bound: 1e-3.
    private const double NesTieOrderEffect = 1e-3;

    private static (OrganoidTrainingSet Ours, OrganoidTrainingSet OnTheirNes) Load(GeneSetConvention convention)
    {
        var expression = ExpressionTables.Read(DataMirror.File("organoid_crc", "geneID_expression_median.txt"), ExpressionTableLayout.OrganoidGeo, CountLog.Silent);
        var reactome = GmtReader.Read(DataMirror.File("pathways", "reactome_msigdb_v6.1.gmt"), GmtLayout.NoDescription);
        var result = Ssgsea.Score(expression, SsgseaGeneSets.Prepare(reactome, expression, convention), SsgseaOptions.Gseapy09);
        var nes = new PathwayScores(result.SetNames, result.Samples, result.NormalizedScores).SelectPathways(result.SetNames.Order(StringComparer.Ordinal).ToList());
        var z = AuthorsProximityTable.Read(DataMirror.File("network", "coad_blca_organoid_drugs_zscore_result_reactome.txt"));
        var proximal = z.Column("FLUOROURACIL").Where(kv => kv.Value <= ProximalZ).Select(kv => kv.Key).ToList();
        var screen = DrugScreen.ReadVanDeWetering(DataMirror.File("organoid_crc", "supp_table_S2b.txt"), CountLog.Silent);
        var response = screen.MedianIc50("5-Fluorouracil").ToDictionary(r => r.Organoid, r => r.MedianLnIc50, StringComparer.Ordinal);
        var theirNes = GseapyScores.Read(DataMirror.File("reference", "authors_gseapy_organoid_crc", "gseapy.samples.normalized.es.txt"));
        return (OrganoidTraining.Assemble(nes, response, proximal), OrganoidTraining.Assemble(theirNes, response, proximal));
    }

    [MirrorFact]
    public void From_the_original_files_the_authors_convention_gives_the_papers_5fu_model()
    {
        var (ours, theirs) = Load(GeneSetConvention.Authors);
        Assert.Equal(19, ours.OrganoidCount);
        Assert.Equal(37, ours.FeatureCount);
        Assert.Equal(theirs.Organoids, ours.Organoids);
        Assert.Equal(theirs.Features, ours.Features);
        foreach (var name in new[] { "ridgecv", "svr", "ols" })
        {
            var m = OrganoidTraining.Fit(ours, name);
            var r = OrganoidTraining.Fit(theirs, name);
            double diff = Close.MaxAbsDiff(r.Fit.Coefficients, m.Fit.Coefficients);
            output.WriteLine($"{name}: top {m.Ranking[0].Name} {m.Ranking[0].Coefficient:F4}; max |coef - coef on the authors' NES| {diff:E2}");
            Assert.Equal(TopBiomarker, m.Ranking[0].Name);
            Assert.Equal(r.Ranking.Take(5).Select(b => b.Name), m.Ranking.Take(5).Select(b => b.Name));
            Assert.True(diff <= NesTieOrderEffect, $"{name}: coefficients differ by {diff:E2}");
            if (m.Fit is RidgeCvFit cv) Assert.Equal(0.9, cv.Alpha);
        }
    }

    [MirrorFact]
    public void The_corrected_convention_changes_the_model()
    {
        // Keeping each set's first gene changes the scores enough to change the top biomarker: the authors' result
        // depends on their first-gene loss (reported in the notebook, not hidden).
        var (ours, _) = Load(GeneSetConvention.Corrected);
        var m = OrganoidTraining.Fit(ours, "ridgecv");
        output.WriteLine($"corrected: {ours.FeatureCount} features; top {string.Join(", ", m.Ranking.Take(3).Select(b => b.Name))}");
        Assert.NotEqual(TopBiomarker, m.Ranking[0].Name);
    }
}
