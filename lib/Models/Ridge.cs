using MathNet.Numerics.LinearAlgebra;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// Ridge regression with intercept (scikit-learn Ridge(alpha, fit_intercept=True), solver 'cholesky' which 'auto'
/// picks for dense data): centre X and y on their means, solve (Xc'Xc + alpha I) w = Xc'yc, intercept =
/// mean(y) - mean(X) . w. With more features than samples the equivalent kernel form w = Xc' (Xc Xc' + alpha I)^-1 yc
/// is solved, as scikit-learn does.
/// </summary>
public sealed class Ridge : IRegressor
{
    /// <summary>The L2 penalty (scikit-learn alpha; default 1.0 as scikit-learn).</summary>
    public double Alpha { get; }

    public Ridge(double alpha = 1.0) => Alpha = alpha;

    public string Name => "ridge";

    public FittedModel Fit(double[,] x, double[] y) => FitRidge(x, y);

    /// <summary><see cref="Fit"/> with the concrete result type.</summary>
    public RidgeFit FitRidge(double[,] x, double[] y)
    {
        if (!(Alpha > 0) || !double.IsFinite(Alpha))
            throw new ArgumentException($"ridge: alpha must be a positive finite number, got {Alpha}");
        ModelInput.Check(x, y, minSamples: 2, "ridge");
        var (w, intercept) = Solve(x, y, Alpha);
        return new RidgeFit(Array.AsReadOnly(w), intercept, Alpha);
    }

    /// <summary>Coefficients and intercept of the centred ridge problem; inputs already validated.</summary>
    internal static (double[] Coefficients, double Intercept) Solve(double[,] x, double[] y, double alpha)
    {
        int n = x.GetLength(0), p = x.GetLength(1);
        var (xMeans, xc) = ModelInput.CentreColumns(x);
        double yMean = ModelInput.Mean(y);
        var yc = Vector<double>.Build.Dense(n, i => y[i] - yMean);
        var X = Matrix<double>.Build.DenseOfArray(xc);
        Vector<double> w;
        if (p > n)
        {
            var k = X.TransposeAndMultiply(X);
            for (int i = 0; i < n; i++) k[i, i] += alpha;
            w = X.TransposeThisAndMultiply(k.Cholesky().Solve(yc));
        }
        else
        {
            var a = X.TransposeThisAndMultiply(X);
            for (int j = 0; j < p; j++) a[j, j] += alpha;
            w = a.Cholesky().Solve(X.TransposeThisAndMultiply(yc));
        }
        var coef = w.ToArray();
        double offset = 0;
        for (int j = 0; j < p; j++) offset += xMeans[j] * coef[j];
        return (coef, yMean - offset);
    }
}
