using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;

namespace OrganoidBiomarkers.Study;

/// <summary>
/// One organoid's response to one training drug, as stage 01 hands it over (output/stages/01/organoid_response.tsv):
/// the paper's response (median ln IC50 over replicates, van de Wetering 2015 Table S2b, ln µM), the median replicate AUC
/// (bounded by the tested range: stage 04's check of the extrapolated IC50s) and the highest tested concentration.
/// </summary>
/// <param name="Organoid">Organoid ID as in the expression columns (upper case, e.g. "P19A").</param>
/// <param name="Drug">The screen's drug name, e.g. "5-Fluorouracil" (<see cref="DrugIdentity.ScreenName"/>).</param>
/// <param name="MedianLnIc50">Median over replicates of ln IC50 (µM); finite.</param>
/// <param name="Replicates">Number of replicates (≥ 1).</param>
/// <param name="MedianAuc">Median over replicates of the AUC (a fraction, near 1 = little killing).</param>
/// <param name="MaxConcentration">Highest tested concentration (µM, &gt; 0).</param>
/// <param name="Collection">The organoid collection whose screen it comes from (e.g. "crc"); null in files written before
/// collections were recorded (one collection). A response table without IC50s or tested concentrations (a bladder
/// collection's <see cref="CuratedScreen"/>) leaves <paramref name="MedianLnIc50"/> and <paramref name="MaxConcentration"/> NaN.</param>
public sealed record OrganoidResponseSummary(string Organoid, string Drug, double MedianLnIc50, int Replicates, double MedianAuc, double MaxConcentration,
    string? Collection = null)
{
    /// <summary>True when the median IC50 lies above the highest tested concentration: 50% inhibition was never reached and the value is an extrapolation.</summary>
    public bool AboveTestedRange => AboveHighestTested(MedianLnIc50, MaxConcentration);

    /// <summary>The rule of "above the tested range": ln IC50 &gt; ln(highest tested concentration), strictly (an IC50 at a tested concentration is within).</summary>
    /// <param name="lnIc50">ln IC50 (µM), finite.</param>
    /// <param name="maxConcentration">Highest tested concentration (µM, &gt; 0).</param>
    public static bool AboveHighestTested(double lnIc50, double maxConcentration) => lnIc50 > Math.Log(maxConcentration);

    /// <summary>The schema of organoid_response.tsv: organoid, drug, median_ln_ic50, replicates, median_auc, max_conc_um, collection (NaN written NA).</summary>
    /// <param name="rows">The summaries, written in the order given.</param>
    public static TsvTable Table(IEnumerable<OrganoidResponseSummary> rows) => TsvTable.From(rows,
        ("organoid", r => r.Organoid), ("drug", r => r.Drug), ("median_ln_ic50", r => r.MedianLnIc50), ("replicates", r => r.Replicates),
        ("median_auc", r => r.MedianAuc), ("max_conc_um", r => r.MaxConcentration), ("collection", r => r.Collection));

    /// <summary>
    /// One collection's training response to one drug by organoid (ordinal order): the collection's rows (all rows when a
    /// file records no collection), under the collection's <see cref="OrganoidCollection.TrainingResponse"/>.
    /// </summary>
    /// <param name="rows">Rows of organoid_response.tsv.</param>
    /// <param name="collection">The training set's collection.</param>
    /// <param name="screenName">The drug as the study names it in screens.</param>
    public static IReadOnlyDictionary<string, double> TrainingResponse(IEnumerable<OrganoidResponseSummary> rows, OrganoidCollection collection, string screenName)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return ForDrug(rows.Where(r => r.Collection is null || r.Collection == collection.Id), screenName, collection.ResponseOf);
    }

    /// <summary>The responses to one drug by organoid (ordinal order), e.g. a model's training response.</summary>
    /// <param name="rows">Rows of organoid_response.tsv.</param>
    /// <param name="screenName">The screen's drug name.</param>
    /// <param name="value">Which measure: e.g. <c>r =&gt; r.MedianLnIc50</c>.</param>
    /// <exception cref="ArgumentException">No row for the drug, or an organoid listed twice for it.</exception>
    public static IReadOnlyDictionary<string, double> ForDrug(IEnumerable<OrganoidResponseSummary> rows, string screenName, Func<OrganoidResponseSummary, double> value)
    {
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in rows.Where(r => r.Drug == screenName))
            if (!result.TryAdd(r.Organoid, value(r))) throw new ArgumentException($"organoid {r.Organoid} has two {screenName} responses");
        if (result.Count == 0) throw new ArgumentException($"no organoid response for drug '{screenName}' (rerun stage 01, or check the arm's screen_name)");
        return result;
    }
}
