using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Qc;
using OrganoidBiomarkers.Tests.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Qc;

internal static class QcData
{
    /// <summary>A samples x genes golden array as a genes x samples ExpressionMatrix (S0.., G0..).</summary>
    public static ExpressionMatrix FromSamplesByGenes(double[,] x)
    {
        int n = x.GetLength(0), p = x.GetLength(1);
        var v = new double[p, n];
        for (int s = 0; s < n; s++)
            for (int g = 0; g < p; g++) v[g, s] = x[s, g];
        return new ExpressionMatrix(Enumerable.Range(0, p).Select(g => $"G{g}").ToArray(), Enumerable.Range(0, n).Select(s => $"S{s}").ToArray(), v);
    }
}

public class SampleCorrelationsTests
{
    public static IEnumerable<object[]> Cases => QcGolden.Cases("clustering").Where(c => c.TryGetProperty("x", out _))
        .Select(c => new object[] { c.GetProperty("case").GetString()! });

    // Golden: numpy.corrcoef(x) (rows = samples) and, per sample, numpy.median of its row without the diagonal.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_numpy_corrcoef(string name)
    {
        var g = QcGolden.Case("clustering", name);
        var c = SampleCorrelations.Pearson(QcData.FromSamplesByGenes(g.Mat("x")));
        Close.Equal(g.Mat("corr"), c.R, QcTolerances.ClosedForm, $"{name} r");
        Close.Equal(g.Vec("median_to_others"), c.MedianToOthers(), QcTolerances.ClosedForm, $"{name} median r to others");
        for (int i = 0; i < c.Count; i++) Assert.Equal(1.0, c.R[i, i]);
    }

    [Fact]
    public void Distances_pairs_and_reordering()
    {
        var c = new SampleCorrelations(["a", "b", "c"], new[,] { { 1, 0.9, 0.2 }, { 0.9, 1, 0.5 }, { 0.2, 0.5, 1 } });
        var d = c.Distances();
        Assert.Equal(0.0, d[1, 1]);
        Assert.Equal(0.8, d[0, 2], 14);
        Assert.Equal([("a", "b", 0.9), ("a", "c", 0.2), ("b", "c", 0.5)], c.Pairs().Select(p => (p.A, p.B, p.R)));
        Assert.Equal([0.55, 0.7, 0.35], c.MedianToOthers().Select(v => Math.Round(v, 12)));
        var r = c.Reordered([2, 0, 1]);
        Assert.Equal(["c", "a", "b"], r.Samples);
        Assert.Equal(0.2, r["c", "a"]);
        Assert.Equal(0.5, r.R[0, 2]);
        Assert.Throws<ArgumentException>(() => c.Reordered([0, 0, 1]));
    }

    [Fact]
    public void Constant_sample_is_rejected()
    {
        var m = new ExpressionMatrix(["g1", "g2", "g3"], ["s1", "s2"], new double[,] { { 1, 5 }, { 2, 5 }, { 3, 5 } });
        var e = Assert.Throws<ArgumentException>(() => SampleCorrelations.Pearson(m));
        Assert.Contains("s2", e.Message);
    }
}

public class HierarchicalClusteringTests
{
    public static IEnumerable<object[]> Cases =>
        QcGolden.Names("clustering").SelectMany(c => new[] { "average", "complete", "single" }.Select(m => new object[] { c[0], m }));

    // Golden: scipy.cluster.hierarchy.linkage(squareform(D), method) and leaves_list(Z); D = 1 - numpy.corrcoef for the
    // expression cases, Euclidean distances for the nine points. The script asserts that no two merge heights tie.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scipy_linkage_and_leaves_list(string name, string method)
    {
        var g = QcGolden.Case("clustering", name);
        double[,] d;
        if (g.TryGetProperty("x", out _))
            d = SampleCorrelations.Pearson(QcData.FromSamplesByGenes(g.Mat("x"))).Distances();
        else
            d = g.Mat("distances");
        var linkage = method switch { "average" => Linkage.Average, "complete" => Linkage.Complete, _ => Linkage.Single };
        var tree = HierarchicalClustering.Cluster(d, linkage);
        var z = g.GetProperty(method).Mat("z");
        Assert.Equal(z.GetLength(0), tree.Merges.Count);
        for (int i = 0; i < tree.Merges.Count; i++)
        {
            var m = tree.Merges[i];
            Assert.Equal(((int)z[i, 0], (int)z[i, 1], (int)z[i, 3]), (m.Left, m.Right, m.Size));
            Close.Equal(z[i, 2], m.Height, QcTolerances.ClosedForm, $"{name} {method} height {i}");
        }
        Assert.Equal(g.GetProperty(method).Ints("leaves"), tree.LeafOrder);
    }

