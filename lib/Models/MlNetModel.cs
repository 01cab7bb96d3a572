using Microsoft.ML;
using Microsoft.ML.Data;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// A learner fitted by ML.NET (<see cref="FastTreeLearner"/>, <see cref="LightGbmLearner"/>, <see cref="SdcaLearner"/>).
/// ML.NET computes in single precision: features are converted to float on the way in, scores back to double on the
/// way out, so predictions carry float rounding (~1e-7 relative). <see cref="FeatureWeights"/> is the learner's own
/// feature weighting: for the tree ensembles ML.NET's gain-based <c>GetFeatureWeights</c> (total split gain per
/// feature, non-negative), for SDCA the linear coefficients (signed).
/// </summary>
public sealed class MlNetModel : ITrainedModel
{
    private readonly MLContext _context;
    private readonly ITransformer _transformer;

    internal MlNetModel(string modelName, int featureCount, MLContext context, ITransformer transformer, IReadOnlyList<double> featureWeights, double? bias = null)
    {
        Bias = bias;
        ModelName = modelName;
        FeatureCount = featureCount;
        _context = context;
        _transformer = transformer;
        FeatureWeights = featureWeights;
    }

    /// <inheritdoc/>
    public string ModelName { get; }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <summary>The learner's own weight of each feature, in feature order (see the class summary).</summary>
    public IReadOnlyList<double> FeatureWeights { get; }

    /// <summary>The intercept of a linear learner (SDCA); null for the tree ensembles.</summary>
    public double? Bias { get; }

    /// <summary>
    /// Predictions for each row of <paramref name="x"/> (samples x <see cref="FeatureCount"/>), computed in single
    /// precision. Safe to call from several threads (calls on one model are serialised).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> is null.</exception>
    /// <exception cref="ArgumentException">The column count is not <see cref="FeatureCount"/>, or a value is NaN or infinite.</exception>
    public double[] Predict(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.GetLength(1) != FeatureCount)
            throw new ArgumentException($"x has {x.GetLength(1)} features but the model was fitted on {FeatureCount}", nameof(x));
        ModelInput.CheckFinite(x, ModelName);
        // A prediction never changes the model; the context is only used to wrap the rows (no random draws).
        lock (_context)
        {
            var scored = _transformer.Transform(MlNetData.ToDataView(_context, x, null));
            return scored.GetColumn<float>("Score").Select(s => (double)s).ToArray();
        }
    }
}

/// <summary>Rows of a samples x features matrix as an ML.NET data view: one float vector column "Features", a float "Label".</summary>
internal static class MlNetData
{
    /// <summary>The matrix (and labels, or zeros when <paramref name="y"/> is null) as a data view (<see cref="MatrixDataView"/>).</summary>
    public static IDataView ToDataView(MLContext context, double[,] x, double[]? y)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new MatrixDataView(x, y);
    }

    /// <summary>Checks the inputs as every model's Fit does, plus what single precision can hold.</summary>
    public static void Check(double[,] x, double[] y, int minSamples, string model)
    {
        ModelInput.Check(x, y, minSamples, model);
        for (int i = 0; i < x.GetLength(0); i++)
            for (int j = 0; j < x.GetLength(1); j++)
                if (Math.Abs(x[i, j]) > float.MaxValue)
                    throw new ArgumentException($"{model}: x[{i}, {j}] = {x[i, j]} does not fit in single precision (ML.NET computes in float)", nameof(x));
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a thread-pool thread (inline when the caller is one). ML.NET's FastTree, even
    /// with one thread, runs each sub-task as <c>Task.Run(action).Wait()</c> in order (ThreadTaskManager); on a pool
    /// thread <c>Wait</c> executes the just-queued task inline, elsewhere every sub-task waits for a pool worker to pick
    /// it up. The order of the sub-tasks, and so every result, is the same either way (checked bit for bit by the tests).
    /// </summary>
    public static T OnThreadPool<T>(Func<T> work) =>
        Thread.CurrentThread.IsThreadPoolThread ? work() : Task.Run(work).GetAwaiter().GetResult();

    public static IReadOnlyList<double> Weights(VBuffer<float> weights, int featureCount)
    {
        var dense = new float[featureCount];
        weights.CopyTo(dense);
        return Array.AsReadOnly(dense.Select(w => (double)w).ToArray());
    }
}
