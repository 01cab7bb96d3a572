using System.Runtime.CompilerServices;

namespace OrganoidBiomarkers.Models;

/// <summary>Boundary checks shared by every model's Fit: shapes, finiteness, enough samples.</summary>
internal static class ModelInput
{
    public static void Check(double[,] x, double[] y, int minSamples, string model)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n = x.GetLength(0), p = x.GetLength(1);
        if (y.Length != n)
            throw new ArgumentException($"{model}: x has {n} rows (samples) but y has {y.Length} values", nameof(y));
        if (p == 0) throw new ArgumentException($"{model}: x has no features (0 columns)", nameof(x));
        if (n < minSamples)
            throw new ArgumentException($"{model}: needs at least {minSamples} samples, got {n}", nameof(x));
        CheckFinite(x, model);
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(y[i]))
                throw new ArgumentException($"{model}: y[{i}] is {y[i]} (NaN/Inf not allowed)", nameof(y));
    }

    // Called on every fit, thousands of times in a permutation test: compiled optimised at once (see LibSvmSolver).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CheckFinite(double[,] x, string what)
    {
        int n = x.GetLength(0), p = x.GetLength(1);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++)
                if (!double.IsFinite(x[i, j]))
                    throw new ArgumentException($"{what}: x[{i}, {j}] is {x[i, j]} (NaN/Inf not allowed)", nameof(x));
    }

    public static double[,] Rows(double[,] x, IReadOnlyList<int> rows)
    {
        int p = x.GetLength(1);
        var r = new double[rows.Count, p];
        for (int i = 0; i < rows.Count; i++)
            for (int j = 0; j < p; j++) r[i, j] = x[rows[i], j];
        return r;
    }

    public static double[] Rows(double[] y, IReadOnlyList<int> rows) => rows.Select(i => y[i]).ToArray();

    /// <summary>Column means in index order (fixed-order sum), and the centred copy.</summary>
    public static (double[] Means, double[,] Centred) CentreColumns(double[,] x)
    {
        int n = x.GetLength(0), p = x.GetLength(1);
        var means = new double[p];
        for (int j = 0; j < p; j++)
        {
            double s = 0;
            for (int i = 0; i < n; i++) s += x[i, j];
            means[j] = s / n;
        }
        var c = new double[n, p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) c[i, j] = x[i, j] - means[j];
        return (means, c);
    }

    public static double Mean(IReadOnlyList<double> v)
    {
        double s = 0;
        for (int i = 0; i < v.Count; i++) s += v[i];
        return s / v.Count;
    }

    public static IReadOnlyList<double> ReadOnly(double[] v) => Array.AsReadOnly((double[])v.Clone());
}
