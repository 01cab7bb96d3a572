using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Pipeline;
using OrganoidBiomarkers.Study;
using OrganoidBiomarkers.Tests.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>
/// Stage 04 as a run on hand-written hand-off files (Fixtures/study/organoid_nes.tsv, organoid_response.tsv,
/// proximal_pathways.tsv): eight organoids, five scored pathways; the irinotecan response is built from
/// −5 × R_NEAR_TOP1 (+ 0.5 × R_MIX and noise), so its top biomarker is known.
/// </summary>
public class ModelFittingTests
{
    private const double Cut = -1.2816;
    private static readonly ModelFittingOptions Options = new ModelFittingOptions(ModelFitting.PaperModels, 49, 19, 5).Checked();

    private static PathwayScores Nes() => StageFiles.PathwayScores(TestPaths.Fixture("study", "organoid_nes.tsv"));
    private static IReadOnlyList<OrganoidResponseSummary> Responses() => StageFiles.OrganoidResponseSummaries(TestPaths.Fixture("study", "organoid_response.tsv"));
    private static IReadOnlyList<ProximalPathway> Proximal() => StageFiles.ProximalPathways(TestPaths.Fixture("study", "proximal_pathways.tsv"));

    private static IReadOnlyList<ArmTrainingSet> Sets(StudyDefinition study, CountLog? log = null) =>
        ModelFitting.TrainingSets(study, "crc", Nes(), Responses(), Proximal(), Cut, log ?? CountLog.Silent);

    [Fact]
    public void Training_sets_are_arms_times_selections_with_the_cut_off_reapplied_and_absent_features_counted()
    {
        var log = new CountLog();
        var sets = Sets(StudyFixture.WithIrinotecan(), log);
        // 5-FU / string lists only R_FAR at z = -1.0, above the cut-off: not modelled.
        Assert.Equal(["5-FU / authors", "cisplatin / authors", "cisplatin / string", "irinotecan / authors", "irinotecan / string"], sets.Select(s => s.Label));
        var fu = sets[0];
        Assert.Equal(["R_MIX", "R_NEAR_A2M", "R_NEAR_TYMS"], fu.Set.Features); // score-matrix row order, not file order
        Assert.Equal(["O1", "O2", "O3", "O4", "O5", "O6", "O7"], fu.Set.Organoids); // O8 has no 5-FU response
        Assert.Equal(("authors", "fixture_authors_table", true), (fu.Selection, fu.Network, fu.IsMainSelection));
        var iri = sets[3];
        Assert.Equal(3, iri.Proximal.Count);
        Assert.Equal(["R_MIX", "R_NEAR_TOP1"], iri.Set.Features);
        Assert.Equal(["R_ABSENT"], iri.Set.AbsentFeatures);
        Assert.Equal(8, iri.Set.OrganoidCount);
        Assert.Contains(log.Entries, e => e.Step == "irinotecan / authors: features with a score" && (e.Before, e.After) == (3, 2));
        Assert.Equal("bladder organoid expression not available", sets[1].Training.Substitute);
        Assert.Equal(["5fu", "irinotecan"], ModelFitting.TrainedAsInThePaper(sets).Select(a => a.Id));
    }

    [Fact]
    public void A_third_arm_gets_the_papers_three_models_with_its_known_top_biomarker_and_their_tables()
    {
        var study = StudyFixture.WithIrinotecan();
        var sets = Sets(study);
        var models = ModelFitting.Fit(sets, Options.Models);
        Assert.Equal(sets.Count * 3, models.Count);
        var iri = ModelFitting.ModelsOf(models, ModelFitting.MainSet(sets, study.Arm("irinotecan")));
        Assert.Equal(["ridgecv", "svr", "ols"], iri.Select(m => m.ModelName));
        Assert.All(iri, m => Assert.Equal("R_NEAR_TOP1", m.Ranking[0].Name));
        Assert.All(iri, m => Assert.True(m.Ranking[0].Coefficient < 0));

        var coefficients = ModelTables.Coefficients(models, "authors");
        Assert.Equal(["drug", "selection", "gmt", "model", "pathway", "coef", "rank"], coefficients.Columns);
        Assert.Equal(models.Sum(m => m.Model.Ranking.Count), coefficients.Rows.Count);
        var iriRows = coefficients.Rows.Where(r => r[0] == "IRINOTECAN" && r[1] == "authors" && r[3] == "ridgecv").ToList();
        Assert.Equal(["R_NEAR_TOP1", "R_MIX"], iriRows.Select(r => r[4]));
        Assert.Equal(["1", "2"], iriRows.Select(r => r[6]));
        // Arms, then selections, then models: the order stage 05 and the report read.
        Assert.Equal(["FLUOROURACIL", "CISPLATIN", "IRINOTECAN"], coefficients.ColumnValues("drug").Distinct());
        var stage = ModelTables.StageModels(models, "authors");
        Assert.Equal(["drug", "selection", "gmt", "model", "pathway", "coef", "rank", "organoid_drug", "n_organoids", "training"], stage.Columns);
        Assert.Contains(stage.Rows, r => r[0] == "IRINOTECAN" && r[7] == "Irinotecan" && r[8] == "8" && r[9] == "crc_organoids_irinotecan");
        var alphas = ModelTables.RidgeCvAlphas(models);
        Assert.Equal(sets.Count, alphas.Rows.Count);
        Assert.Equal("chosen alpha", alphas.Columns[^1]);
    }

