using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

public class LinearSvrTests
{
    public static IEnumerable<object[]> SvrCases => ModelsGolden.Cases("svr").Select(c => new object[] { c.GetProperty("case").GetString()! });

    // Golden: SVR(kernel='linear', C=1, epsilon=0.1, tol=1e-3, shrinking=...).fit(x, y) on standardised x:
    // coef_, intercept_, dual_coef_ over support_, n_iter_; libsvm's own 'obj' and 'rho' (verbose log, printed %f);
    // and the dual objective 1/2 b'Kb + eps |b|_1 - y'b recomputed in double precision from dual_coef_.
    [Theory]
    [MemberData(nameof(SvrCases))]
    public void Matches_libsvm_iterates(string name)
    {
        var g = ModelsGolden.Case("svr", name);
        var shrinking = g.GetProperty("shrinking").GetBoolean() ? Shrinking.On : Shrinking.Off;
        var fit = new LinearSvr(shrinking: shrinking).FitSvr(g.Mat("x"), g.Vec("y"));
        Assert.Equal((int)g.Num("n_iter"), fit.Iterations);
        Assert.Equal(g.Ints("support"), fit.SupportIndices);
        Close.Equal(g.Vec("dual"), fit.DualCoefficients, Tolerances.LibSvmIterates, $"{name} dual");
        Close.Equal(g.Vec("coef"), fit.Coefficients, Tolerances.LibSvmIterates, $"{name} coef");
        Close.Equal(g.Num("intercept"), fit.Intercept, Tolerances.LibSvmIterates, $"{name} intercept");
        Close.Equal(g.Num("objective"), ExactDualObjective(g.Mat("x"), g.Vec("y"), fit.DualCoefficients, 0.1), Tolerances.LibSvmIterates, $"{name} dual objective");
        // libsvm's obj is evaluated on its single-precision kernel, hence ~1e-7 from the exact one; it prints 6 decimals.
        Close.Equal(g.Num("libsvm_obj"), fit.DualObjective, Tolerances.LibSvmPrinted, $"{name} libsvm obj");
        Close.Equal(g.Num("libsvm_rho"), fit.Rho, Tolerances.LibSvmPrinted, $"{name} libsvm rho");
        Close.Equal(g.Vec("predict"), fit.Predict(g.Mat("x")), Tolerances.LibSvmIterates, $"{name} predict");
    }

    private static double ExactDualObjective(double[,] x, double[] y, IReadOnlyList<double> beta, double epsilon)
    {
        int n = y.Length, p = x.GetLength(1);
        double quad = 0, l1 = 0, lin = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double k = 0;
                for (int f = 0; f < p; f++) k += x[i, f] * x[j, f];
                quad += beta[i] * k * beta[j];
            }
            l1 += Math.Abs(beta[i]);
            lin += y[i] * beta[i];
        }
        return 0.5 * quad + epsilon * l1 - lin;
    }

    [Fact]
    public void Solution_satisfies_the_dual_constraints()
    {
        var g = ModelsGolden.Case("svr", "n60_shrinking");
        var fit = new LinearSvr().FitSvr(g.Mat("x"), g.Vec("y"));
        Assert.All(fit.DualCoefficients, b => Assert.InRange(b, -1.0, 1.0)); // |alpha - alpha*| <= C
        Assert.True(Math.Abs(fit.DualCoefficients.Sum()) < 1e-12, "sum (alpha - alpha*) = 0");
    }

    [Fact]
    public void Shrinking_does_not_change_the_optimum_beyond_the_stopping_rule()
    {
        var g = ModelsGolden.Case("svr", "n30_p40");
        var on = new LinearSvr(shrinking: Shrinking.On).FitSvr(g.Mat("x"), g.Vec("y"));
        var off = new LinearSvr(shrinking: Shrinking.Off).FitSvr(g.Mat("x"), g.Vec("y"));
        Close.Equal(on.Coefficients, off.Coefficients, Tolerances.LibSvmStoppingRule, "coef shrinking on vs off");
        Close.Equal(on.DualObjective, off.DualObjective, Tolerances.LibSvmStoppingRule, "objective on vs off");
    }

    [Theory]
    [InlineData(0.0, 0.1, 1e-3)]
    [InlineData(1.0, -0.1, 1e-3)]
    [InlineData(1.0, 0.1, 0.0)]
    public void Rejects_bad_hyper_parameters_at_fit(double c, double epsilon, double tol)
    {
        var model = new LinearSvr(c, epsilon, tol); // construction stores, never throws
        Assert.Throws<ArgumentException>(() => model.Fit(new double[,] { { 1 }, { 2 }, { 3 } }, new double[] { 1, 2, 3 }));
    }
}
