using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>One input as loaded: what it is, where it came from, and its shape after parsing with its reader.</summary>
/// <param name="Id">The manifest id.</param>
/// <param name="File">The manifest's file path, or "(not available)" for an input this project does not have.</param>
/// <param name="Role">The manifest role (input, reference, validation).</param>
/// <param name="Status">The manifest status, or for a connected input the status its record gives (e.g. successor);
/// "missing" when not available.</param>
/// <param name="Source">Where the copy came from: mirror, cache, download, connected, or "not available".</param>
/// <param name="Rows">Rows (units) the reader returned; 0 when the input has no reader or is not available.</param>
/// <param name="Columns">Columns (or fields per row) of the parsed table; 0 likewise.</param>
/// <param name="Unit">What a row is, e.g. "drug rows"; for an unavailable input its content; for an input without a
/// reader, a note that only its checksum was checked.</param>
/// <param name="PaperUsed">What the paper used instead, when this is a stand-in or missing.</param>
public sealed record InventoryRow(string Id, string File, string Role, string Status, string Source, int Rows, int Columns, string Unit, string PaperUsed);

/// <summary>
/// Loads every manifest input with its own reader (so a malformed file fails here, at stage 01) and reports its shape.
/// Inputs the project does not have are listed with status 'missing'.
/// </summary>
public static class Inventory
{
    /// <summary>Reader per manifest id: returns (rows, columns, unit of a row).</summary>
    private static readonly Dictionary<string, Func<string, CountLog, (int Rows, int Columns, string Unit)>> Readers = new(StringComparer.Ordinal)
    {
        ["crc_expression"] = (p, log) => Shape(ExpressionTables.Read(p, ExpressionTableLayout.OrganoidGeo, log)),
        ["crc_drug_screen"] = (p, log) => (DrugScreen.ReadVanDeWetering(p, log).Measurements.Count, 7, "replicate IC50s"),
        ["crc_median_response"] = (p, _) => (DrugScreen.ReadAuthorsMedians(p).Count, 3, "organoid x drug medians"),
        ["blca_organoid_response"] = (p, _) => (OrganoidResponseTables.ReadLee2018(p).Count, 7, "line x drug AUCs"),
        ["blca_organoid_gsm_map"] = (p, _) => (OrganoidResponseTables.ReadGsmMap(p).Count, 3, "GEO samples"),
        ["authors_proximity_z"] = (p, _) => AuthorsProximityTable.Read(p) is var t ? (t.Pathways.Count, t.Drugs.Count, "pathways x drugs") : default,
        ["drug_targets"] = (p, _) => (DrugTargets.Read(p).Count, 2, "drug rows"),
        ["drugbank_targets"] = (p, _) => (DrugBankVocabulary.ReadTargets(p).Count, 13, "target polypeptides"),
        ["drugbank_vocabulary"] = (p, _) => (DrugBankVocabulary.Read(p).Count, 7, "drugs"),
        ["ensembl_symbols"] = (p, log) => (GeneIdMaps.ReadEnsembl(p, log).Count, 2, "Ensembl genes"),
        ["coad_biotab_drug"] = (p, log) => (TcgaClinical.ReadBiotabDrugs(p, log).Count, 28, "drug records"),
        ["coad_biotab_patient"] = (p, _) => (TcgaClinical.ReadBiotabPatients(p).Count, 94, "patients"),
        ["coad_gdc_files"] = (p, _) => (GdcFiles.ReadMetadata(p).Count, 4, "expression files"),
        ["coad_gdc_manifest"] = (p, _) => (GdcFiles.ReadManifest(p).Count, 5, "files"),
        ["blca_drug"] = (p, log) => (TcgaClinical.ReadBiolinksDrugs(p, log).Count, 7, "drug records"),
        ["coad_drug"] = (p, log) => (TcgaClinical.ReadBiolinksDrugs(p, log).Count, 7, "drug records"),
        ["read_drug"] = (p, log) => (TcgaClinical.ReadBiolinksDrugs(p, log).Count, 7, "drug records"),
        ["gdc_survival"] = (p, _) => (DelimitedFile.Read(p, '\t').Rows.Count, 6, "cases (all projects)"),
        ["tcga_cdr_survival"] = (p, _) => (DelimitedFile.Read(p, '\t').Rows.Count, 11, "patients (all cancers)"),
        ["tcga_recist"] = (p, _) => (TcgaClinical.ReadRecist(p).Count, 13, "drug records"),
        ["xena_coadread"] = (p, log) => Shape(ExpressionTables.Read(p, ExpressionTableLayout.XenaCsv, log)),
        ["xena_blca"] = (p, log) => Shape(ExpressionTables.Read(p, ExpressionTableLayout.XenaCsv, log)),
        ["rnaseqdb_read_fpkm"] = (p, log) => Shape(ExpressionTables.Read(p, ExpressionTableLayout.RnaseqDb, log)),
        ["rnaseqdb_read_counts"] = (p, log) => Shape(ExpressionTables.Read(p, ExpressionTableLayout.RnaseqDb, log)),
        ["firehose_crc_counts"] = (p, log) => Shape(ExpressionTables.Read(p, ExpressionTableLayout.FirehoseCounts, log)),
        ["firehose_crc_pheno"] = (p, _) => (DelimitedFile.Read(p, '\t').Rows.Count, 19, "samples"),
        ["ref_gseapy_expression"] = (p, log) => Shape(ExpressionTables.Read(p, ExpressionTableLayout.Gseapy, log)),
        ["tiriac_response"] = (p, _) => (OrganoidResponseTables.ReadTiriac2018(p).Count, 3, "organoid x drug AUCs"),
        ["crc_screen_xlsx"] = (p, _) => Workbook(p),
        ["crc_rescreen_xlsx"] = (p, _) => Workbook(p),
        ["reactome_gmt"] = (p, log) => (GmtReader.Read(p, GmtLayout.NoDescription, log).Count, 2, "gene sets (name, genes)"),
        ["ref_gseapy_gmt"] = (p, log) => (GmtReader.Read(p, GmtLayout.NoDescription, log).Count, 2, "gene sets (name, genes)"),
        ["string_network"] = (p, _) => (NetworkFiles.ReadEdgeTable(p).Count, 3, "edges"),
        ["menche_network"] = (p, _) => (NetworkFiles.ReadSif(p).Count, 3, "edges (Entrez IDs)"),
        ["ref_gseapy_raw_es"] = (p, _) => GseapyScores.Read(p) is var t ? (t.Pathways.Count, t.Samples.Count, "pathways x organoids") : default,
        ["ref_gseapy_nes"] = (p, _) => GseapyScores.Read(p) is var t ? (t.Pathways.Count, t.Samples.Count, "pathways x organoids") : default,
        ["authors_demo_topk"] = (p, _) => (AuthorsDemoOutputs.ReadTopK(p).Count, 8, "model x k rows"),
        ["authors_demo_k1_values"] = (p, _) => (AuthorsDemoOutputs.ReadKaplanMeierValues(p).Count, 11, "models (k = 1 figures)"),
        ["tiriac_samples"] = (p, _) => (DelimitedFile.Read(p, '\t').Rows.Count, 37, "samples"),
        // Inputs of the connected run (scripts/fetch-inputs), read when fetched.
        ["string_v10_5"] = (p, _) => (NetworkFiles.ReadEdgeTable(p).Count, 3, "edges"),
        ["tcga_coad_fpkm_uq"] = (p, log) => Shape(ExpressionTables.Read(p, ExpressionTableLayout.SymbolMatrix, log)),
        ["tcga_read_fpkm_uq"] = (p, log) => Shape(ExpressionTables.Read(p, ExpressionTableLayout.SymbolMatrix, log)),
        ["tcga_blca_fpkm_uq"] = (p, log) => Shape(ExpressionTables.Read(p, ExpressionTableLayout.SymbolMatrix, log)),
        ["blca_organoid_expression"] = (p, log) => Shape(ExpressionTables.Read(p, ExpressionTableLayout.SymbolMatrix, log)),
        ["blca_organoid_response_published"] = (p, _) => (OrganoidResponseTables.ReadLee2018(p).Count, 9, "line x drug responses"),
        ["blca_biotab_drug"] = (p, log) => (TcgaClinical.ReadBiotabDrugs(p, log).Count, TcgaClinical.ReadBiotab(p).Header.Count, "drug records"),
        ["blca_biotab_patient"] = (p, _) => (TcgaClinical.ReadBiotabPatients(p).Count, TcgaClinical.ReadBiotab(p).Header.Count, "patients"),
        ["read_biotab_drug"] = (p, log) => (TcgaClinical.ReadBiotabDrugs(p, log).Count, TcgaClinical.ReadBiotab(p).Header.Count, "drug records"),
        ["read_biotab_patient"] = (p, _) => (TcgaClinical.ReadBiotabPatients(p).Count, TcgaClinical.ReadBiotab(p).Header.Count, "patients"),
        ["coad_biotab_drug_gdc"] = (p, log) => (TcgaClinical.ReadBiotabDrugs(p, log).Count, TcgaClinical.ReadBiotab(p).Header.Count, "drug records"),
        ["coad_biotab_patient_gdc"] = (p, _) => (TcgaClinical.ReadBiotabPatients(p).Count, TcgaClinical.ReadBiotab(p).Header.Count, "patients"),
    };

