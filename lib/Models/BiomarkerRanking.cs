namespace OrganoidBiomarkers.Models;

/// <summary>One feature of a fitted model with its coefficient and 1-based rank by |coefficient|.</summary>
/// <param name="Rank">1-based position in the ranking (1 = largest |coefficient|).</param>
/// <param name="Name">The feature (pathway) name.</param>
/// <param name="Coefficient">The feature's coefficient in the standardised model, signed (positive: a higher score goes
/// with a higher response); for a learner without coefficients its signed permutation importance
/// (<see cref="PermutationImportance.AsBiomarkers"/>).</param>
public sealed record RankedBiomarker(int Rank, string Name, double Coefficient)
{
    /// <summary>|<see cref="Coefficient"/>|, the ranking key.</summary>
    public double AbsoluteCoefficient => Math.Abs(Coefficient);
}

/// <summary>
/// Biomarker ranking as in the paper: features ordered by |coefficient| descending (larger weight in the standardised
/// model = stronger biomarker); equal magnitudes are ordered by name (ordinal), so the order never depends on input order.
/// </summary>
public static class BiomarkerRanking
{
    /// <summary>Ranks <paramref name="featureNames"/> by |coefficient| descending, ties by name (ordinal).</summary>
    /// <param name="featureNames">One distinct name per feature.</param>
    /// <param name="coefficients">One finite coefficient per name, in the same order.</param>
    /// <returns>Every feature once, rank 1 first.</returns>
    /// <exception cref="ArgumentNullException">Either list is null.</exception>
    /// <exception cref="ArgumentException">The counts differ, a name appears twice, or a coefficient is NaN or infinite.</exception>
    public static IReadOnlyList<RankedBiomarker> ByAbsoluteCoefficient(IReadOnlyList<string> featureNames, IReadOnlyList<double> coefficients)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(coefficients);
        if (featureNames.Count != coefficients.Count)
            throw new ArgumentException($"BiomarkerRanking: {featureNames.Count} names but {coefficients.Count} coefficients");
        var dup = featureNames.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal).FirstOrDefault();
        if (dup is not null) throw new ArgumentException($"BiomarkerRanking: feature name '{dup}' appears more than once");
        for (int i = 0; i < coefficients.Count; i++)
            if (!double.IsFinite(coefficients[i]))
                throw new ArgumentException($"BiomarkerRanking: coefficient of '{featureNames[i]}' is {coefficients[i]}");
        var order = Enumerable.Range(0, featureNames.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            int c = Math.Abs(coefficients[b]).CompareTo(Math.Abs(coefficients[a]));
            return c != 0 ? c : StringComparer.Ordinal.Compare(featureNames[a], featureNames[b]);
        });
        return Array.AsReadOnly(order.Select((i, r) => new RankedBiomarker(r + 1, featureNames[i], coefficients[i])).ToArray());
    }

    /// <summary>Ranking of a fitted model's coefficients.</summary>
    public static IReadOnlyList<RankedBiomarker> Of(FittedModel model, IReadOnlyList<string> featureNames) =>
        ByAbsoluteCoefficient(featureNames, model.Coefficients);
}
