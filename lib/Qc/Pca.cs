using MathNet.Numerics.LinearAlgebra;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Qc;

/// <summary>
/// Principal components of the samples (samples are the observations, genes the variables). Scores[sample, k] is the
/// sample's coordinate on component k; ExplainedVariance[k] = s_k^2 / (n - 1) and ExplainedVarianceRatio[k] its share of
/// the total variance (sklearn PCA's explained_variance_ and explained_variance_ratio_).
/// </summary>
/// <param name="Samples">Sample names, one per row of <paramref name="Scores"/>.</param>
/// <param name="Scores">samples x components coordinates (in the expression's units, e.g. log2).</param>
/// <param name="ExplainedVariance">Variance along each component (s_k^2 / (n - 1)), largest first.</param>
/// <param name="ExplainedVarianceRatio">Each component's share of the total variance, in [0, 1].</param>
public sealed record PcaResult(IReadOnlyList<string> Samples, double[,] Scores, IReadOnlyList<double> ExplainedVariance, IReadOnlyList<double> ExplainedVarianceRatio)
{
    /// <summary>Number of components computed.</summary>
    public int Components => ExplainedVariance.Count;

    /// <summary>Scores of one component across samples (a copy).</summary>
    /// <param name="k">Component index, 0-based: 0 &lt;= k &lt; <see cref="Components"/>.</param>
    public double[] Component(int k) => Enumerable.Range(0, Samples.Count).Select(s => Scores[s, k]).ToArray();
}

/// <summary>PCA of expression profiles: genes centred to mean 0 across samples, not scaled.</summary>
public static class Pca
{
    /// <summary>
    /// PCA with genes centred (not scaled), as sklearn.decomposition.PCA(n_components).fit_transform(X) with X = samples x
    /// genes. Computed from the eigen-decomposition of the n x n Gram matrix X X^T (n samples is small, the genes many):
    /// its eigenvalues are the squared singular values and its eigenvectors the left singular vectors U, so the scores
    /// are U_k s_k. Sign convention (sklearn 1.2 svd_flip, u-based): each component is signed so that the sample with
    /// the largest |score| has a positive score. At most n - 1 components exist after centring.
    /// Matches <c>PCA(svd_solver='full')</c> of scikit-learn 1.2.1 (scores, explained variance and ratio) to 1e-9
    /// (tests/…/Golden/qc, "pca"; the tolerance covers eigenvector error ~ eps x lambda_max / gap).
    /// </summary>
    /// <param name="expression">genes x samples, at least 2 samples, at least one gene varying.</param>
    /// <param name="components">Components to keep, 1 &lt;= components &lt;= samples - 1.</param>
    /// <exception cref="ArgumentException">Fewer than 2 samples, <paramref name="components"/> out of range, or every gene constant.</exception>
    public static PcaResult OfSamples(ExpressionMatrix expression, int components)
    {
        ArgumentNullException.ThrowIfNull(expression);
        int n = expression.SampleCount, p = expression.GeneCount;
        if (n < 2) throw new ArgumentException($"PCA needs at least 2 samples, got {n}");
        if (components < 1 || components > n - 1)
            throw new ArgumentException($"PCA: {components} components requested; with {n} samples 1..{n - 1} are available after centring");

        // Centred data, samples x genes.
        var x = new double[n, p];
        for (int g = 0; g < p; g++)
        {
            double mean = 0;
            for (int s = 0; s < n; s++) mean += expression.Values[g, s];
            mean /= n;
            for (int s = 0; s < n; s++) x[s, g] = expression.Values[g, s] - mean;
        }
        var gram = new double[n, n];
        for (int a = 0; a < n; a++)
            for (int b = a; b < n; b++)
            {
                double dot = 0;
                for (int g = 0; g < p; g++) dot += x[a, g] * x[b, g];
                gram[a, b] = gram[b, a] = dot;
            }
        double total = 0;
        for (int a = 0; a < n; a++) total += gram[a, a];
        if (total == 0) throw new ArgumentException("PCA: every gene is constant across samples (no variance)");

        var evd = Matrix<double>.Build.DenseOfArray(gram).Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        var vectors = evd.EigenVectors;
        // Eigenvalues largest first; a stable sort keeps the result independent of the solver's ordering of equal values.
        var order = Enumerable.Range(0, n).OrderByDescending(i => values[i]).ThenBy(i => i).ToArray();

        var scores = new double[n, components];
        var variance = new double[components];
        var ratio = new double[components];
        for (int k = 0; k < components; k++)
        {
            int c = order[k];
            double lambda = Math.Max(values[c], 0.0); // rounding can make a null eigenvalue slightly negative
            double singular = Math.Sqrt(lambda);
            int argMax = 0;
            for (int s = 1; s < n; s++)
                if (Math.Abs(vectors[s, c]) > Math.Abs(vectors[argMax, c])) argMax = s;
            double sign = vectors[argMax, c] < 0 ? -1.0 : 1.0;
            for (int s = 0; s < n; s++) scores[s, k] = sign * vectors[s, c] * singular;
            variance[k] = lambda / (n - 1);
            ratio[k] = lambda / total;
        }
        return new PcaResult(expression.Samples.ToArray(), scores, variance, ratio);
    }
}
