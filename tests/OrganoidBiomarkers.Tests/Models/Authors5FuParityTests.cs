using System.Text.Json;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using Xunit;
using Xunit.Abstractions;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>
/// The authors' 5-FU organoid model on the real inputs of the data mirror (skipped without it): features = the
/// FLUOROURACIL network-proximal Reactome pathways (z &lt;= -1.2816) present in the authors' ssGSEA NES file (NES row
/// order); response = median ln IC50 of '5-Fluorouracil' (Drug_ID 1073) per organoid; features standardised on all
/// organoids; RidgeCV (alphas 0.1..0.9, 3 unshuffled folds), linear SVR, least squares.
/// The paper's top 5-FU biomarker is REACTOME_ACTIVATION_OF_BH3_ONLY_PROTEINS.
/// </summary>
public class Authors5FuParityTests(ITestOutputHelper output)
{
    private const string TopBiomarker = "REACTOME_ACTIVATION_OF_BH3_ONLY_PROTEINS";
    private const double ProximalZ = -1.2816; // one-sided 10% normal quantile, the authors' cut-off

    private sealed record Inputs(string[] Features, string[] Organoids, double[,] X, double[] Y, int ProximalCount);

    /// <summary>Sample orders tried: the authors' scripts are not in the mirror, so every plausible order is checked.</summary>
    private static IEnumerable<(string Name, string[] Organoids)> Orders(string[] nesSamples, string[] screenOrder)
    {
        var withResponse = new HashSet<string>(screenOrder, StringComparer.Ordinal);
        yield return ("nes_columns", nesSamples.Where(withResponse.Contains).ToArray());
        yield return ("ordinal", nesSamples.Where(withResponse.Contains).Order(StringComparer.Ordinal).ToArray());
        var authors = DrugScreen.ReadAuthorsMedians(DataMirror.File("organoid_crc", "median_response.txt"))
            .Where(r => r.DrugName == "5-Fluorouracil").Select(r => r.Organoid).ToArray();
        yield return ("authors_median_response", authors.Where(o => nesSamples.Contains(o) && withResponse.Contains(o)).ToArray());
    }

    private static IEnumerable<(string Order, Inputs Data)> Load()
    {
        var scores = GseapyScores.Read(DataMirror.File("reference", "authors_gseapy_organoid_crc", "gseapy.samples.normalized.es.txt"));
        var pathways = scores.Pathways.ToArray();
        var samples = scores.Samples.ToArray();
        var proximal = AuthorsProximityTable.Read(DataMirror.File("network", "coad_blca_organoid_drugs_zscore_result_reactome.txt"))
            .Column("FLUOROURACIL").Where(kv => kv.Value <= ProximalZ).Select(kv => kv.Key).ToArray();
        var proximalSet = new HashSet<string>(proximal, StringComparer.Ordinal);
        var featureRows = Enumerable.Range(0, pathways.Length).Where(i => proximalSet.Contains(pathways[i])).ToArray();
        var medians = DrugScreen.ReadVanDeWetering(DataMirror.File("organoid_crc", "supp_table_S2b.txt"), CountLog.Silent).MedianIc50("1073");
        var organoids = medians.Select(m => m.Organoid).ToArray();
        var response = medians.ToDictionary(m => m.Organoid, m => m.MedianLnIc50, StringComparer.Ordinal);
        foreach (var (name, order) in Orders(samples, organoids))
        {
            var x = new double[order.Length, featureRows.Length];
            for (int i = 0; i < order.Length; i++)
            {
                int col = Array.IndexOf(samples, order[i]);
                for (int j = 0; j < featureRows.Length; j++) x[i, j] = scores.Values[featureRows[j], col];
            }
            yield return (name, new Inputs(featureRows.Select(r => pathways[r]).ToArray(), order, x,
                order.Select(o => response[o]).ToArray(), proximal.Length));
        }
    }

    private static Dictionary<string, FittedModel> FitAll(Inputs d)
    {
        var z = Standardizer.FitTransform(d.X).Z;
        return new Dictionary<string, FittedModel>(StringComparer.Ordinal)
        {
            ["ridgecv"] = new RidgeCv().Fit(z, d.Y),
            ["svr"] = new LinearSvr().Fit(z, d.Y),
            ["ols"] = new LeastSquares().Fit(z, d.Y),
        };
    }