    // By hand: points 0, 1, 3, 7 on a line, distance |a - b|, average linkage.
    // Merge 0: {0,1} at 1 -> cluster 4. Then d(4,2) = (3+2)/2 = 2.5, d(4,3) = (7+6)/2 = 6.5, d(2,3) = 4.
    // Merge 1: {2, 4} at 2.5 -> cluster 5 (size 3). d(5,3) = (1*4 + 2*6.5)/3 = 17/3. Merge 2: {3, 5} at 17/3.
    // Leaves from the root (3, 5): 3, then 5 = (2, 4): 2, then 4 = (0, 1): 0, 1.
    [Fact]
    public void Average_linkage_by_hand()
    {
        double[] p = [0, 1, 3, 7];
        var d = new double[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) d[i, j] = Math.Abs(p[i] - p[j]);
        var tree = HierarchicalClustering.Cluster(d, Linkage.Average);
        Assert.Equal(new Merge(0, 1, 1, 2), tree.Merges[0]);
        Assert.Equal(new Merge(2, 4, 2.5, 3), tree.Merges[1]);
        Assert.Equal((3, 5, 4), (tree.Merges[2].Left, tree.Merges[2].Right, tree.Merges[2].Size));
        Assert.Equal(17.0 / 3.0, tree.Merges[2].Height, 14);
        Assert.Equal([3, 2, 0, 1], tree.LeafOrder);
    }

    [Fact]
    public void Rejects_invalid_distance_matrices()
    {
        Assert.Throws<ArgumentException>(() => HierarchicalClustering.Cluster(new double[2, 3], Linkage.Average));
        Assert.Throws<ArgumentException>(() => HierarchicalClustering.Cluster(new double[,] { { 0, 1 }, { 2, 0 } }, Linkage.Average));
        Assert.Throws<ArgumentException>(() => HierarchicalClustering.Cluster(new double[,] { { 1, 1 }, { 1, 0 } }, Linkage.Average));
        Assert.Throws<ArgumentException>(() => HierarchicalClustering.Cluster(new double[,] { { 0, -1 }, { -1, 0 } }, Linkage.Average));
        Assert.Throws<ArgumentException>(() => HierarchicalClustering.Cluster(new double[,] { { 0, double.NaN }, { double.NaN, 0 } }, Linkage.Average));
    }
}

public class PcaTests
{
    public static IEnumerable<object[]> Cases => QcGolden.Names("pca");

    // Golden: sklearn PCA(n_components=k, svd_solver='full').fit_transform(x), explained_variance_(_ratio_); sklearn 1.2
    // signs each component so the largest-|u| sample is positive (svd_flip, u-based), the convention implemented here.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_sklearn_PCA(string name)
    {
        var g = QcGolden.Case("pca", name);
        int k = (int)g.Num("components");
        var pca = Pca.OfSamples(QcData.FromSamplesByGenes(g.Mat("x")), k);
        Close.Equal(g.Mat("scores"), pca.Scores, QcTolerances.Eigen, $"{name} scores");
        Close.Equal(g.Vec("explained_variance"), pca.ExplainedVariance, QcTolerances.Eigen, $"{name} explained variance");
        Close.Equal(g.Vec("explained_variance_ratio"), pca.ExplainedVarianceRatio, QcTolerances.Eigen, $"{name} ratio");
    }

    [Fact]
    public void Largest_score_of_each_component_is_positive()
    {
        var g = QcGolden.Case("pca", "eight_by_forty");
        var pca = Pca.OfSamples(QcData.FromSamplesByGenes(g.Mat("x")), 3);
        for (int k = 0; k < pca.Components; k++)
        {
            var c = pca.Component(k);
            Assert.True(c.MaxBy(Math.Abs) > 0, $"component {k}");
        }
    }

    [Fact]
    public void Rejects_more_components_than_centred_rank()
    {
        var m = new ExpressionMatrix(["g1", "g2", "g3"], ["a", "b", "c"], new double[,] { { 1, 2, 4 }, { 0, 1, 1 }, { 3, 1, 2 } });
        Assert.Equal(2, Pca.OfSamples(m, 2).Components);
        Assert.Throws<ArgumentException>(() => Pca.OfSamples(m, 3));
        Assert.Throws<ArgumentException>(() => Pca.OfSamples(m, 0));
    }
}

