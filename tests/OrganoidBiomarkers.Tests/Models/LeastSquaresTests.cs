using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

public class LeastSquaresTests
{
    public static IEnumerable<object[]> OlsCases => ModelsGolden.Cases("ols").Select(c => new object[] { c.GetProperty("case").GetString()! });

    // Golden: LinearRegression().fit(x, y): coef_, intercept_, rank_ (scipy.linalg.lstsq on centred data; minimum
    // norm when p > n).
    [Theory]
    [MemberData(nameof(OlsCases))]
    public void Matches_sklearn_LinearRegression(string name)
    {
        var g = ModelsGolden.Case("ols", name);
        var fit = new LeastSquares().FitLeastSquares(g.Mat("x"), g.Vec("y"));
        Close.Equal(g.Vec("coef"), fit.Coefficients, Tolerances.ClosedForm, $"{name} coef");
        Close.Equal(g.Num("intercept"), fit.Intercept, Tolerances.ClosedForm, $"{name} intercept");
        Close.Equal(g.Vec("predict"), fit.Predict(g.Mat("x")), Tolerances.ClosedForm, $"{name} predict");
        // scikit-learn's rank_ is lstsq's rank of the centred design; centring removes one direction when p >= n.
        Assert.Equal((int)g.Num("rank"), fit.Rank);
    }

    [Fact]
    public void Minimum_norm_solution_interpolates_and_is_orthogonal_to_the_null_space()
    {
        var g = ModelsGolden.Case("ols", "p>n");
        var x = g.Mat("x");
        var fit = new LeastSquares().FitLeastSquares(x, g.Vec("y"));
        Close.Equal(g.Vec("y"), fit.Predict(x), Tolerances.ClosedForm, "interpolation");
        // Adding any null-space direction of the centred design keeps the fit but increases the norm: the minimum-norm
        // solution lies in the row space, i.e. its projection V_r V_r' w onto the (numerically non-zero) right
        // singular vectors is itself.
        int n = x.GetLength(0), p = x.GetLength(1);
        var xc = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, p, (i, j) => x[i, j] - Enumerable.Range(0, n).Average(k => x[k, j]));
        var svd = xc.Svd(computeVectors: true);
        var w = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfEnumerable(fit.Coefficients);
        var projected = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(p);
        for (int r = 0; r < svd.S.Count; r++)
            if (svd.S[r] > 1e-10 * svd.S[0]) projected += svd.VT.Row(r) * svd.VT.Row(r).DotProduct(w);
        Assert.True((projected - w).L2Norm() < 1e-10 * w.L2Norm(), "coefficients lie in the row space of the centred design");
    }
}
