using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Pipeline;
using OrganoidBiomarkers.Tests.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>
/// Stage 04's learner comparison (<see cref="LearnerFitting"/>) on the patient world's 12 organoids and 6 pathways:
/// organoid_cv.tsv keeps the paper models' rows as they were and gains one row per learner, the rankings hand over
/// through models.tsv's reader, and the speed-ups of the ML.NET plumbing change no bit of any fit.
/// </summary>
public class LearnerFittingTests
{
    private static (IReadOnlyList<ArmTrainingSet> Sets, IReadOnlyList<ModelCrossValidation> Cv) World()
    {
        var study = PatientWorld.Study();
        var arm = study.Arms[0];
        var set = OrganoidTraining.Assemble(PatientWorld.OrganoidScores(), PatientWorld.Response(), PatientWorld.Pathways);
        var sets = new[] { new ArmTrainingSet(arm, arm.Training[1], "authors", "z", PatientWorld.Pathways, set) };
        var options = new ModelFittingOptions(ModelFitting.PaperModels, 9, 4, 7);
        return (sets, ModelFitting.CrossValidate(ModelFitting.Fit(sets, options.Models), options));
    }

    private static readonly Lazy<(IReadOnlyList<ArmTrainingSet> Sets, IReadOnlyList<ModelCrossValidation> Cv, IReadOnlyList<ArmLearners> Learners)> Run = new(() =>
    {
        var (sets, cv) = World();
        return (sets, cv, LearnerFitting.Compare(sets, Learners.MlNetNames, 4, 7));
    });

    [Fact]
    public void Organoid_cv_keeps_the_paper_rows_byte_for_byte_and_adds_one_row_per_learner()
    {
        var (_, cv, learners) = Run.Value;
        var paper = ModelTables.CrossValidationFile(cv);
        var file = LearnerFitting.CrossValidationFile(cv, learners);
        Assert.Equal(paper.Columns, file.Columns);
        Assert.Equal(paper.ToTsv(), new TsvTable(file.Columns, file.Rows.Take(paper.Rows.Count).ToList()).ToTsv());
        var added = file.Rows.Skip(paper.Rows.Count).ToList();
        Assert.Equal(["fasttree", "lightgbm", "sdca"], added.Select(r => r[file.ColumnIndex("model")]));
        Assert.All(added, r => Assert.Equal(("DRUGA", "authors", "12", "6", "4"),
            (r[0], r[1], r[file.ColumnIndex("n_organoids")], r[file.ColumnIndex("n_features")], r[file.ColumnIndex("n_permutations")])));
        Assert.Equal(["", "", "1"], added.Select(r => r[file.ColumnIndex("alpha")])); // SDCA's scikit-learn alpha; none for trees
        // The same leave-one-out as the learner evaluated alone (the comparison adds nothing of its own).
        var e = learners[0].Comparison.Evaluations[2];
        Assert.Equal(CrossValidation.LeaveOneOut(new SdcaLearner(), learners[0].Training.Set.X, learners[0].Training.Set.Response.ToArray()).SpearmanRho, e.LeaveOneOut.SpearmanRho);
    }

    [Fact]
    public void The_learners_null_is_the_start_of_the_paper_models_null_paired_shuffles()
    {
        var (_, cv, learners) = Run.Value;
        var set = learners[0].Training.Set;
        // Same seed, same y: the first 4 shuffles of ridgecv's 9 are the learners' 4 (Rng draws in sequence).
        var ridge = CrossValidation.PermutationTest(new RidgeCv(), set.X, set.Response.ToArray(), 4, 7);
        Assert.Equal(ridge.Null, cv.Single(c => c.Model.Model.ModelName == "ridgecv").Permutation.Null.Take(4));
        Assert.All(learners[0].Comparison.Evaluations, e => Assert.Equal(4, e.Permutation.Permutations));
    }

    [Fact]
    public void The_rankings_hand_over_through_the_models_reader_with_signed_importance_as_coefficient()
    {
        var (_, _, learners) = Run.Value;
        var path = Path.Combine(Directory.CreateTempSubdirectory("learner-models-").FullName, LearnerFitting.StageFile);
        LearnerFitting.StageModels(learners, "authors").Write(path);
        var models = StageFiles.Models(path);
        Assert.Equal(["fasttree", "lightgbm", "sdca"], models.Select(m => m.Model));
        for (int i = 0; i < 3; i++)
        {
            var e = learners[0].Comparison.Evaluations[i];
            Assert.Equal(e.Model.Biomarkers.Select(b => (b.Rank, b.Name, b.Coefficient)), models[i].Biomarkers.Select(b => (b.Rank, b.Name, b.Coefficient)));
            Assert.Equal(("DRUGA", "authors", "authors"), (models[i].Drug, models[i].Selection, models[i].Gmt));
        }
    }

    [Fact]
    public void The_display_tables_put_each_learner_beside_the_paper_models_and_read_its_numbers()
    {
        var (_, cv, learners) = Run.Value;
        var comparison = LearnerFitting.Comparison(cv, learners);
        Assert.Equal(["ridgecv", "svr", "ols", "fasttree", "lightgbm", "sdca"], comparison.ColumnValues("model"));
        Assert.Equal(["paper's model", "paper's model", "paper's model", "ML.NET", "ML.NET", "ML.NET"], comparison.ColumnValues("kind"));
        Assert.Contains("CPU)", comparison.ColumnValues("seconds").Last());
        var small = LearnerFitting.SmallSample(cv, learners);
        Assert.Equal(Enumerable.Repeat("11", 3), small.ColumnValues("organoids per fit"));
        Assert.Equal("6 of 6", small.ColumnValues("features used").Last()); // SDCA: every coefficient non-zero
        Assert.All(small.ColumnValues("rank of the main model's top biomarker"), c => Assert.Matches(@"^\d+ \(", c));
    }

