using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// A curated response table (one value per organoid line and drug, e.g. the Lee 2018 bladder organoids as
/// scripts/fetch-inputs writes them: Table S3's AUC with replicates averaged, or CoderData's refit AUC) as a
/// <see cref="DrugScreen"/>, so the study's organoid cohorts and responses are built from it exactly as from a replicate
/// screen. Each line x drug becomes one measurement: its AUC is the table's response; the table gives no usable IC50 nor
/// the tested concentrations, so ln IC50 and the highest concentration are NaN (a collection trained on such a table
/// trains on the AUC: <c>OrganoidCollection.TrainingResponse</c>).
/// </summary>
public static class CuratedScreen
{
    /// <summary>The responses as a screen; drug names as the table writes them (upper case), matched case-insensitively by <see cref="DrugScreen.ForDrug"/>.</summary>
    /// <param name="responses">The table's rows (<see cref="OrganoidResponseTables.ReadLee2018"/>).</param>
    /// <param name="source">The table's manifest id, for the counts.</param>
    /// <param name="log">Receives one count: rows, lines and drugs.</param>
    public static DrugScreen FromResponses(IReadOnlyList<CuratedResponse> responses, string source, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(log);
        var measurements = responses.Select(r => new DrugScreenMeasurement(r.Sample, r.Drug, r.Drug, double.NaN, double.NaN, double.NaN, r.Value, 1)).ToList();
        log.Record($"{source}: response table as a screen", responses.Count, measurements.Count,
            $"one value per line and drug ({responses.Select(r => r.Sample).Distinct(StringComparer.Ordinal).Count()} lines x {responses.Select(r => r.Drug).Distinct(StringComparer.Ordinal).Count()} drugs; " +
            $"metric: {string.Join(", ", responses.Select(r => r.Metric).Distinct(StringComparer.Ordinal))}); no IC50 or tested concentrations: AUC only");
        return new DrugScreen(measurements);
    }
}
