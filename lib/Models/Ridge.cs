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

    /// <summary>A ridge regressor with penalty <paramref name="alpha"/>; the value is checked by <see cref="Fit"/>.</summary>
    /// <param name="alpha">The L2 penalty, a positive finite number (default 1.0).</param>
    public Ridge(double alpha = 1.0) => Alpha = alpha;

    /// <inheritdoc/>
    /// <value>"ridge".</value>
    public string Name => "ridge";

    /// <summary>Fits to <paramref name="x"/> (samples x features, at least 2 samples) and <paramref name="y"/>; see <see cref="FitRidge"/>.</summary>
    /// <exception cref="ArgumentException"><see cref="Alpha"/> is not a positive finite number, shapes differ, no feature,
    /// fewer than 2 samples, or a value is NaN or infinite.</exception>
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

    /// <summary>
    /// The matrix M (test rows x training rows) with predictions for <paramref name="xTest"/> = M y for every response y
    /// of <paramref name="xTrain"/>: the fit of <see cref="Solve"/> is linear in y. Same centring and the same primal or
    /// kernel form as <see cref="Solve"/>: with G = (xTest - mean(xTrain)) and C the centring matrix,
    /// p &gt; n: M = G Xc' (Xc Xc' + alpha I)^-1 C + 1/n; otherwise M = G (Xc'Xc + alpha I)^-1 Xc' C + 1/n.
    /// Inputs already validated.
    /// </summary>
    internal static double[,] PredictionOperator(double[,] xTrain, double[,] xTest, double alpha)
    {
        int n = xTrain.GetLength(0), p = xTrain.GetLength(1), m = xTest.GetLength(0);
        var (xMeans, xc) = ModelInput.CentreColumns(xTrain);
        var X = Matrix<double>.Build.DenseOfArray(xc);
        var g = Matrix<double>.Build.Dense(m, p, (t, j) => xTest[t, j] - xMeans[j]);
        Matrix<double> b; // m x n: prediction weights on the centred response
        if (p > n)
        {
            var k = X.TransposeAndMultiply(X);
            for (int i = 0; i < n; i++) k[i, i] += alpha;
            b = k.Cholesky().Solve(X.TransposeAndMultiply(g)).Transpose();
        }
        else
        {
            var a = X.TransposeThisAndMultiply(X);
            for (int j = 0; j < p; j++) a[j, j] += alpha;
            b = a.Cholesky().Solve(g.Transpose()).TransposeThisAndMultiply(X.Transpose());
        }
        var operatorRows = new double[m, n];
        for (int t = 0; t < m; t++)
        {
            // b C: subtract each row's mean (the weight of mean(y) in yc), then add mean(y)'s own weight 1/n.
            double rowSum = 0;
            for (int i = 0; i < n; i++) rowSum += b[t, i];
            for (int i = 0; i < n; i++) operatorRows[t, i] = b[t, i] - rowSum / n + 1.0 / n;
        }
        return operatorRows;
    }
}