    /// <summary>Registers a reader for an id (used for formats whose readers live in other folders, e.g. GMT, networks).</summary>
    /// <param name="id">A manifest id; a reader already registered for it is replaced.</param>
    /// <param name="reader">Reads the file at a path and returns (rows, columns, unit of a row).</param>
    public static void Register(string id, Func<string, CountLog, (int Rows, int Columns, string Unit)> reader) => Readers[id] = reader;

    /// <summary>
    /// Every input with its shape. A connected input (fetch mode <c>connected</c>) that has not been fetched is listed as
    /// missing when the paper used it and this project has nothing else (manifest status <c>missing</c>, exactly as a
    /// not-available row), and left out otherwise (status <c>connected</c>: an extra input of the connected run), so an
    /// offline run's inventory does not change; once fetched, it is listed with the status its record gives (original,
    /// successor, refit, ...) and source <c>connected</c>.
    /// </summary>
    /// <param name="store">The data store; every available input is resolved (and its sha256 checked).</param>
    /// <param name="log">Receives the readers' counts.</param>
    /// <exception cref="InputException">An input fails its checksum or its reader.</exception>
    public static IReadOnlyList<InventoryRow> Load(DataStore store, CountLog log)
    {
        var rows = new List<InventoryRow>();
        foreach (var e in store.Entries)
        {
            bool unfetched = e.Fetch == FetchMode.Connected && !store.IsAvailable(e.Id);
            if (unfetched && e.Status != "missing") continue;
            if (e.Fetch == FetchMode.NotAvailable || unfetched)
            {
                rows.Add(new InventoryRow(e.Id, "(not available)", e.Role, "missing", "not available", 0, 0, e.Content, e.PaperUsed));
                continue;
            }
            var resolved = store.Resolve(e.Id);
            var (n, c, unit) = Readers.TryGetValue(e.Id, out var read) ? read(resolved.Path, log) : (0, 0, "(checksum only: no reader; see data/README.md)");
            rows.Add(new InventoryRow(e.Id, e.File, e.Role, resolved.Connected?.Status ?? e.Status, resolved.Source.ToString().ToLowerInvariant(), n, c, unit, e.PaperUsed));
        }
        return rows;
    }

    private static (int, int, string) Workbook(string path)
    {
        var sheets = XlsxWorkbook.SheetNames(path);
        int rows = sheets.Sum(s => XlsxWorkbook.ReadSheet(path, s).Count);
        return (rows, sheets.Count, $"worksheet rows (sheets: {string.Join("; ", sheets)})");
    }

    private static (int, int, string) Shape(ExpressionMatrix m) => (m.GeneCount, m.SampleCount, "genes x samples");
}
