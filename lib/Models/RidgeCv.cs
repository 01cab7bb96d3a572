namespace OrganoidBiomarkers.Models;

/// <summary>How per-fold scores are averaged when comparing alphas in cross-validation.</summary>
public enum FoldAveraging
{
    /// <summary>
    /// Mean weighted by test-fold size: GridSearchCV(iid=True), the behaviour of scikit-learn 0.20.x whose default
    /// iid='warn' acts as True (what the authors ran, 0.20.2).
    /// </summary>
    WeightedByTestSize,
    /// <summary>Plain mean over folds: GridSearchCV from scikit-learn 0.22 on (iid removed in 0.24), e.g. 1.2.1.</summary>
    Unweighted,
}

/// <summary>
/// Ridge with the penalty chosen by K-fold cross-validation, as scikit-learn RidgeCV(alphas, cv=k) does with an
/// integer cv: GridSearchCV over Ridge(alpha) with KFold(k) WITHOUT shuffling (contiguous folds in row order, so the
/// choice depends on row order), each alpha scored by the mean test-fold R^2 (the estimator's default score), the
/// first alpha with the highest mean wins (rank 'min', argmin), then Ridge(best alpha) is refitted on all samples.
/// Defaults are the authors': alphas 0.1, 0.2, ..., 0.9; cv = 3; scikit-learn 0.20's fold-size-weighted mean.
/// </summary>
public sealed class RidgeCv : IRegressor
{
    /// <summary>The authors' grid: 0.1 to 0.9 in steps of 0.1.</summary>
    public static IReadOnlyList<double> AuthorsAlphas { get; } = Array.AsReadOnly(Enumerable.Range(1, 9).Select(i => i / 10.0).ToArray());

    /// <summary>The candidate penalties, in the order ties are broken (the first best wins).</summary>
    public IReadOnlyList<double> Alphas { get; }

    /// <summary>Number of unshuffled K-fold splits (k).</summary>
    public int Folds { get; }

    /// <summary>How the per-fold R^2 of an alpha are averaged.</summary>
    public FoldAveraging Averaging { get; }

    /// <summary>A cross-validated ridge; the settings are checked by <see cref="Fit"/>.</summary>
    /// <param name="alphas">Candidate penalties, each a positive finite number (at least one); null: <see cref="AuthorsAlphas"/>. Copied.</param>
    /// <param name="folds">Number of folds (&gt;= 2; default 3). Every test fold needs 2 samples, so fitting needs 2 x folds samples.</param>
    /// <param name="averaging">Fold averaging (default: scikit-learn 0.20's weighted by test-fold size).</param>
    public RidgeCv(IReadOnlyList<double>? alphas = null, int folds = 3, FoldAveraging averaging = FoldAveraging.WeightedByTestSize)
    {
        Alphas = alphas is null ? AuthorsAlphas : Array.AsReadOnly(alphas.ToArray());
        Folds = folds;
        Averaging = averaging;
    }

    /// <inheritdoc/>
    /// <value>"ridgecv".</value>
    public string Name => "ridgecv";

    /// <summary>Fits to <paramref name="x"/> (samples x features) and <paramref name="y"/>; see <see cref="FitRidgeCv"/>.</summary>
    /// <exception cref="ArgumentException">No alpha, an alpha that is not a positive finite number, fewer than 2 folds,
    /// fewer than 2 x <see cref="Folds"/> samples, shapes differ, no feature, or a value is NaN or infinite.</exception>
    public FittedModel Fit(double[,] x, double[] y) => FitRidgeCv(x, y);

    /// <summary><see cref="Fit"/> with the concrete result type.</summary>
    public RidgeCvFit FitRidgeCv(double[,] x, double[] y)
    {
        if (Alphas.Count == 0) throw new ArgumentException("ridgecv: no alphas to choose from");
        foreach (var a in Alphas)
            if (!(a > 0) || !double.IsFinite(a))
                throw new ArgumentException($"ridgecv: every alpha must be a positive finite number, got {a}");
        if (Folds < 2) throw new ArgumentException($"ridgecv: needs at least 2 folds, got {Folds}");
        // Every test fold needs 2 samples for R^2 to be defined (scikit-learn >= 0.21 returns NaN otherwise).
        ModelInput.Check(x, y, minSamples: 2 * Folds, "ridgecv");

        int n = x.GetLength(0);
        var splits = KFold.Splits(n, Folds);
        var foldScores = new double[Alphas.Count][];
        var means = new double[Alphas.Count];
        for (int a = 0; a < Alphas.Count; a++)
        {
            foldScores[a] = new double[splits.Count];
            double weighted = 0, weightSum = 0, plain = 0;
            for (int f = 0; f < splits.Count; f++)
            {
                var (coef, intercept) = Ridge.Solve(ModelInput.Rows(x, splits[f].Train), ModelInput.Rows(y, splits[f].Train), Alphas[a]);
                var fitted = new RidgeFit(coef, intercept, Alphas[a]);
                double r2 = Scores.RSquared(ModelInput.Rows(y, splits[f].Test), fitted.Predict(ModelInput.Rows(x, splits[f].Test)));
                foldScores[a][f] = r2;
                weighted += r2 * splits[f].Test.Count;
                weightSum += splits[f].Test.Count;
                plain += r2;
            }
            means[a] = Averaging switch
            {
                FoldAveraging.WeightedByTestSize => weighted / weightSum,
                FoldAveraging.Unweighted => plain / splits.Count,
                _ => throw new ArgumentOutOfRangeException(nameof(Averaging)),
            };
        }
        int best = 0;
        for (int a = 1; a < means.Length; a++)
            if (means[a] > means[best]) best = a; // strict: ties go to the first alpha
        var (w, b) = Ridge.Solve(x, y, Alphas[best]);
        return new RidgeCvFit(
            Array.AsReadOnly(w), b, Alphas[best], Alphas,
            Array.AsReadOnly(foldScores.Select(s => (IReadOnlyList<double>)Array.AsReadOnly(s)).ToArray()),
            Array.AsReadOnly(means),
            Array.AsReadOnly(splits.Select(s => s.Test.Count).ToArray()),
            Averaging);
    }
}
