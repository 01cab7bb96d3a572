using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;

namespace OrganoidBiomarkers.Study;

/// <summary>
/// Reads the inputs a study definition names, each with the reader its format field selects, so that a stage passes
/// definitions (a collection, a survival source, a drug-record source) instead of file ids and layouts.
/// <c>pathOf</c> everywhere resolves a manifest id to a local file (<c>DataStore.PathOf</c> in a run; a
/// fixture map in tests).
/// </summary>
public static class StudyInputs
{
    /// <summary>
    /// The <see cref="ExpressionTableLayout"/> preset with this name ("OrganoidGeo", "Gseapy", "XenaCsv", "RnaseqDb",
    /// "FirehoseCounts", "SymbolMatrix"), as data/study.json names layouts.
    /// </summary>
    /// <param name="name">A preset name, case-sensitive.</param>
    /// <exception cref="ArgumentException">An unknown name (the message lists the known ones).</exception>
    public static ExpressionTableLayout ExpressionLayout(string name) => name switch
    {
        nameof(ExpressionTableLayout.OrganoidGeo) => ExpressionTableLayout.OrganoidGeo,
        nameof(ExpressionTableLayout.Gseapy) => ExpressionTableLayout.Gseapy,
        nameof(ExpressionTableLayout.XenaCsv) => ExpressionTableLayout.XenaCsv,
        nameof(ExpressionTableLayout.RnaseqDb) => ExpressionTableLayout.RnaseqDb,
        nameof(ExpressionTableLayout.FirehoseCounts) => ExpressionTableLayout.FirehoseCounts,
        nameof(ExpressionTableLayout.SymbolMatrix) => ExpressionTableLayout.SymbolMatrix,
        _ => throw new ArgumentException($"unknown expression layout '{name}' (known: OrganoidGeo, Gseapy, XenaCsv, RnaseqDb, FirehoseCounts, SymbolMatrix)", nameof(name)),
    };

    /// <summary>The collection's organoid expression (genes x organoids, organoid IDs as the layout writes them).</summary>
    /// <param name="collection">A collection of the study.</param>
    /// <param name="pathOf">Manifest id to local path.</param>
    /// <param name="log">Receives the reader's counts (duplicated genes).</param>
    public static ExpressionMatrix OrganoidExpression(OrganoidCollection collection, Func<string, string> pathOf, CountLog log) =>
        ExpressionTables.Read(pathOf(collection.Expression), ExpressionLayout(collection.ExpressionLayout), log);

    /// <summary>
    /// The collection's drug screen, read by its <see cref="OrganoidCollection.ScreenFormat"/>: "VanDeWetering" (Table
    /// S2b of van de Wetering 2015: replicate IC50s and AUCs), "Lee2018Response" (the Lee 2018 bladder response table
    /// written by scripts/fetch-inputs: one AUC per line and drug, <see cref="CuratedScreen.FromResponses"/>).
    /// </summary>
    /// <param name="collection">A collection of the study.</param>
    /// <param name="pathOf">Manifest id to local path.</param>
    /// <param name="log">Receives the reader's counts.</param>
    /// <exception cref="ArgumentException">A screen format without a reader.</exception>
    public static DrugScreen OrganoidScreen(OrganoidCollection collection, Func<string, string> pathOf, CountLog log) => collection.ScreenFormat switch
    {
        "VanDeWetering" => DrugScreen.ReadVanDeWetering(pathOf(collection.Screen), log),
        "Lee2018Response" => CuratedScreen.FromResponses(OrganoidResponseTables.ReadLee2018(pathOf(collection.Screen)), collection.Screen, log),
        _ => throw new ArgumentException($"organoid collection {collection.Id}: no reader for screen format '{collection.ScreenFormat}' (known: VanDeWetering, Lee2018Response)"),
    };

    /// <summary>Every drug record of a source, its files read in order and pooled (each file's counts logged).</summary>
    /// <param name="source">A drug-record source of the study.</param>
    /// <param name="pathOf">Manifest id to local path.</param>
    /// <param name="log">Receives each reader's counts (records without a drug name dropped).</param>
    public static IReadOnlyList<DrugRecord> DrugRecords(DrugRecordSource source, Func<string, string> pathOf, CountLog log) =>
        source.Inputs.SelectMany(id => source.Format switch
        {
            DrugRecordFormat.Biotab => TcgaClinical.ReadBiotabDrugs(pathOf(id), log),
            DrugRecordFormat.Biolinks => TcgaClinical.ReadBiolinksDrugs(pathOf(id), log),
            _ => throw new ArgumentException($"drug records {source.Id}: unknown format {source.Format}"),
        }).ToList();

    /// <summary>
    /// Overall survival of the patients of <paramref name="projects"/> in one source: biotab (Dead: days to death,
    /// event; Alive: days to last contact), the GDC survival endpoint, or TCGA-CDR OS (Liu 2018).
    /// </summary>
    /// <param name="source">A survival source of the study.</param>
    /// <param name="projects">TCGA projects without "TCGA-" (e.g. ["COAD", "READ"]); each must have an input in the source.</param>
    /// <param name="pathOf">Manifest id to local path.</param>
    /// <param name="log">Receives each reader's counts.</param>
    public static IReadOnlyList<SurvivalRecord> Survival(SurvivalSourceDefinition source, IReadOnlyList<string> projects, Func<string, string> pathOf, CountLog log)
    {
        string Input(string project) => source.InputFor(project)
            ?? throw new ArgumentException($"survival source {source.Id} has no input for project {project}");
        return source.Format switch
        {
            SurvivalFormat.Biotab => projects.SelectMany(p => TcgaClinical.SurvivalFromBiotab(TcgaClinical.ReadBiotabPatients(pathOf(Input(p))), log, source.Id)).ToList(),
            SurvivalFormat.GdcSurvival => projects.SelectMany(p => TcgaClinical.ReadGdcSurvival(pathOf(Input(p)), "TCGA-" + p, log)).ToList(),
            // One TCGA-CDR file holds every cancer: read once for all the projects (they must share the input).
            SurvivalFormat.TcgaCdr => projects.Select(Input).Distinct(StringComparer.Ordinal).ToList() is [var single]
                ? TcgaClinical.ReadCdrSurvival(pathOf(single), projects.ToArray(), log)
                : throw new ArgumentException($"survival source {source.Id}: projects {string.Join("+", projects)} are in different TCGA-CDR files"),
            _ => throw new ArgumentException($"survival source {source.Id}: unknown format {source.Format}"),
        };
    }

    /// <summary>The sample (column) barcodes of a patient expression source, as its layout reads them.</summary>
    /// <param name="source">An expression source of the study.</param>
    /// <param name="pathOf">Manifest id to local path.</param>
    public static IReadOnlyList<string> ExpressionSamples(ExpressionSourceDefinition source, Func<string, string> pathOf) =>
        ExpressionTables.Read(pathOf(source.Input), ExpressionLayout(source.Layout), CountLog.Silent).Samples;
}
