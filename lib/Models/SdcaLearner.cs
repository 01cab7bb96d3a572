using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// ML.NET's SDCA linear regression (stochastic dual coordinate ascent, Shalev-Shwartz and Zhang 2013) with an L2
/// penalty: an iterative solver of ridge regression. ML.NET minimises
/// (1/n) sum_i (x_i.w + b - y_i)^2 + (lambda/2) |w|^2 with the bias b unpenalised (its squared loss has no 1/2; see
/// SquaredLoss and SdcaRegressionTrainer in dotnet/machinelearning). Multiplied by n this is scikit-learn's Ridge
/// objective |y - Xw - b|^2 + alpha |w|^2 with <b>alpha = n lambda / 2</b>, so this learner is set by scikit-learn's
/// <see cref="Alpha"/> and passes lambda = 2 alpha / n (n = training samples). On converged data it matches
/// <see cref="Ridge"/> to what single precision lets SDCA converge to (~1e-3; tested). One thread and no shuffling:
/// deterministic.
/// </summary>
/// <param name="Alpha">scikit-learn's ridge penalty (&gt; 0; default 1, as <see cref="Ridge"/>).</param>
/// <param name="MaximumNumberOfIterations">Passes over the data (1..100,000; default 10,000: cheap on tens of samples).</param>
/// <param name="ConvergenceTolerance">ML.NET's relative duality-gap tolerance ((0, 1); default 1e-7).</param>
public sealed record SdcaLearner(double Alpha = 1.0, int MaximumNumberOfIterations = 10_000, double ConvergenceTolerance = 1e-7) : ILearner
{
    /// <inheritdoc/>
    /// <value>"sdca".</value>
    public string Name => "sdca";

    /// <summary>ML.NET's L2 constant for <paramref name="samples"/> training samples: lambda = 2 alpha / n.</summary>
    public double Lambda(int samples) => 2 * Alpha / samples;

    /// <summary>Fits SDCA ridge to <paramref name="x"/> (samples x features, at least 2 samples) and <paramref name="y"/>; see <see cref="FitSdca"/>.</summary>
    /// <exception cref="ArgumentException">A setting is out of the range given above, shapes differ, x has no column, a value is NaN,
    /// infinite or beyond single precision, or there are fewer than 2 samples.</exception>
    public ITrainedModel Fit(double[,] x, double[] y) => FitSdca(x, y);

    /// <summary><see cref="Fit"/> with the concrete result type (coefficients in <see cref="MlNetModel.FeatureWeights"/>, bias in <see cref="MlNetModel.Bias"/>).</summary>
    public MlNetModel FitSdca(double[,] x, double[] y)
    {
        if (!(Alpha > 0) || !double.IsFinite(Alpha)) throw new ArgumentException($"sdca: Alpha must be a positive finite number, got {Alpha}");
        if (MaximumNumberOfIterations is < 1 or > 100_000) throw new ArgumentException($"sdca: MaximumNumberOfIterations must be in 1..100000, got {MaximumNumberOfIterations}");
        if (!(ConvergenceTolerance > 0 && ConvergenceTolerance < 1)) throw new ArgumentException($"sdca: ConvergenceTolerance must be in (0, 1), got {ConvergenceTolerance}");
        MlNetData.Check(x, y, minSamples: 2, Name);
        var context = new MLContext(1);
        var trainer = context.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
        {
            L2Regularization = (float)Lambda(x.GetLength(0)),
            L1Regularization = 0,
            MaximumNumberOfIterations = MaximumNumberOfIterations,
            ConvergenceTolerance = (float)ConvergenceTolerance,
            NumberOfThreads = 1,
            Shuffle = false,
        });
        var model = trainer.Fit(MlNetData.ToDataView(context, x, y));
        var weights = model.Model.Weights.Select(w => (double)w).ToArray();
        return new MlNetModel(Name, x.GetLength(1), context, model, Array.AsReadOnly(weights), model.Model.Bias);
    }
}
