namespace OrganoidBiomarkers.Models;

/// <summary>Which gene sets an ssGSEA run scores, given a GMT without a description column (the authors' Reactome file).</summary>
public enum GeneSetConvention
{
    /// <summary>
    /// What the authors' gseapy 0.9 run scored: each set restricted to the measured genes (in file order; sets with none
    /// dropped), written out without a description column, then read by gseapy as name, description, genes, so that
    /// the first MEASURED gene of every set became its "description" and was lost (sets left empty dropped). On the
    /// 22 CRC organoids: 674 sets, 646 with a measured gene, 629 with a gene left, 612 with the 2 genes ssGSEA needs.
    /// </summary>
    Authors,

    /// <summary>Every gene of every set, as the file lists them (the file read with <see cref="Data.GmtLayout.NoDescription"/>).</summary>
    Corrected,
}
