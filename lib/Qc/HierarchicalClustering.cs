namespace OrganoidBiomarkers.Qc;

/// <summary>How the distance between two clusters is computed from the distances between their members.</summary>
public enum Linkage
{
    /// <summary>UPGMA: the mean of all member-to-member distances (scipy method='average', R hclust "average").</summary>
    Average,
    /// <summary>The largest member-to-member distance (scipy 'complete').</summary>
    Complete,
    /// <summary>The smallest member-to-member distance (scipy 'single').</summary>
    Single,
}

/// <summary>
/// One merge of an agglomerative clustering, in scipy's linkage-matrix convention: clusters 0..n-1 are the samples,
/// merge i creates cluster n + i; <see cref="Left"/> is the smaller of the two merged cluster IDs.
/// </summary>
/// <param name="Left">The smaller merged cluster ID (0..n-1 a sample, n + i the cluster of merge i).</param>
/// <param name="Right">The larger merged cluster ID.</param>
/// <param name="Height">Linkage distance between the two clusters when merged (>= 0).</param>
/// <param name="Size">Samples in the new cluster (>= 2).</param>
public sealed record Merge(int Left, int Right, double Height, int Size);

/// <summary>
/// A fitted hierarchical clustering: the merges in order of height and the leaf order of its dendrogram
/// (scipy.cluster.hierarchy.leaves_list: a depth-first walk visiting each merge's Left before its Right).
/// </summary>
/// <param name="LeafCount">Samples clustered, n >= 1.</param>
/// <param name="Linkage">The linkage used.</param>
/// <param name="Merges">The n - 1 merges in the order made (scipy's linkage matrix rows).</param>
/// <param name="LeafOrder">Sample indices in dendrogram order (a permutation of 0..n-1).</param>
public sealed record Dendrogram(int LeafCount, Linkage Linkage, IReadOnlyList<Merge> Merges, IReadOnlyList<int> LeafOrder);

/// <summary>
/// Agglomerative hierarchical clustering on a full distance matrix (the naive O(n^3) algorithm: samples are few).
/// Matches scipy.cluster.hierarchy.linkage(squareform(D), method) and leaves_list when no two candidate merges tie in
/// distance; with ties this picks the pair with the smallest cluster IDs first, where scipy's nearest-neighbour chain
/// may pick another (the tree heights are then equal but the leaf order may differ). Tested against scipy 1.10.1 on
/// correlation and Euclidean distances without ties: merges and leaf order exact, heights to 1e-12
/// (tests/…/Golden/qc, "clustering").
/// </summary>
public static class HierarchicalClustering
{
    /// <summary>Clusters the samples of a distance matrix bottom-up, merging the closest pair of clusters at each step.</summary>
    /// <param name="distances">n x n, n >= 1: symmetric, finite, non-negative, 0 on the diagonal (e.g.
    /// <see cref="SampleCorrelations.Distances"/>, 1 - r).</param>
    /// <param name="linkage">How cluster-to-cluster distances are updated after a merge.</param>
    /// <exception cref="ArgumentException">The matrix is empty, not square, not symmetric, has a non-zero diagonal or a
    /// negative or non-finite entry.</exception>
    public static Dendrogram Cluster(double[,] distances, Linkage linkage)
    {
        int n = Validate(distances);
        // d holds current cluster-to-cluster distances, indexed by slot; slot i first holds sample i, then the cluster
        // that absorbed it (scipy's labels are reassigned at the end, from the merge order).
        var d = (double[,])distances.Clone();
        var active = Enumerable.Range(0, n).ToList();
        var clusterId = Enumerable.Range(0, n).ToArray();
        var size = Enumerable.Repeat(1, n).ToArray();
        var merges = new List<Merge>(n - 1);
        for (int step = 0; step < n - 1; step++)
        {
            int bi = -1, bj = -1;
            double best = double.PositiveInfinity;
            int bestLow = int.MaxValue, bestHigh = int.MaxValue;
            for (int x = 0; x < active.Count; x++)
                for (int y = x + 1; y < active.Count; y++)
                {
                    int i = active[x], j = active[y];
                    double v = d[i, j];
                    int low = Math.Min(clusterId[i], clusterId[j]), high = Math.Max(clusterId[i], clusterId[j]);
                    // Strictly smaller distance wins; a tie goes to the pair with the smallest cluster IDs (deterministic).
                    if (v < best || (v == best && (low < bestLow || (low == bestLow && high < bestHigh))))
                    {
                        best = v; bi = i; bj = j; bestLow = low; bestHigh = high;
                    }
                }
            int newSize = size[bi] + size[bj];
            merges.Add(new Merge(bestLow, bestHigh, best, newSize));
            foreach (int k in active)
            {
                if (k == bi || k == bj) continue;
                double updated = linkage switch
                {
                    Linkage.Average => (size[bi] * d[bi, k] + size[bj] * d[bj, k]) / newSize,
                    Linkage.Complete => Math.Max(d[bi, k], d[bj, k]),
                    Linkage.Single => Math.Min(d[bi, k], d[bj, k]),
                    _ => throw new ArgumentOutOfRangeException(nameof(linkage)),
                };
                d[bi, k] = d[k, bi] = updated;
            }
            size[bi] = newSize;
            clusterId[bi] = n + step;
            active.Remove(bj);
        }
        return new Dendrogram(n, linkage, merges, LeafOrder(merges, n));
    }

    /// <summary>Depth-first leaf order from the root, Left before Right (scipy leaves_list).</summary>
    private static int[] LeafOrder(IReadOnlyList<Merge> merges, int n)
    {
        if (n == 1) return [0];
        var order = new List<int>(n);
        var stack = new Stack<int>();
        stack.Push(n + merges.Count - 1);
        while (stack.Count > 0)
        {
            int c = stack.Pop();
            if (c < n) { order.Add(c); continue; }
            var m = merges[c - n];
            stack.Push(m.Right);
            stack.Push(m.Left);
        }
        return order.ToArray();
    }

    private static int Validate(double[,] d)
    {
        ArgumentNullException.ThrowIfNull(d);
        int n = d.GetLength(0);
        if (d.GetLength(1) != n) throw new ArgumentException($"distance matrix must be square, got {n} x {d.GetLength(1)}");
        if (n < 1) throw new ArgumentException("distance matrix is empty");
        for (int i = 0; i < n; i++)
        {
            if (d[i, i] != 0) throw new ArgumentException($"distance matrix diagonal [{i},{i}] is {d[i, i]}, expected 0");
            for (int j = 0; j < n; j++)
            {
                if (!double.IsFinite(d[i, j]) || d[i, j] < 0) throw new ArgumentException($"distance [{i},{j}] = {d[i, j]} is not a finite non-negative number");
                if (d[i, j] != d[j, i]) throw new ArgumentException($"distance matrix is not symmetric at [{i},{j}] ({d[i, j]} vs {d[j, i]})");
            }
        }
        return n;
    }
}