public class OutlierRuleTests
{
    public static IEnumerable<object[]> FenceCases => QcGolden.Names("fence");
    public static IEnumerable<object[]> BoxCases => QcGolden.Names("box");

    // By hand: median correlations 0.90..0.96 (step 0.01) and one 0.70; sorted, n = 8.
    // Q1 at (n-1)0.25 = 1.75: 0.90 + 0.75 (0.91 - 0.90) = 0.9075. Q3 at 5.25: 0.94 + 0.25 (0.01) = 0.9425.
    // IQR = 0.035; lower fence = 0.9075 - 1.5 x 0.035 = 0.855: only 0.70 is below.
    [Fact]
    public void Tukey_lower_fence_by_hand()
    {
        double[] medians = [0.93, 0.90, 0.96, 0.70, 0.91, 0.95, 0.92, 0.94];
        var f = TukeyFence.Low(medians);
        Assert.Equal(0.9075, f.Q1, 12);
        Assert.Equal(0.9425, f.Q3, 12);
        Assert.Equal(0.855, f.Lower, 12);
        Assert.Equal([false, false, false, true, false, false, false, false], f.Below);
    }

    // By hand: n = 9, so Q1 and Q3 are the order statistics at positions 2 and 6 (0-based): 10 and 12. IQR = 2, fence
    // 10 - 1.5 x 2 = 7 exactly. The smallest value AT the fence (7) is kept; 6.9 (same order statistics) is flagged.
    [Fact]
    public void Value_at_the_fence_is_not_flagged()
    {
        var at = TukeyFence.Low([11, 7, 8, 10, 11, 11, 12, 13, 14]);
        Assert.Equal(7.0, at.Lower);
        Assert.DoesNotContain(true, at.Below);
        var below = TukeyFence.Low([11, 6.9, 8, 10, 11, 11, 12, 13, 14]);
        Assert.Equal([false, true, false, false, false, false, false, false, false], below.Below);
    }

    // Golden: numpy.percentile(v, [25, 75]) (linear), fence = Q1 - 1.5 IQR, flags v < fence; numpy 10th percentile and median.
    [Theory]
    [MemberData(nameof(FenceCases))]
    public void Matches_numpy_percentiles(string name)
    {
        var g = QcGolden.Case("fence", name);
        var v = g.Vec("values");
        var f = TukeyFence.Low(v);
        Close.Equal(g.Num("q1"), f.Q1, QcTolerances.ClosedForm, $"{name} q1");
        Close.Equal(g.Num("q3"), f.Q3, QcTolerances.ClosedForm, $"{name} q3");
        Close.Equal(g.Num("lower"), f.Lower, QcTolerances.ClosedForm, $"{name} fence");
        Assert.Equal(g.GetProperty("below").EnumerateArray().Select(b => b.GetBoolean()), f.Below);
        Close.Equal(g.Num("q10"), Quantiles.Linear(v, 0.10), QcTolerances.ClosedForm, $"{name} q10");
        Close.Equal(g.Num("median"), Quantiles.Linear(v, 0.5), QcTolerances.ClosedForm, $"{name} median");
    }

    [Fact]
    public void Rejects_bad_input()
    {
        Assert.Throws<ArgumentException>(() => TukeyFence.Low([1.0, 2.0, 3.0]));
        Assert.Throws<ArgumentException>(() => TukeyFence.Low([1.0, 2.0, 3.0, double.NaN]));
        Assert.Throws<ArgumentException>(() => TukeyFence.Low([1.0, 2.0, 3.0, 4.0], k: 0));
        Assert.Throws<ArgumentException>(() => Quantiles.Linear([1.0, 2.0], 1.5));
    }

    // Golden: matplotlib.cbook.boxplot_stats(v, whis=1.5): q1, med, q3, whislo, whishi, len(fliers).
    [Theory]
    [MemberData(nameof(BoxCases))]
    public void Box_summary_matches_matplotlib(string name)
    {
        var g = QcGolden.Case("box", name);
        var b = BoxSummary.Of(g.Vec("values"));
        Close.Equal([g.Num("q1"), g.Num("median"), g.Num("q3"), g.Num("whisker_low"), g.Num("whisker_high")],
            [b.Q1, b.Median, b.Q3, b.WhiskerLow, b.WhiskerHigh], QcTolerances.ClosedForm, $"{name} box");
        Assert.Equal((int)g.Num("beyond"), b.Beyond);
    }
}
