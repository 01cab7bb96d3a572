namespace OrganoidBiomarkers.Study;

/// <summary>What to do with a column named by a 12-character patient barcode, which carries no sample type.</summary>
public enum PatientLevelBarcodes
{
    /// <summary>Drop it: without a sample type it could be a normal-tissue or metastasis sample.</summary>
    Drop,
    /// <summary>
    /// Keep it as the patient's primary tumour: for sources documented to hold one tumour profile per patient (the
    /// Xena/SurvPath exports, whose reader already dropped patients listed twice).
    /// </summary>
    KeepAsPrimaryTumour,
}

/// <summary>How a source's gene identifiers become gene symbols before scoring.</summary>
public enum GeneIdentifiers
{
    /// <summary>Rows are already gene symbols.</summary>
    Symbols,
    /// <summary>Entrez IDs, mapped with the Hugo/Entrez pairs of the RNAseqDB READ matrix (unmapped dropped, counted).</summary>
    EntrezFromRnaseqDb,
}

/// <summary>A TCGA patient expression source: a file, how it is laid out and how its columns become one tumour per patient.</summary>
/// <param name="Id">The name results carry in their expression_source column, e.g. "xena_coadread".</param>
/// <param name="Input">Manifest id of the file.</param>
/// <param name="Layout">Name of an <see cref="Data.ExpressionTableLayout"/> preset, e.g. "XenaCsv".</param>
/// <param name="Barcodes">Rule for patient-level barcodes.</param>
/// <param name="Cancers">In words, e.g. "COAD+READ".</param>
/// <param name="Content">In words, e.g. "Xena Toil log2 TPM, 1,577 genes".</param>
/// <param name="GeneIds">Identifier mapping applied after reading.</param>
public sealed record ExpressionSourceDefinition(string Id, string Input, string Layout, PatientLevelBarcodes Barcodes, string Cancers, string Content,
    GeneIdentifiers GeneIds = GeneIdentifiers.Symbols);
