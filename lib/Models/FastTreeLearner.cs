using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// ML.NET's FastTree gradient-boosted regression trees (MART, least-squares boosting), set up for a few organoids and
/// to be deterministic: one thread, no row or feature subsampling (so no random draw changes the fit: the seed is
/// passed but, as the tests check, does not matter), and leaves of at least <see cref="MinimumExampleCountPerLeaf"/>
/// samples. ML.NET's default of 20 examples per leaf cannot split 18 training organoids at all: every tree would be a
/// single leaf and every prediction the mean. The fit runs on a thread-pool thread (<see cref="MlNetData.OnThreadPool{T}"/>):
/// with one thread FastTree still hands each feature's split search to <c>Task.Run</c> and waits for it, and only a
/// pool thread can run that task inline; from another thread each of the ~11,000 hand-offs of a 100-tree fit waits for
/// a pool worker (measured: 5 to 10 times slower per fit on the shared 2-core machine, identical predictions).
/// </summary>
/// <param name="NumberOfTrees">Boosting rounds (1..10,000; default 100).</param>
/// <param name="NumberOfLeaves">Leaves per tree (2..128; default 4: at most 3 splits per tree on ~18 samples).</param>
/// <param name="MinimumExampleCountPerLeaf">Smallest leaf (1..; default 2).</param>
/// <param name="LearningRate">Shrinkage per tree (0..1]; default 0.1).</param>
/// <param name="Seed">ML.NET context seed (any value; unused by these options, kept fixed for safety).</param>
public sealed record FastTreeLearner(int NumberOfTrees = 100, int NumberOfLeaves = 4, int MinimumExampleCountPerLeaf = 2,
    double LearningRate = 0.1, int Seed = 1) : IPoolWaitingLearner
{
    /// <inheritdoc/>
    /// <value>"fasttree".</value>
    public string Name => "fasttree";

    /// <summary>
    /// Fits the ensemble to <paramref name="x"/> (samples x features, at least 2 samples) and <paramref name="y"/>, on a
    /// thread-pool thread. The returned <see cref="MlNetModel"/> holds ML.NET's gain-based feature weights.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is out of the range given above, shapes differ, x has no column, a value is NaN,
    /// infinite or beyond single precision, or there are fewer than 2 samples.</exception>
    public ITrainedModel Fit(double[,] x, double[] y)
    {
        TreeLearnerSettings.Check(Name, nameof(NumberOfTrees), NumberOfTrees, NumberOfLeaves, MinimumExampleCountPerLeaf, LearningRate);
        MlNetData.Check(x, y, minSamples: 2, Name);
        var context = new MLContext(Seed);
        var trainer = context.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = NumberOfTrees,
            NumberOfLeaves = NumberOfLeaves,
            MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf,
            LearningRate = LearningRate,
            NumberOfThreads = 1,
            Seed = Seed,
            FeatureSelectionSeed = Seed,
            FeatureFraction = 1,
            BaggingSize = 0,
            Shrinkage = 1,
        });
        var data = MlNetData.ToDataView(context, x, y);
        var model = MlNetData.OnThreadPool(() => trainer.Fit(data));
        VBuffer<float> weights = default;
        model.Model.GetFeatureWeights(ref weights);
        return new MlNetModel(Name, x.GetLength(1), context, model, MlNetData.Weights(weights, x.GetLength(1)));
    }
}