    [MirrorFact]
    public void Alpha_and_top_biomarker_as_the_paper_for_every_sample_order()
    {
        foreach (var (order, d) in Load())
        {
            Assert.Equal(38, d.ProximalCount);
            Assert.Equal(37, d.Features.Length);
            Assert.Equal(19, d.Organoids.Length);
            var fits = FitAll(d);
            var cv = (RidgeCvFit)fits["ridgecv"];
            Assert.Equal(0.9, cv.Alpha);
            Assert.Equal(0.9, new RidgeCv(averaging: FoldAveraging.Unweighted).FitRidgeCv(Standardizer.FitTransform(d.X).Z, d.Y).Alpha);
            Assert.Equal(new[] { 7, 6, 6 }, cv.FoldSizes);
            foreach (var (model, fit) in fits.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var ranking = BiomarkerRanking.Of(fit, d.Features);
                output.WriteLine($"{order} {model}: " + string.Join("; ", ranking.Take(5).Select(b => $"{b.Name} {b.Coefficient:F6}")));
                Assert.Equal(TopBiomarker, ranking[0].Name);
            }
            output.WriteLine($"{order} ridgecv weighted means: " + string.Join(" ", cv.MeanScores.Select(s => s.ToString("F4"))));
        }
    }

    // scikit-learn 1.2.1 on the same mirror inputs (authors_5fu_sklearn.py, git-ignored output). Same tolerances as the
    // small golden cases: the solvers are the same algorithms.
    [SklearnOnMirrorFact]
    public void Coefficients_match_sklearn_on_the_real_inputs()
    {
        var golden = JsonDocument.Parse(File.ReadAllText(SklearnOnMirrorFactAttribute.CachePath!)).RootElement;
        Assert.Equal(golden.GetProperty("features").EnumerateArray().Select(f => f.GetString()), Load().First().Data.Features);
        foreach (var (order, d) in Load())
        {
            var g = golden.GetProperty("orders").GetProperty(order);
            Assert.Equal(g.GetProperty("organoids").EnumerateArray().Select(o => o.GetString()), d.Organoids);
            Close.Equal(g.Vec("y"), d.Y, Tolerances.ClosedForm, "median IC50");
            var fits = FitAll(d);
            var cv = (RidgeCvFit)fits["ridgecv"];
            Close.Equal(g.GetProperty("ridgecv").Vec("mean_weighted"), cv.MeanScores, Tolerances.ClosedForm, $"{order} CV means");
            foreach (var (model, tolerance) in new[] { ("ridgecv", Tolerances.ClosedForm), ("svr", Tolerances.LibSvmIterates), ("ols", Tolerances.ClosedForm) })
            {
                var e = g.GetProperty(model);
                double dc = Close.MaxAbsDiff(e.Vec("coef"), fits[model].Coefficients);
                double di = Math.Abs(e.Num("intercept") - fits[model].Intercept);
                output.WriteLine($"{order} {model}: max |coef - sklearn| {dc:E2}, |intercept - sklearn| {di:E2}");
                Close.Equal(e.Vec("coef"), fits[model].Coefficients, tolerance, $"{order} {model} coef");
                Close.Equal(e.Num("intercept"), fits[model].Intercept, tolerance, $"{order} {model} intercept");
            }
            Assert.Equal((int)g.GetProperty("svr").Num("n_iter"), ((SvrFit)fits["svr"]).Iterations);
            Assert.Equal((int)g.GetProperty("ols").Num("rank"), ((LeastSquaresFit)fits["ols"]).Rank);
        }
    }