    [Fact]
    public void Cross_validation_covers_every_model_with_its_permutation_count_and_is_seeded()
    {
        var sets = Sets(StudyFixture.WithIrinotecan());
        var models = ModelFitting.Fit(sets, Options.Models);
        var cv = ModelFitting.CrossValidate(models, Options);
        Assert.Equal(models.Count, cv.Count);
        Assert.All(cv, c => Assert.Equal(c.Model.Model.ModelName == "svr" ? 19 : 49, c.Permutation.Permutations));
        Assert.All(cv, c => Assert.InRange(c.Permutation.PValue, 1.0 / 50, 1.0));
        // The irinotecan response is mostly R_NEAR_TOP1: leave-one-out predicts it well.
        var iri = cv.Where(c => c.Model.Arm.Id == "irinotecan" && c.Model.Selection == "authors").ToList();
        Assert.All(iri, c => Assert.True(c.LeaveOneOut.SpearmanRho > 0.8, $"{c.Model.Model.ModelName}: rho {c.LeaveOneOut.SpearmanRho}"));
        var again = ModelFitting.CrossValidate(models, Options);
        Assert.Equal(cv.Select(c => c.Permutation.PValue), again.Select(c => c.Permutation.PValue));

        var file = ModelTables.CrossValidationFile(cv);
        Assert.Equal(["drug", "selection", "model", "n_organoids", "n_features", "alpha", "loo_spearman", "loo_rmse", "baseline_rmse", "perm_p", "n_permutations"], file.Columns);
        Assert.All(file.Rows, r => Assert.Equal(r[2] == "ridgecv", r[5].Length > 0));
    }

    [Fact]
    public void The_auc_check_retrains_each_arms_main_set_and_counts_the_extrapolated_medians()
    {
        var sets = Sets(StudyFixture.WithIrinotecan());
        var models = ModelFitting.Fit(sets, Options.Models);
        var cv = ModelFitting.CrossValidate(models, Options);
        var checks = ModelFitting.OnAuc(sets, models, cv, Responses(), Options);
        Assert.Equal(3 * 3, checks.Count);
        Assert.All(checks, c => Assert.Equal("authors", c.Auc.Training.Selection));
        var iri = checks.Where(c => c.Auc.Training.Arm.Id == "irinotecan").ToList();
        // O1, O2, O3 have ln IC50 above ln(10 uM).
        Assert.Equal(3, iri[0].Auc.AboveRange);
        Assert.Equal([10.0], iri[0].Auc.MaxConcentrations);
        // The AUC is a monotone function of ln IC50 here: same ranking, rescaled onto the ln IC50's mean and sd.
        Assert.Equal(1.0, iri[0].Auc.Spearman, 12);
        Assert.Equal(iri[0].Auc.Training.Set.Response.Average(), iri[0].Auc.Set.Response.Average(), 10);
        Assert.All(iri, c => Assert.True(c.Agreement.SameTopAndSign));
        Assert.Equal(cv.Single(c => c.Model.Arm.Id == "irinotecan" && c.Model.Selection == "authors" && c.Model.Model.ModelName == "svr").LeaveOneOut.SpearmanRho,
            iri.Single(c => c.Model == "svr").LeaveOneOutRhoOnLnIc50);

        var file = ModelTables.ResponseMeasureFile(checks);
        Assert.Equal("IRINOTECAN", file.Rows[6][0]);
        Assert.Equal(["IRINOTECAN", "authors", "ridgecv", "8", "3"], file.Rows[6].Take(5));
        Assert.Equal(3, ModelTables.AucFindings(checks).Rows.Count);
    }

