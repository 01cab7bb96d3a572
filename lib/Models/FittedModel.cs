namespace OrganoidBiomarkers.Models;

/// <summary>
/// A fitted linear model y = x . Coefficients + Intercept (scikit-learn's coef_ and intercept_). Immutable: the
/// coefficient list is a read-only copy. Model-specific details live on the derived records
/// (<see cref="RidgeFit"/>, <see cref="RidgeCvFit"/>, <see cref="SvrFit"/>, <see cref="LeastSquaresFit"/>).
/// </summary>
/// <param name="ModelName">The regressor's <see cref="ILearner.Name"/> ("ridge", "ridgecv", "svr", "ols").</param>
/// <param name="Coefficients">One coefficient per feature, in feature order (scikit-learn coef_).</param>
/// <param name="Intercept">The constant term (scikit-learn intercept_).</param>
public abstract record FittedModel(string ModelName, IReadOnlyList<double> Coefficients, double Intercept) : ITrainedModel
{
    /// <summary>Number of features the model was fitted on.</summary>
    public int FeatureCount => Coefficients.Count;

    /// <summary>Predictions for each row of <paramref name="x"/> (samples x features).</summary>
    public double[] Predict(double[,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.GetLength(1) != Coefficients.Count)
            throw new ArgumentException(
                $"x has {x.GetLength(1)} features but the model was fitted on {Coefficients.Count}", nameof(x));
        int n = x.GetLength(0);
        var predicted = new double[n];
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < Coefficients.Count; j++) s += x[i, j] * Coefficients[j];
            predicted[i] = s + Intercept;
        }
        return predicted;
    }
}

/// <summary>Ridge regression with a fixed penalty (scikit-learn Ridge).</summary>
/// <param name="Coefficients">One coefficient per feature.</param>
/// <param name="Intercept">The constant term.</param>
/// <param name="Alpha">The L2 penalty the model was fitted with (&gt; 0).</param>
public sealed record RidgeFit(IReadOnlyList<double> Coefficients, double Intercept, double Alpha)
    : FittedModel("ridge", Coefficients, Intercept);

/// <summary>
/// Ridge regression whose penalty was chosen by K-fold cross-validation (scikit-learn RidgeCV with integer cv), then
/// refitted on all samples. <see cref="FoldScores"/>[a][f] is the R^2 of alpha a on test fold f;
/// <see cref="MeanScores"/>[a] their mean under <see cref="Averaging"/>.
/// </summary>
/// <param name="Coefficients">One coefficient per feature, of the refit on all samples.</param>
/// <param name="Intercept">The refit's constant term.</param>
/// <param name="Alpha">The chosen penalty: the first of <paramref name="Alphas"/> with the highest mean score.</param>
/// <param name="Alphas">The candidate penalties, in the order given.</param>
/// <param name="FoldScores">R^2 per alpha (outer) and test fold (inner); R^2 &lt;= 1, unbounded below.</param>
/// <param name="MeanScores">Mean R^2 per alpha under <paramref name="Averaging"/>.</param>
/// <param name="FoldSizes">Test-fold sizes, fold order (the weights of <see cref="FoldAveraging.WeightedByTestSize"/>).</param>
/// <param name="Averaging">How the fold scores were averaged.</param>
public sealed record RidgeCvFit(
    IReadOnlyList<double> Coefficients,
    double Intercept,
    double Alpha,
    IReadOnlyList<double> Alphas,
    IReadOnlyList<IReadOnlyList<double>> FoldScores,
    IReadOnlyList<double> MeanScores,
    IReadOnlyList<int> FoldSizes,
    FoldAveraging Averaging)
    : FittedModel("ridgecv", Coefficients, Intercept)
{
    /// <summary>Index of the chosen alpha in <see cref="Alphas"/>.</summary>
    public int AlphaIndex => Alphas.ToList().IndexOf(Alpha);
}

/// <summary>
/// Linear epsilon-SVR solved by libsvm's SMO (scikit-learn SVR(kernel='linear')). <see cref="DualCoefficients"/> are
/// alpha_i - alpha*_i for every sample (zero for non-support vectors); <see cref="SupportIndices"/> the samples with a
/// non-zero dual coefficient (scikit-learn support_); Intercept = -<see cref="Rho"/>. <see cref="DualObjective"/> is
/// libsvm's 'obj' (evaluated on its single-precision kernel, ~1e-7 from the double-precision value);
/// <see cref="Iterations"/> is libsvm's #iter (scikit-learn n_iter_).
/// </summary>
/// <param name="Coefficients">sum_i (alpha_i - alpha*_i) x_i, one per feature (scikit-learn coef_).</param>
/// <param name="Intercept">-<paramref name="Rho"/>.</param>
/// <param name="C">The box constraint used.</param>
/// <param name="Epsilon">The tube half-width used (response units).</param>
/// <param name="Tolerance">The stopping tolerance used.</param>
/// <param name="DualCoefficients">alpha_i - alpha*_i per sample, each in [-C, C] (scikit-learn dual_coef_, expanded to every sample).</param>
/// <param name="SupportIndices">0-based indices of the samples with a non-zero dual coefficient, ascending.</param>
/// <param name="Rho">libsvm's rho.</param>
/// <param name="DualObjective">libsvm's obj, the dual objective at the solution.</param>
/// <param name="Iterations">SMO iterations taken.</param>
public sealed record SvrFit(
    IReadOnlyList<double> Coefficients,
    double Intercept,
    double C,
    double Epsilon,
    double Tolerance,
    IReadOnlyList<double> DualCoefficients,
    IReadOnlyList<int> SupportIndices,
    double Rho,
    double DualObjective,
    int Iterations)
    : FittedModel("svr", Coefficients, Intercept);

/// <summary>
/// Ordinary least squares with intercept (scikit-learn LinearRegression): the minimum-norm solution when the centred
/// design is rank deficient (e.g. more features than samples). <see cref="Rank"/> is the numerical rank used and
/// <see cref="SingularValues"/> those of the centred design, descending.
/// </summary>
/// <param name="Coefficients">The minimum-norm least-squares coefficients, one per feature.</param>
/// <param name="Intercept">mean(y) - mean(X) . w.</param>
/// <param name="Rank">Singular values above the cut-off max(n, p) x eps x s_max (0..min(n, p)).</param>
/// <param name="SingularValues">All min(n, p) singular values of the centred design, descending.</param>
public sealed record LeastSquaresFit(
    IReadOnlyList<double> Coefficients,
    double Intercept,
    int Rank,
    IReadOnlyList<double> SingularValues)
    : FittedModel("ols", Coefficients, Intercept);
