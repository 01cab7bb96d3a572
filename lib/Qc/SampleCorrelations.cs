using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Qc;

/// <summary>
/// Sample-by-sample Pearson correlations of expression profiles (genes are the observations), as numpy.corrcoef on the
/// samples' columns. The diagonal is exactly 1. Matches numpy 1.24.2 <c>corrcoef</c> (and the median r to the others)
/// to 1e-12 (tests/…/Golden/qc, "clustering").
/// </summary>
/// <param name="Samples">Sample names, in matrix order.</param>
/// <param name="R">samples x samples Pearson r, symmetric, in [-1, 1], 1 on the diagonal.</param>
public sealed record SampleCorrelations(IReadOnlyList<string> Samples, double[,] R)
{
    /// <summary>Pearson r between every pair of samples' expression profiles.</summary>
    /// <param name="expression">genes x samples, at least 2 samples and 2 genes; no sample constant across genes.</param>
    /// <exception cref="ArgumentException">Fewer than 2 samples or genes, or a sample with the same value for every gene.</exception>
    public static SampleCorrelations Pearson(ExpressionMatrix expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        int n = expression.SampleCount, p = expression.GeneCount;
        if (n < 2) throw new ArgumentException($"sample correlations need at least 2 samples, got {n}");
        if (p < 2) throw new ArgumentException($"sample correlations need at least 2 genes, got {p}");
        // Centre and scale each sample's profile once; every r is then a dot product (summed in gene order).
        var z = new double[n][];
        for (int s = 0; s < n; s++)
        {
            var col = expression.Column(s);
            double mean = 0;
            for (int g = 0; g < p; g++) mean += col[g];
            mean /= p;
            double ss = 0;
            for (int g = 0; g < p; g++) { col[g] -= mean; ss += col[g] * col[g]; }
            if (ss == 0) throw new ArgumentException($"sample {expression.Samples[s]} has the same value for every gene: its correlation is undefined");
            double norm = Math.Sqrt(ss);
            for (int g = 0; g < p; g++) col[g] /= norm;
            z[s] = col;
        }
        var r = new double[n, n];
        for (int a = 0; a < n; a++)
        {
            r[a, a] = 1.0;
            for (int b = a + 1; b < n; b++)
            {
                double dot = 0;
                for (int g = 0; g < p; g++) dot += z[a][g] * z[b][g];
                r[a, b] = r[b, a] = Math.Clamp(dot, -1.0, 1.0);
            }
        }
        return new SampleCorrelations(expression.Samples.ToArray(), r);
    }

    /// <summary>Number of samples.</summary>
    public int Count => Samples.Count;

    /// <summary>r between two samples by name.</summary>
    /// <param name="a">A sample name.</param>
    /// <param name="b">A sample name.</param>
    /// <exception cref="ArgumentException">A name is not a sample.</exception>
    public double this[string a, string b] => R[IndexOf(a), IndexOf(b)];

    /// <summary>Position of a sample in <see cref="Samples"/> (ordinal match).</summary>
    /// <param name="sample">A sample name.</param>
    /// <exception cref="ArgumentException">The name is not a sample.</exception>
    public int IndexOf(string sample) =>
        Samples.ToList().IndexOf(sample) is var i and >= 0 ? i : throw new ArgumentException($"unknown sample '{sample}'");

    /// <summary>Each sample's median r to the other samples (the diagonal excluded), in sample order: the input of the outlier rule.</summary>
    public double[] MedianToOthers() =>
        Enumerable.Range(0, Count).Select(a => Statistics.Median(Enumerable.Range(0, Count).Where(b => b != a).Select(b => R[a, b]).ToList())).ToArray();

    /// <summary>The correlation distance 1 - r (0 on the diagonal), the input of the clustering.</summary>
    public double[,] Distances()
    {
        var d = new double[Count, Count];
        for (int a = 0; a < Count; a++)
            for (int b = 0; b < Count; b++) d[a, b] = a == b ? 0.0 : 1.0 - R[a, b];
        return d;
    }

    /// <summary>Every unordered pair (a before b in sample order) with its r.</summary>
    public IReadOnlyList<SamplePair> Pairs()
    {
        var list = new List<SamplePair>(Count * (Count - 1) / 2);
        for (int a = 0; a < Count; a++)
            for (int b = a + 1; b < Count; b++) list.Add(new SamplePair(Samples[a], Samples[b], R[a, b]));
        return list;
    }

    /// <summary>The matrix with rows and columns permuted to <paramref name="order"/> (e.g. a clustering's leaf order).</summary>
    /// <param name="order">A permutation of 0..Count-1: position a of the result is sample order[a].</param>
    /// <exception cref="ArgumentException"><paramref name="order"/> is not a permutation.</exception>
    public SampleCorrelations Reordered(IReadOnlyList<int> order)
    {
        if (order.Count != Count || order.Distinct().Count() != Count || order.Any(i => i < 0 || i >= Count))
            throw new ArgumentException($"order must be a permutation of 0..{Count - 1}");
        var r = new double[Count, Count];
        for (int a = 0; a < Count; a++)
            for (int b = 0; b < Count; b++) r[a, b] = R[order[a], order[b]];
        return new SampleCorrelations(order.Select(i => Samples[i]).ToArray(), r);
    }
}

/// <summary>Two samples and the Pearson r of their profiles.</summary>
/// <param name="A">The sample first in matrix order.</param>
/// <param name="B">The other sample.</param>
/// <param name="R">Pearson r of their profiles, in [-1, 1].</param>
public sealed record SamplePair(string A, string B, double R);
