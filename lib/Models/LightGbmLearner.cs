using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// LightGBM gradient-boosted regression trees through ML.NET (the native LightGBM 4.6 library the package ships), set
/// up for a few organoids and to be deterministic: one thread, no bagging and no feature subsampling (the seed is
/// passed but, as the tests check, does not matter), leaves of at least <see cref="MinimumExampleCountPerLeaf"/>
/// samples (LightGBM's default of 20 cannot split 18 organoids).
/// </summary>
/// <param name="NumberOfIterations">Boosting rounds (1..10,000; default 100).</param>
/// <param name="NumberOfLeaves">Leaves per tree (2..128; default 4).</param>
/// <param name="MinimumExampleCountPerLeaf">Smallest leaf (1..; default 2).</param>
/// <param name="LearningRate">Shrinkage per tree (0..1]; default 0.1).</param>
/// <param name="Seed">LightGBM and ML.NET seed (any value; unused by these options, kept fixed for safety).</param>
public sealed record LightGbmLearner(int NumberOfIterations = 100, int NumberOfLeaves = 4, int MinimumExampleCountPerLeaf = 2,
    double LearningRate = 0.1, int Seed = 1) : ILearner
{
    /// <inheritdoc/>
    /// <value>"lightgbm".</value>
    public string Name => "lightgbm";

    /// <summary>
    /// Fits the ensemble to <paramref name="x"/> (samples x features, at least 2 samples) and <paramref name="y"/>. The
    /// returned <see cref="MlNetModel"/> holds ML.NET's gain-based feature weights.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is out of the range given above, shapes differ, x has no column, a value is NaN,
    /// infinite or beyond single precision, or there are fewer than 2 samples.</exception>
    public ITrainedModel Fit(double[,] x, double[] y)
    {
        TreeLearnerSettings.Check(Name, nameof(NumberOfIterations), NumberOfIterations, NumberOfLeaves, MinimumExampleCountPerLeaf, LearningRate);
        MlNetData.Check(x, y, minSamples: 2, Name);
        var context = new MLContext(Seed);
        var trainer = context.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfIterations = NumberOfIterations,
            NumberOfLeaves = NumberOfLeaves,
            MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf,
            LearningRate = LearningRate,
            NumberOfThreads = 1,
            Seed = Seed,
            Silent = true,
            Verbose = false,
            UseCategoricalSplit = false,
            Booster = new GradientBooster.Options { FeatureFraction = 1, SubsampleFraction = 1, SubsampleFrequency = 0 },
        });
        var model = trainer.Fit(MlNetData.ToDataView(context, x, y));
        VBuffer<float> weights = default;
        model.Model.GetFeatureWeights(ref weights);
        return new MlNetModel(Name, x.GetLength(1), context, model, MlNetData.Weights(weights, x.GetLength(1)));
    }
}