    // The same models on the median AUC rescaled to the ln IC50's mean and sd (notebook 04, section 5), against
    // scikit-learn on the same inputs (auc_nes_columns in the cache). Same tolerances as above.
    [SklearnOnMirrorFact]
    public void Auc_response_matches_sklearn_on_the_real_inputs()
    {
        var golden = JsonDocument.Parse(File.ReadAllText(SklearnOnMirrorFactAttribute.CachePath!)).RootElement.GetProperty("auc_nes_columns");
        var d = Load().First(o => o.Order == "nes_columns").Data;
        var auc = DrugScreen.ReadVanDeWetering(DataMirror.File("organoid_crc", "supp_table_S2b.txt"), CountLog.Silent).MedianAuc("1073")
            .ToDictionary(r => r.Organoid, r => r.MedianAuc, StringComparer.Ordinal);
        var onAuc = d with { Y = ResponseScale.MatchTo(d.Organoids.Select(o => auc[o]).ToArray(), d.Y) };
        Close.Equal(golden.Vec("y"), onAuc.Y, Tolerances.ClosedForm, "rescaled AUC");
        var fits = FitAll(onAuc);
        Assert.Equal(golden.GetProperty("ridgecv").Num("alpha_weighted"), ((RidgeCvFit)fits["ridgecv"]).Alpha);
        foreach (var (model, tolerance) in new[] { ("ridgecv", Tolerances.ClosedForm), ("svr", Tolerances.LibSvmIterates), ("ols", Tolerances.ClosedForm) })
        {
            var e = golden.GetProperty(model).Vec("coef");
            output.WriteLine($"AUC {model}: max |coef - sklearn| {Close.MaxAbsDiff(e, fits[model].Coefficients):E2}; top {BiomarkerRanking.Of(fits[model], onAuc.Features)[0].Name}");
            Close.Equal(e, fits[model].Coefficients, tolerance, $"AUC {model} coef");
        }
    }

    // cross_val_predict(make_pipeline(StandardScaler(), model), x, y, cv=LeaveOneOut()) on the real inputs, NES column
    // order. scikit-learn 1.2's RidgeCV averages folds unweighted, so that option is compared like for like; the 0.20
    // weighting is reported beside it. The permutation test is printed for the report (seeded, 199 shuffles).
    [SklearnOnMirrorFact]
    public void Leave_one_out_matches_sklearn_on_the_real_inputs()
    {
        var golden = JsonDocument.Parse(File.ReadAllText(SklearnOnMirrorFactAttribute.CachePath!)).RootElement.GetProperty("loo_nes_columns");
        var d = Load().First(o => o.Order == "nes_columns").Data;
        var models = new (string Key, IRegressor Model, double Tolerance)[]
        {
            ("ridgecv", new RidgeCv(averaging: FoldAveraging.Unweighted), Tolerances.ClosedForm),
            ("svr", new LinearSvr(), Tolerances.LibSvmIterates),
            ("ols", new LeastSquares(), Tolerances.ClosedForm),
        };
        foreach (var (key, model, tolerance) in models)
        {
            var e = golden.GetProperty(key);
            var r = CrossValidation.LeaveOneOut(model, d.X, d.Y);
            Close.Equal(e.Vec("predicted"), r.Predicted, tolerance, $"{key} LOO predictions");
            Close.Equal(e.Num("spearman"), r.SpearmanRho, Tolerances.ClosedForm, $"{key} LOO Spearman");
            Close.Equal(e.Num("rmse"), r.Rmse, tolerance, $"{key} LOO RMSE");
            output.WriteLine($"{key}: LOO rho {r.SpearmanRho:F4}, RMSE {r.Rmse:F4} (mean baseline RMSE {r.Baseline.Rmse:F4}); " +
                             $"max |pred - sklearn| {Close.MaxAbsDiff(e.Vec("predicted"), r.Predicted):E2}");
        }
        var weighted = CrossValidation.LeaveOneOut(new RidgeCv(), d.X, d.Y);
        output.WriteLine($"ridgecv (0.20 weighting): LOO rho {weighted.SpearmanRho:F4}, RMSE {weighted.Rmse:F4}");
        foreach (var name in new[] { "ridgecv", "svr", "ols" })
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var p = CrossValidation.PermutationTest(Regressors.ByName(name), d.X, d.Y, permutations: 199, seed: 20201030);
            output.WriteLine($"{name}: permutation p (rho, 199 shuffles, seed 20201030) = {p.PValue:F3}, observed {p.Observed:F4}, {sw.ElapsedMilliseconds} ms");
        }
    }
}
