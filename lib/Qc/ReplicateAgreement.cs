using OrganoidBiomarkers.Data;

namespace OrganoidBiomarkers.Qc;

/// <summary>
/// How well a drug's IC50 replicates agree across organoids: Pearson r and Lin's concordance between replicate 1 and
/// replicate 2 of each organoid that has both. MeanDifference is mean(rep 2 - rep 1) in ln(uM).
/// </summary>
/// <param name="Drug">Screen drug name.</param>
/// <param name="Organoids">Organoids screened with the drug.</param>
/// <param name="Pairs">Organoids with both replicate 1 and replicate 2.</param>
/// <param name="Pearson">Pearson r of the pairs, NaN below <see cref="ReplicateAgreement.MinimumPairs"/> pairs.</param>
/// <param name="Concordance">Lin's CCC of the pairs, NaN below <see cref="ReplicateAgreement.MinimumPairs"/> pairs.</param>
/// <param name="MeanDifference">mean(rep 2 - rep 1) in ln uM, NaN without a pair.</param>
public sealed record DrugReplicateAgreement(string Drug, int Organoids, int Pairs, double Pearson, double Concordance, double MeanDifference);

/// <summary>Replicate agreement of a drug screen.</summary>
public static class ReplicateAgreement
{
    /// <summary>Fewest organoid pairs for which a correlation is reported (fewer gives NaN: r of 2 points is always +-1).</summary>
    public const int MinimumPairs = 3;

    /// <summary>
    /// The (replicate 1, replicate 2) ln IC50 pairs of one drug, one pair per organoid with at least two replicates, in
    /// ordinal organoid order. Replicates are numbered in the order of the published table (Table S2b gives no replicate
    /// or plate ID); organoids screened more often than twice (up to 11 times) contribute their first two rows only.
    /// </summary>
    /// <param name="measurements">One drug's measurements (<see cref="DrugScreen.ForDrug"/>).</param>
    public static IReadOnlyList<(string Organoid, double First, double Second)> Pairs(IReadOnlyList<DrugScreenMeasurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        return measurements.GroupBy(m => m.Organoid)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Organoid: g.Key, First: g.SingleOrDefault(m => m.Replicate == 1), Second: g.SingleOrDefault(m => m.Replicate == 2)))
            .Where(t => t.First is not null && t.Second is not null)
            .Select(t => (t.Organoid, t.First!.LnIc50, t.Second!.LnIc50))
            .ToList();
    }

    /// <summary>Agreement for one drug (by name or Drug_ID). Pearson and Concordance are NaN below <see cref="MinimumPairs"/> pairs.</summary>
    /// <param name="screen">The drug screen.</param>
    /// <param name="drug">Screen drug name (case-insensitive) or Drug_ID.</param>
    /// <exception cref="ArgumentException">The drug is not in the screen.</exception>
    public static DrugReplicateAgreement ForDrug(DrugScreen screen, string drug)
    {
        ArgumentNullException.ThrowIfNull(screen);
        var measurements = screen.ForDrug(drug);
        if (measurements.Count == 0) throw new ArgumentException($"drug '{drug}' is not in the screen");
        var pairs = Pairs(measurements);
        var first = pairs.Select(p => p.First).ToArray();
        var second = pairs.Select(p => p.Second).ToArray();
        bool enough = pairs.Count >= MinimumPairs;
        double meanDiff = pairs.Count == 0 ? double.NaN : pairs.Sum(p => p.Second - p.First) / pairs.Count;
        return new DrugReplicateAgreement(measurements[0].DrugName, measurements.Select(m => m.Organoid).Distinct().Count(), pairs.Count,
            enough ? Agreement.Pearson(first, second) : double.NaN,
            enough ? Agreement.LinConcordance(first, second) : double.NaN,
            meanDiff);
    }

    /// <summary>Agreement for every drug of the screen, in ordinal drug-name order.</summary>
    /// <param name="screen">The drug screen.</param>
    public static IReadOnlyList<DrugReplicateAgreement> ForAllDrugs(DrugScreen screen) =>
        screen.Drugs.Select(d => ForDrug(screen, d)).ToList();
}
