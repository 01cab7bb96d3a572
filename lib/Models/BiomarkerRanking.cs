namespace OrganoidBiomarkers.Models;

/// <summary>One feature of a fitted model with its coefficient and 1-based rank by |coefficient|.</summary>
public sealed record RankedBiomarker(int Rank, string Name, double Coefficient)
{
    public double AbsoluteCoefficient => Math.Abs(Coefficient);
}

/// <summary>
/// Biomarker ranking as in the paper: features ordered by |coefficient| descending (larger weight in the standardised
/// model = stronger biomarker); equal magnitudes are ordered by name (ordinal), so the order never depends on input order.
/// </summary>
public static class BiomarkerRanking
{
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
