namespace OrganoidBiomarkers.Data;

/// <summary>Which tab-separated field of a GMT line holds what.</summary>
public enum GmtLayout
{
    /// <summary>
    /// Field 1 set name, field 2 description, genes from field 3: the Broad/MSigDB GMT format, and what gseapy 0.9
    /// assumes (<c>line.strip().split("\t")[2:]</c>). Reading a file WITHOUT a description column this way silently
    /// drops each set's first gene: that is what happened to the authors' pathways/reactome_msigdb_v6.1.gmt (and
    /// their gseapy_input_reactome.gmt), so use this layout on those files only to reproduce the authors' scores.
    /// </summary>
    Standard,

    /// <summary>
    /// Field 1 set name, genes from field 2; no description (<see cref="Common.GeneSet.Description"/> is null). The
    /// layout the authors' Reactome files actually have.
    /// </summary>
    NoDescription,
}
