using System.Diagnostics;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using Xunit;
using Xunit.Abstractions;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>
/// The learner comparison on the real 5-FU training set (the authors' organoid NES, their 37 proximal pathways, the
/// median ln IC50 of Table S2b: 19 organoids), every learner. Prints what 19 organoids do to each learner (README
/// "Learner comparison" quotes the run with 199 permutations:
/// <c>LEARNER_PERMUTATIONS=199 dotnet test tests/OrganoidBiomarkers.Tests --filter "FullyQualifiedName~LearnerComparisonMirror" --logger "console;verbosity=detailed"</c>;
/// by default 9, to keep the test suite quick). Skipped without the mirror.
/// </summary>
public class LearnerComparisonMirrorTests(ITestOutputHelper output)
{
    [MirrorFact]
    public void Every_learner_on_the_real_5fu_features()
    {
        var nes = GseapyScores.Read(DataMirror.File("reference", "authors_gseapy_organoid_crc", "gseapy.samples.normalized.es.txt"));
        var z = AuthorsProximityTable.Read(DataMirror.File("network", "coad_blca_organoid_drugs_zscore_result_reactome.txt"));
        var proximal = z.Column("FLUOROURACIL").Where(kv => kv.Value <= -1.2816).Select(kv => kv.Key).ToList();
        var screen = DrugScreen.ReadVanDeWetering(DataMirror.File("organoid_crc", "supp_table_S2b.txt"), CountLog.Silent);
        var response = screen.MedianIc50("5-Fluorouracil").ToDictionary(r => r.Organoid, r => r.MedianLnIc50, StringComparer.Ordinal);
        var data = OrganoidTraining.Assemble(nes, response, proximal);
        Assert.Equal(19, data.OrganoidCount);
        Assert.Equal(37, data.FeatureCount);

        int permutations = int.TryParse(Environment.GetEnvironmentVariable("LEARNER_PERMUTATIONS"), out var k) && k > 0 ? k : 9;
        var evaluations = new List<LearnerEvaluation>();
        foreach (var name in Learners.Names)
        {
            var clock = Stopwatch.StartNew();
            evaluations.AddRange(LearnerComparison.Run(data, [name], permutations, Rng.DefaultSeed).Evaluations);
            output.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:F1} s (19 leave-one-out fits x {permutations + 1}, then the full fit and its importance)");
        }
        var comparison = new LearnerComparison(data, evaluations, Rng.DefaultSeed);
        output.WriteLine(comparison.ToTable("FLUOROURACIL", "authors").ToTsv());
        output.WriteLine(comparison.RankingTable(top: 3).ToTsv());
        foreach (var e in comparison.Evaluations)
        {
            var spread = e.LeaveOneOut.Predicted.Max() - e.LeaveOneOut.Predicted.Min();
            output.WriteLine($"{e.Learner}: LOO predictions span {spread:F3} ln IC50 units (observed span {data.Response.Max() - data.Response.Min():F3}); " +
                             $"null rho mean {e.Permutation.Null.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average():F3}, NaN nulls {e.Permutation.Null.Count(double.IsNaN)}");
            Assert.InRange(e.Permutation.PValue, 1.0 / (permutations + 1), 1.0);
            Assert.Equal(37, e.Model.Ranking.Count);
        }
        // The linear models are evaluated exactly as before (stage 04's organoid_cv.tsv: ridgecv on our NES 0.435).
        var ridgecv = comparison.Evaluations.Single(e => e.Learner == "ridgecv");
        Assert.Equal(CrossValidation.LeaveOneOut(new RidgeCv(), data.X, data.Response.ToArray()).SpearmanRho, ridgecv.LeaveOneOut.SpearmanRho);
    }
}
