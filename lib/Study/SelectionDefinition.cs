namespace OrganoidBiomarkers.Study;

/// <summary>Where a selection of proximal pathways comes from.</summary>
public enum SelectionKind
{
    /// <summary>Read from the authors' published proximity z table.</summary>
    AuthorsTable,
    /// <summary>Recomputed by stage 03 on an interactome.</summary>
    Recomputed,
}

/// <summary>How an interactome file is read.</summary>
public enum NetworkFormat
{
    /// <summary>None (an authors' table, not a network).</summary>
    None,
    /// <summary>Gene-symbol edge table (gene_a, gene_b, weight).</summary>
    EdgeTable,
    /// <summary>SIF with Entrez IDs (entrezA 1 entrezB), mapped to symbols with the RNAseqDB Hugo/Entrez pairs.</summary>
    EntrezSif,
}

/// <summary>A selection of network-proximal pathways (stage 03), the features of stage 04's models.</summary>
/// <param name="Id">E.g. "authors", "string", "menche".</param>
/// <param name="Kind">Read from the authors' table or recomputed.</param>
/// <param name="Input">Manifest id of the table or network.</param>
/// <param name="Network">The network's name in results, e.g. "string_v10_notextmining_700".</param>
/// <param name="Format">How the network is read (recomputed selections).</param>
/// <param name="Label">In words, for tables and figures (e.g. "STRING stand-in"), or null.</param>
public sealed record SelectionDefinition(string Id, SelectionKind Kind, string Input, string Network, NetworkFormat Format = NetworkFormat.None, string? Label = null);
