namespace OrganoidBiomarkers.Data;

/// <summary>Whether genes are rows (most files) or columns (Xena CSV exports: one row per sample).</summary>
public enum Orientation
{
    /// <summary>One row per gene, one column per sample (the ID column holds gene IDs).</summary>
    GenesInRows,

    /// <summary>One row per sample, one column per gene (the ID column holds sample IDs); read transposed.</summary>
    SamplesInRows,
}

/// <summary>How an expression file is laid out, and the rules applied while reading it.</summary>
public sealed record ExpressionTableLayout
{
    /// <summary>The field separator: tab (default) or ',' for CSV exports.</summary>
    public char Separator { get; init; } = '\t';

    /// <summary>Whether genes are rows (default) or samples are rows.</summary>
    public Orientation Orientation { get; init; } = Orientation.GenesInRows;

    /// <summary>The header of the ID column (gene IDs, or sample IDs when samples are rows). Empty string allowed.</summary>
    public required string IdColumn { get; init; }
    /// <summary>Annotation columns that are not samples (e.g. uniprotID, DESCRIPTION, Entrez_Gene_Id).</summary>
    public IReadOnlyList<string> AnnotationColumns { get; init; } = [];

    /// <summary>What to do with a gene ID that occurs twice (default: refuse the file).</summary>
    public DuplicatePolicy DuplicateGenes { get; init; } = DuplicatePolicy.Fail;

    /// <summary>What to do with a sample ID that occurs twice, after <see cref="SampleName"/> (default: refuse the file).</summary>
    public DuplicatePolicy DuplicateSamples { get; init; } = DuplicatePolicy.Fail;

    /// <summary>The scale the values must be on (default log2), checked while reading to catch a wrong file or transform.</summary>
    public ValueScale Scale { get; init; } = ValueScale.Log2;

    /// <summary>Applied to every sample name (e.g. upper-casing organoid IDs).</summary>
    public Func<string, string>? SampleName { get; init; }

    /// <summary>GEO-derived CRC organoid expression (geneID, uniprotID, then one column per organoid), log2 RMA.</summary>
    public static ExpressionTableLayout OrganoidGeo => new() { IdColumn = "geneID", AnnotationColumns = ["uniprotID"], SampleName = s => s.ToUpperInvariant() };

    /// <summary>gseapy input as written by the authors (NAME, DESCRIPTION, samples).</summary>
    public static ExpressionTableLayout Gseapy => new() { IdColumn = "NAME", AnnotationColumns = ["DESCRIPTION"] };

    /// <summary>
    /// UCSC Xena Toil CSV as exported by SurvPath: one row per patient barcode (empty first header), genes as columns,
    /// log2(TPM + 0.001). The export keeps only 12-character patient barcodes, so when a patient has two rows it is
    /// unknowable which is the primary tumour: both are dropped (and counted).
    /// </summary>
    public static ExpressionTableLayout XenaCsv => new() { Separator = ',', Orientation = Orientation.SamplesInRows, IdColumn = "", DuplicateSamples = DuplicatePolicy.Drop };

    /// <summary>RNAseqDB (Wang 2018) gz matrices: Hugo_Symbol, Entrez_Gene_Id, then aliquot barcodes; linear values.</summary>
    public static ExpressionTableLayout RnaseqDb => new() { IdColumn = "Hugo_Symbol", AnnotationColumns = ["Entrez_Gene_Id"], Scale = ValueScale.Linear };

    /// <summary>
    /// A gene-symbol matrix written by <c>scripts/fetch-inputs</c> (<c>data/connected/inputs/</c>): <c>gene</c>, then one
    /// column per sample (16-character TCGA sample barcodes, normal -11A samples included; or organoid lines), log2
    /// values (log2(FPKM-UQ + 1) for TCGA), one row per symbol (the fetch has already collapsed duplicate IDs).
    /// </summary>
    public static ExpressionTableLayout SymbolMatrix => new() { IdColumn = "gene" };

    /// <summary>Firehose CRC subset exported from CMScaller: entrez, then sample barcodes; raw RSEM counts.</summary>
    public static ExpressionTableLayout FirehoseCounts => new() { IdColumn = "entrez", Scale = ValueScale.Linear };
}
