using MathNet.Numerics.LinearAlgebra;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// Ordinary least squares with intercept (scikit-learn LinearRegression(fit_intercept=True)): centre X and y, take the
/// minimum-norm least-squares solution w = V S^+ U' yc of the centred design by SVD (what scipy.linalg.lstsq's gelsd
/// returns), intercept = mean(y) - mean(X) . w. With more features than samples this is the minimum-norm
/// interpolating solution.
/// Rank cut-off: singular values at or below max(n, p) * eps * s_max count as zero (numpy matrix_rank's rule). scipy's
/// lstsq default cut-off is eps * s_max, which can keep the centring's numerically-zero direction (the centred design
/// always has rank &lt;= n - 1) and add rounding noise; the looser cut-off drops it.
/// </summary>
public sealed class LeastSquares : IRegressor
{
    /// <inheritdoc/>
    /// <value>"ols".</value>
    public string Name => "ols";

    /// <summary>Fits to <paramref name="x"/> (samples x features, at least 2 samples) and <paramref name="y"/>; see <see cref="FitLeastSquares"/>.</summary>
    /// <exception cref="ArgumentException">Shapes differ, no feature, fewer than 2 samples, or a value is NaN or infinite.</exception>
    public FittedModel Fit(double[,] x, double[] y) => FitLeastSquares(x, y);

    /// <summary><see cref="Fit"/> with the concrete result type.</summary>
    public LeastSquaresFit FitLeastSquares(double[,] x, double[] y)
    {
        ModelInput.Check(x, y, minSamples: 2, "ols");
        int n = x.GetLength(0), p = x.GetLength(1);
        var (xMeans, xc) = ModelInput.CentreColumns(x);
        double yMean = ModelInput.Mean(y);
        var yc = Vector<double>.Build.Dense(n, i => y[i] - yMean);
        var svd = Matrix<double>.Build.DenseOfArray(xc).Svd(computeVectors: true);
        var s = svd.S.ToArray();
        int k = s.Length;
        double cutoff = Math.Max(n, p) * MachineEpsilon * (k > 0 ? s[0] : 0);
        var uty = svd.U.TransposeThisAndMultiply(yc);
        var w = Vector<double>.Build.Dense(p);
        int rank = 0;
        for (int i = 0; i < k; i++)
        {
            if (!(s[i] > cutoff)) continue;
            rank++;
            w += svd.VT.Row(i) * (uty[i] / s[i]);
        }
        var coef = w.ToArray();
        double offset = 0;
        for (int j = 0; j < p; j++) offset += xMeans[j] * coef[j];
        return new LeastSquaresFit(Array.AsReadOnly(coef), yMean - offset, rank, Array.AsReadOnly(s));
    }

    // IEEE double unit roundoff as numpy's finfo(float64).eps (2^-52), not .NET's double.Epsilon (smallest subnormal).
    private const double MachineEpsilon = 2.220446049250313e-16;
}