    [Fact]
    public void Paper_checks_use_the_arms_own_quantities_and_skip_those_without_a_value()
    {
        var study = StudyFixture.WithIrinotecan();
        var sets = Sets(study);
        var models = ModelFitting.Fit(sets, Options.Models);
        var main = ModelFitting.MainSet(sets, study.Arm("irinotecan"));
        var paper = PaperValues.Of(new Dictionary<string, string>
        {
            ["crc_organoids_irinotecan"] = "8", ["features_irinotecan"] = "2", ["top_biomarker_irinotecan"] = "R_NEAR_TOP1",
            ["ridgecv_alpha_irinotecan"] = "", // listed, not transcribed: skipped
            ["features_5fu"] = "99",
        });
        // The "authors' NES" here is our own: the reference run must agree with ours exactly.
        var comparison = PaperComparison.Of(main, ModelFitting.ModelsOf(models, main), Nes(), Responses(), paper);
        Assert.Equal(["irinotecan training organoids", "irinotecan features (proximal pathways with a score)",
            "top biomarker, irinotecan, ridgecv", "top biomarker, irinotecan, svr", "top biomarker, irinotecan, ols"], comparison.Checks.Select(c => c.Check));
        Assert.All(comparison.Checks, c => Assert.True(c.Agrees && c.AgreesOnAuthorsNes));
        Assert.All(comparison.Distances, d => Assert.Equal(0.0, d.MaxCoefficientDifference));
        Assert.True(comparison.SameFeatures && comparison.SameOrganoids);

        var fuMain = ModelFitting.MainSet(sets, study.Arm("5fu"));
        var fu = PaperComparison.Of(fuMain, ModelFitting.ModelsOf(models, fuMain), Nes(), Responses(), paper);
        var features = Assert.Single(fu.Checks);
        Assert.False(features.Agrees);
        Assert.Equal("NO", fu.Table().Rows[0][3]);
    }

    [Fact]
    public void An_arm_with_a_single_scored_proximal_pathway_runs_through_every_stage_04_table_and_figure()
    {
        // Irinotecan's authors' selection cut to one pathway (an arm with few proximal pathways, e.g. a new drug): the
        // model, cross-validation, the AUC check and every display must run, showing as many rows as there are features.
        var study = StudyFixture.WithIrinotecan();
        var proximal = Proximal().Where(p => p.Drug != "IRINOTECAN" || p.Pathway == "R_NEAR_TOP1").ToList();
        var sets = ModelFitting.TrainingSets(study, "crc", Nes(), Responses(), proximal, Cut, CountLog.Silent);
        var main = ModelFitting.MainSet(sets, study.Arm("irinotecan"));
        Assert.Equal(["R_NEAR_TOP1"], main.Set.Features);
        var models = ModelFitting.Fit(sets, Options.Models);
        var cv = ModelFitting.CrossValidate(models, Options);
        var checks = ModelFitting.OnAuc(sets, models, cv, Responses(), Options);
        var iri = checks.Where(c => c.Auc.Training.Arm.Id == "irinotecan").ToList();
        Assert.All(iri, c => Assert.True(c.Agreement.SameTopAndSign && double.IsNaN(c.Agreement.CoefficientSpearman) && c.Agreement.TopK == 1));
        Assert.Contains(ModelTables.AucComparison(checks).Rows, r => r[0] == "irinotecan" && r[7] == "NA" && r[8] == "1 of 1");
        Assert.Equal(3, ModelTables.Findings(sets, cv, checks).Rows.Count);
        Assert.Contains(ModelTables.Models(models).Rows, r => r[0] == "irinotecan" && r[1] == "authors" && r[4] == "1" && r[8] == "" && r[9] == "");
        var top = ModelTables.TopBiomarkers(ModelFitting.ModelsOf(models, main), 15);
        Assert.Equal(["1"], top.Rows.Select(r => r[0]));
        var distances = PaperComparison.Of(main, ModelFitting.ModelsOf(models, main), Nes(), Responses(), PaperValues.Of(new Dictionary<string, string>())).DistanceTable();
        Assert.All(distances.Rows, r => Assert.Equal("1 of 1", r[3]));
        var png = Path.Combine(Directory.CreateTempSubdirectory("one-feature-").FullName, "bars.png");
        var figure = OrganoidBiomarkers.Reporting.Figures.Save(OrganoidBiomarkers.Reporting.ModelFigures.CoefficientBars(ModelFitting.ModelsOf(models, main)[0], "one feature", 15), png);
        Assert.True(figure.Base64.Length > 1000);
    }

    [Fact]
    public void The_main_set_falls_back_to_the_first_selection_and_options_are_checked()
    {
        var study = StudyFixture.WithIrinotecan();
        var sets = Sets(study).Where(s => s.Selection != "authors").ToList();
        Assert.Equal("string", ModelFitting.MainSet(sets, study.Arm("irinotecan")).Selection);
        Assert.Throws<ArgumentException>(() => ModelFitting.MainSet(sets, study.Arm("5fu")));
        Assert.Throws<ArgumentException>(() => new ModelFittingOptions(["ridgecv"], 0, 10, 1).Checked());
        Assert.Throws<ArgumentException>(() => new ModelFittingOptions(["lasso"], 10, 10, 1).Checked());
        Assert.Equal(10, new ModelFittingOptions(["svr"], 99, 10, 1).PermutationsFor("svr"));
    }
}
