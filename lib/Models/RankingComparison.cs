using OrganoidBiomarkers.Common;
namespace OrganoidBiomarkers.Models;

/// <summary>
/// How two biomarker rankings of one feature set agree: the two top biomarkers, whether they are the same pathway with
/// the same coefficient sign (then a k = 1 patient score splits patients identically), the Spearman correlation of the
/// signed coefficients over the common features, and how many of the top <see cref="TopK"/> are shared.
/// </summary>
/// <param name="TopA">Rank-1 feature of ranking a.</param>
/// <param name="TopCoefficientA">Its coefficient (signed).</param>
/// <param name="TopB">Rank-1 feature of ranking b.</param>
/// <param name="TopCoefficientB">Its coefficient (signed).</param>
/// <param name="CoefficientSpearman">Spearman rho (average ties) of the signed coefficients over the common features
/// (paired by name), in [-1, 1]; NaN with fewer than 2 common features or constant coefficients.</param>
/// <param name="TopKShared">Features in both top-<paramref name="TopK"/> lists (0..TopK).</param>
/// <param name="TopK">The k compared: the requested k, capped at the shorter ranking's length.</param>
/// <param name="CommonFeatures">Features present in both rankings.</param>
public sealed record RankingAgreement(string TopA, double TopCoefficientA, string TopB, double TopCoefficientB,
    double CoefficientSpearman, int TopKShared, int TopK, int CommonFeatures)
{
    /// <summary>The two rankings have the same rank-1 feature (ordinal name comparison), whatever the signs.</summary>
    public bool SameTop => string.Equals(TopA, TopB, StringComparison.Ordinal);

    /// <summary>Same top pathway with the same sign: the k = 1 patient score orders patients identically (up to a positive factor).</summary>
    public bool SameTopAndSign => SameTop && Math.Sign(TopCoefficientA) == Math.Sign(TopCoefficientB) && TopCoefficientA != 0;
}

/// <summary>Compares two biomarker rankings of one model input, e.g. two models, or one model on two inputs (<see cref="RankingAgreement"/>).</summary>
public static class RankingComparison
{
    /// <summary>
    /// Compares ranking <paramref name="b"/> with ranking <paramref name="a"/> (both from <see cref="BiomarkerRanking"/>).
    /// With fewer than 2 common features (a model of one pathway) the coefficient correlation is undefined: NaN; the top
    /// pathways and their signs are still compared.
    /// </summary>
    /// <exception cref="ArgumentException">An empty ranking, or topK &lt; 1.</exception>
    public static RankingAgreement Compare(IReadOnlyList<RankedBiomarker> a, IReadOnlyList<RankedBiomarker> b, int topK = 5)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0) throw new ArgumentException("RankingComparison: an empty ranking");
        if (topK < 1) throw new ArgumentException($"RankingComparison: topK must be >= 1 (got {topK})");
        var inB = b.ToDictionary(x => x.Name, x => x.Coefficient, StringComparer.Ordinal);
        // Ordinal name order, so the correlation never depends on how either ranking broke ties.
        var common = a.Where(x => inB.ContainsKey(x.Name)).OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
        double rho = common.Count < 2 ? double.NaN : Correlation.Spearman(common.Select(x => x.Coefficient).ToArray(), common.Select(x => inB[x.Name]).ToArray());
        int k = Math.Min(topK, Math.Min(a.Count, b.Count));
        int shared = a.Take(k).Select(x => x.Name).Intersect(b.Take(k).Select(x => x.Name), StringComparer.Ordinal).Count();
        return new RankingAgreement(a[0].Name, a[0].Coefficient, b[0].Name, b[0].Coefficient, rho, shared, k, common.Count);
    }
}
