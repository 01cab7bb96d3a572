using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>Gene identifier maps (Ensembl -> symbol, Entrez -> symbol), with one-to-many IDs counted.</summary>
public static class GeneIdMaps
{
    /// <summary>ENSG_GENESYMBOL (Gene stable ID, Gene name). An Ensembl ID listed twice keeps its first symbol (counted).</summary>
    /// <param name="path">The tab-separated map.</param>
    /// <param name="log">Receives rows read, IDs kept, empty rows and conflicting IDs.</param>
    /// <returns>Ensembl ID to symbol; rows with an empty or "NA" ID or symbol are skipped.</returns>
    /// <exception cref="InputException">A missing column or a malformed line.</exception>
    public static IReadOnlyDictionary<string, string> ReadEnsembl(string path, CountLog log)
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns("Gene stable ID", "Gene name");
        return Build(t.Rows.Select(r => (r[c["Gene stable ID"]], r[c["Gene name"]])), Path.GetFileName(path), log);
    }

    /// <summary>Entrez -> Hugo symbol from the first two columns of an RNAseqDB matrix (Hugo_Symbol, Entrez_Gene_Id).</summary>
    /// <param name="path">The RNAseqDB matrix (gzip when it ends in .gz).</param>
    /// <param name="log">Receives rows read, IDs kept, empty rows and conflicting IDs.</param>
    /// <returns>Entrez ID to symbol; rows with an empty, "NA" or "0" ID, or an empty or "NA" symbol, are skipped.</returns>
    /// <exception cref="InputException">A missing column or a malformed line.</exception>
    public static IReadOnlyDictionary<string, string> ReadEntrezFromRnaseqDb(string path, CountLog log)
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns("Hugo_Symbol", "Entrez_Gene_Id");
        return Build(t.Rows.Select(r => (r[c["Entrez_Gene_Id"]], r[c["Hugo_Symbol"]])), Path.GetFileName(path), log);
    }

    private static IReadOnlyDictionary<string, string> Build(IEnumerable<(string Id, string Symbol)> pairs, string file, CountLog log)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        int rows = 0, conflicting = 0, empty = 0;
        foreach (var (id, symbol) in pairs)
        {
            rows++;
            if (id.Length == 0 || symbol.Length == 0 || symbol == "NA" || id == "NA" || id == "0") { empty++; continue; }
            if (!map.TryAdd(id, symbol) && map[id] != symbol) conflicting++;
        }
        log.Record($"{file}: ID -> symbol map", rows, map.Count, $"{empty} row(s) with an empty ID or symbol; {conflicting} ID(s) with a second, different symbol (first kept)");
        return map;
    }
}
