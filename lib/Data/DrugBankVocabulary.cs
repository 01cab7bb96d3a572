using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>One DrugBank drug with its common name and synonyms.</summary>
/// <param name="Id">DrugBank ID, e.g. "DB00544".</param>
/// <param name="CommonName">Common name as written, e.g. "Fluorouracil".</param>
/// <param name="Synonyms">Synonyms as written (the " | "-separated field, trimmed, empty ones dropped).</param>
public sealed record DrugBankDrug(string Id, string CommonName, IReadOnlyList<string> Synonyms);

/// <summary>Reader of drugbank_vocabulary.csv (quoted CSV; synonyms separated by " | ").</summary>
public static class DrugBankVocabulary
{
    /// <summary>Every drug of drugbank_vocabulary.csv, in file order.</summary>
    /// <param name="path">The quoted CSV (columns "DrugBank ID", "Common name", "Synonyms").</param>
    /// <exception cref="InputException">A missing column, an ID not starting with "DB", or an ID listed twice (names the line).</exception>
    public static IReadOnlyList<DrugBankDrug> Read(string path)
    {
        var t = DelimitedFile.Read(path, ',', new DelimitedOptions { Quoted = true });
        var c = t.RequireColumns("DrugBank ID", "Common name", "Synonyms");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<DrugBankDrug>(t.Rows.Count);
        foreach (var r in t.Rows)
        {
            string id = r[c["DrugBank ID"]];
            if (!id.StartsWith("DB", StringComparison.Ordinal)) throw new InputException(path, r.Line, $"'{id}' is not a DrugBank ID", "restore the original file");
            if (!ids.Add(id)) throw new InputException(path, r.Line, $"DrugBank ID {id} appears twice", "restore the original file");
            var synonyms = r[c["Synonyms"]].Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            list.Add(new DrugBankDrug(id, r[c["Common name"]].Trim(), synonyms));
        }
        return list;
    }

    /// <summary>drugbank_all_target_polypeptide_ids_*.csv: (gene name, species, DrugBank IDs) per target.</summary>
    /// <param name="path">The quoted CSV (columns "Gene Name", "Species", "Drug IDs" with ';'-separated IDs).</param>
    /// <exception cref="InputException">A missing column or a malformed line.</exception>
    public static IReadOnlyList<(string Gene, string Species, IReadOnlyList<string> DrugIds)> ReadTargets(string path)
    {
        var t = DelimitedFile.Read(path, ',', new DelimitedOptions { Quoted = true });
        var c = t.RequireColumns("Gene Name", "Species", "Drug IDs");
        return t.Rows.Select(r => (r[c["Gene Name"]], r[c["Species"]],
            (IReadOnlyList<string>)r[c["Drug IDs"]].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).ToList();
    }
}