    [Fact]
    public void The_reading_follows_the_numbers()
    {
        LeaveOneOutResult Loo(double rho, double rmse, double[] predicted) =>
            new("x", FeatureScaling.StandardizeOnTrainingFold, [1.0, 2, 3, 4], predicted, rho, rmse, new MeanBaseline([0.0, 0, 0, 0], 1.0));
        LearnerEvaluation E(LeaveOneOutResult loo, double p) => new("x", null, loo, new PermutationTestResult("x", PermutationStatistic.SpearmanRho, loo.SpearmanRho, [0.0], 1, p), null!);
        Assert.Equal("predicts worse than the mean of the other organoids; does not rank held-out organoids (rho <= 0); predictions stay near the fold mean",
            LearnerFitting.Reading(E(Loo(-0.1, 1.2, [2.5, 2.5, 2.5, 2.51]), 0.6)));
        Assert.Equal("beats the mean of the other organoids; ranks held-out organoids (permutation p < 0.05)",
            LearnerFitting.Reading(E(Loo(0.8, 0.5, [1.2, 1.9, 3.1, 3.8]), 0.01)));
        Assert.Equal("beats the mean of the other organoids; ranking not distinguishable from shuffled responses",
            LearnerFitting.Reading(E(Loo(0.4, 0.9, [1.2, 1.9, 3.1, 3.8]), 0.2)));
    }

    /// <summary>
    /// <see cref="MatrixDataView"/> against ML.NET's own LoadFromEnumerable (the view it replaces): the same fits bit
    /// for bit, for each trainer.
    /// </summary>
    [Fact]
    public void The_matrix_view_gives_the_same_fits_as_ml_nets_enumerable_view()
    {
        var set = OrganoidTraining.Assemble(PatientWorld.OrganoidScores(), PatientWorld.Response(), PatientWorld.Pathways);
        var (_, z) = Standardizer.FitTransform(set.X);
        var y = set.Response.ToArray();
        int n = y.Length, p = z.GetLength(1);
        var rows = Enumerable.Range(0, n).Select(i => new Row { Features = Enumerable.Range(0, p).Select(j => (float)z[i, j]).ToArray(), Label = (float)y[i] }).ToArray();
        IDataView Enumerable_(MLContext c)
        {
            var schema = SchemaDefinition.Create(typeof(Row));
            schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, p);
            return c.Data.LoadFromEnumerable(rows, schema);
        }
        float[] Scores(Func<MLContext, IEstimator<ITransformer>> trainer, bool matrix)
        {
            var c = new MLContext(1);
            var data = matrix ? MlNetData.ToDataView(c, z, y) : Enumerable_(c);
            return trainer(c).Fit(data).Transform(data).GetColumn<float>("Score").ToArray();
        }
        var trainers = new Dictionary<string, Func<MLContext, IEstimator<ITransformer>>>
        {
            ["fasttree"] = c => c.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options { NumberOfTrees = 20, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 2, NumberOfThreads = 1 }),
            ["sdca"] = c => c.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { L2Regularization = 0.1f, NumberOfThreads = 1, Shuffle = false }),
            ["lightgbm"] = c => c.Regression.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmRegressionTrainer.Options { NumberOfIterations = 20, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 2, NumberOfThreads = 1, Silent = true }),
        };
        foreach (var (name, trainer) in trainers)
        {
            var expected = Scores(trainer, matrix: false);
            Assert.True(expected.Distinct().Count() > 1, $"{name}: a constant fit would not test anything");
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), Scores(trainer, matrix: true).Select(BitConverter.SingleToInt32Bits));
        }
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }

    [Fact]
    public void Dedicated_threads_fill_every_slot_and_rethrow_the_first_failure()
    {
        var slots = new int[37];
        DedicatedThreads.For(slots.Length, 3, i => slots[i] = i * i);
        Assert.Equal(Enumerable.Range(0, 37).Select(i => i * i), slots);
        var e = Assert.Throws<InvalidOperationException>(() => DedicatedThreads.For(10, 2, i => { if (i is 3 or 7) throw new InvalidOperationException($"iteration {i}"); }));
        Assert.Equal("iteration 3", e.Message);
        DedicatedThreads.For(0, 2, _ => throw new InvalidOperationException("never"));
    }

    [Fact]
    public void FastTree_refits_off_the_pool_give_the_same_null_as_refits_on_it()
    {
        var set = OrganoidTraining.Assemble(PatientWorld.OrganoidScores(), PatientWorld.Response(), PatientWorld.Pathways);
        var y = set.Response.ToArray();
        var learner = new FastTreeLearner(NumberOfTrees: 10);
        Assert.IsAssignableFrom<IPoolWaitingLearner>(learner);
        var dedicated = CrossValidation.PermutationTest(learner, set.X, y, 6, 11);
        // The same refits one by one on the calling thread, in order: the definition of the null.
        var rng = new Rng(11);
        var shuffles = Enumerable.Range(0, 6).Select(_ => rng.Shuffled(y)).ToList();
        var sequential = shuffles.Select(s => Correlation.Spearman(s, CrossValidation.LeaveOneOut(learner, set.X, s).Predicted.ToArray())).ToList();
        Assert.Equal(sequential, dedicated.Null);
    }
}
