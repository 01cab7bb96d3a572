using System.Runtime.CompilerServices;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// Linear epsilon-support vector regression solved as libsvm does (scikit-learn SVR(kernel='linear', C, epsilon,
/// tol, shrinking)): the dual min 1/2 (a - a*)' K (a - a*) + epsilon sum (a + a*) - y' (a - a*), 0 &lt;= a, a* &lt;= C,
/// sum (a - a*) = 0, with K = X X', solved by <see cref="LibSvmSolver"/> (SMO, second-order working-set selection,
/// stop when the maximal violation m - M &lt; tolerance). Coefficients = sum_i (a_i - a*_i) x_i; intercept = -rho.
/// Defaults are scikit-learn's (C = 1, epsilon = 0.1, tol = 1e-3, shrinking on), which the authors used. The data are
/// not scaled here: standardise features first, as the authors did.
/// Memory: the n x n kernel is kept in single precision (as libsvm's cache would hold it), fine for organoid-sized n.
/// </summary>
public sealed class LinearSvr : IRegressor
{
    /// <summary>The box constraint C on each dual coefficient (scikit-learn C; &gt; 0).</summary>
    public double C { get; }

    /// <summary>Half-width of the epsilon-insensitive tube, in response units (scikit-learn epsilon; &gt;= 0).</summary>
    public double Epsilon { get; }

    /// <summary>Stopping tolerance on the maximal KKT violation (scikit-learn tol; &gt; 0).</summary>
    public double Tolerance { get; }

    /// <summary>Whether libsvm's shrinking heuristic is used (scikit-learn shrinking).</summary>
    public Shrinking Shrinking { get; }

    /// <summary>Iteration cap; libsvm's default max(10^7, 100 l) is used when null.</summary>
    public int? MaxIterations { get; }

    /// <summary>A linear SVR with scikit-learn's defaults; the settings are checked by <see cref="Fit"/>.</summary>
    /// <param name="c">C, a positive finite number (default 1).</param>
    /// <param name="epsilon">Epsilon, finite and &gt;= 0 (default 0.1).</param>
    /// <param name="tolerance">Tolerance, positive and finite (default 1e-3).</param>
    /// <param name="shrinking">Shrinking on or off (default on).</param>
    /// <param name="maxIterations">Iteration cap (&gt; 0), or null for libsvm's max(10^7, 100 l) with l = 2 x samples.</param>
    public LinearSvr(double c = 1.0, double epsilon = 0.1, double tolerance = 1e-3, Shrinking shrinking = Shrinking.On, int? maxIterations = null)
    {
        C = c;
        Epsilon = epsilon;
        Tolerance = tolerance;
        Shrinking = shrinking;
        MaxIterations = maxIterations;
    }

    /// <inheritdoc/>
    /// <value>"svr".</value>
    public string Name => "svr";

    /// <summary>Fits to <paramref name="x"/> (samples x features, at least 2 samples) and <paramref name="y"/>; see <see cref="FitSvr"/>.</summary>
    /// <exception cref="ArgumentException">A setting is out of range, shapes differ, no feature, fewer than 2 samples, or a
    /// value is NaN or infinite.</exception>
    public FittedModel Fit(double[,] x, double[] y) => FitSvr(x, y);

    /// <summary><see cref="Fit"/> with the concrete result type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // thousands of small fits per permutation test (see LibSvmSolver)
    public SvrFit FitSvr(double[,] x, double[] y)
    {
        if (!(C > 0) || !double.IsFinite(C)) throw new ArgumentException($"svr: C must be a positive finite number, got {C}");
        if (!(Epsilon >= 0) || !double.IsFinite(Epsilon)) throw new ArgumentException($"svr: epsilon must be >= 0 and finite, got {Epsilon}");
        if (!(Tolerance > 0) || !double.IsFinite(Tolerance)) throw new ArgumentException($"svr: tolerance must be positive, got {Tolerance}");
        if (MaxIterations is <= 0) throw new ArgumentException($"svr: maxIterations must be positive, got {MaxIterations}");
        ModelInput.Check(x, y, minSamples: 2, "svr");
        int n = x.GetLength(0), p = x.GetLength(1);
        int l = 2 * n;
        int maxIter = MaxIterations ?? Math.Max(10_000_000, l > int.MaxValue / 100 ? int.MaxValue : 100 * l);
        var r = LibSvmSolver.SolveEpsilonSvr(x, y, C, Epsilon, Tolerance, Shrinking, maxIter);

        var support = Enumerable.Range(0, n).Where(i => r.Beta[i] != 0).ToArray();
        var coef = new double[p];
        for (int j = 0; j < p; j++)
        {
            double s = 0;
            foreach (int i in support) s += r.Beta[i] * x[i, j];
            coef[j] = s;
        }
        return new SvrFit(Array.AsReadOnly(coef), -r.Rho, C, Epsilon, Tolerance,
            Array.AsReadOnly(r.Beta), Array.AsReadOnly(support), r.Rho, r.Objective, r.Iterations);
    }
}
