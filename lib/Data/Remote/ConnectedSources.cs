using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>A derived input of the connected run: its manifest id, its file under <c>data/connected/</c>, what it is.</summary>
/// <param name="Id">The manifest id the pipeline reads it by, e.g. <c>string_v10_5</c>.</param>
/// <param name="File">Its path relative to <c>data/connected/</c>, e.g. <c>inputs/string_v10_5_edges.tsv</c>.</param>
/// <param name="Content">What it is, in words (logs and the fetch plan).</param>
public sealed record ConnectedInputSpec(string Id, string File, string Content);

/// <summary>
/// The origin files of the connected run, with their primary and fallback URLs as public sources give them
/// (<c>shared/notes/remote-inputs.md</c>; every host can be redirected with a base-URL override), and the derived inputs
/// they make. Keys are paths under <c>data/connected/raw/</c>; a user who places a file by hand puts it in
/// <c>data/connected/manual/</c> under the key's file name.
/// </summary>
public static class ConnectedSources
{
    /// <summary>The derived inputs, in the order a run fetches them (small and quick first).</summary>
    public static readonly IReadOnlyList<ConnectedInputSpec> Inputs =
    [
        new("blca_biotab_drug", "inputs/nationwidechildrens.org_clinical_drug_blca.txt", "TCGA BLCA BCR biotab drug table (GDC)"),
        new("blca_biotab_patient", "inputs/nationwidechildrens.org_clinical_patient_blca.txt", "TCGA BLCA BCR biotab patient table (GDC)"),
        new("read_biotab_drug", "inputs/nationwidechildrens.org_clinical_drug_read.txt", "TCGA READ BCR biotab drug table (GDC)"),
        new("read_biotab_patient", "inputs/nationwidechildrens.org_clinical_patient_read.txt", "TCGA READ BCR biotab patient table (GDC)"),
        new("coad_biotab_drug_gdc", "inputs/nationwidechildrens.org_clinical_drug_coad.txt", "TCGA COAD BCR biotab drug table as GDC serves it now (the mirror holds the authors' 2019 copy)"),
        new("coad_biotab_patient_gdc", "inputs/nationwidechildrens.org_clinical_patient_coad.txt", "TCGA COAD BCR biotab patient table as GDC serves it now"),
        new("blca_organoid_response_published", "inputs/lee2018_organoid_response.tsv", "Lee 2018 bladder organoid drug response (Table S3; fallback: CoderData refit)"),
        new("blca_organoid_expression", "inputs/lee2018_gse103990_organoid_lines.tsv", "Lee 2018 bladder organoid expression, GEO GSE103990, genes x lines"),
        new("string_v10_5", "inputs/string_v10_5_edges.tsv", "STRING v10.5 human, combined score >= 700, gene-symbol edge list"),
        new("tcga_coad_fpkm_uq", "inputs/tcga_coad_fpkm_uq_symbols.tsv.gz", "TCGA COAD full-transcriptome log2(FPKM-UQ + 1), genes x samples"),
        new("tcga_read_fpkm_uq", "inputs/tcga_read_fpkm_uq_symbols.tsv.gz", "TCGA READ full-transcriptome log2(FPKM-UQ + 1), genes x samples"),
        new("tcga_blca_fpkm_uq", "inputs/tcga_blca_fpkm_uq_symbols.tsv.gz", "TCGA BLCA full-transcriptome log2(FPKM-UQ + 1), genes x samples"),
    ];

    /// <summary>Side outputs recorded beside an input (not manifest inputs themselves).</summary>
    public const string OrganoidSampleMapId = "blca_organoid_samples";
    /// <summary>The file of <see cref="OrganoidSampleMapId"/>: GSE103990 sample columns mapped to organoid lines.</summary>
    public const string OrganoidSampleMapFile = "inputs/lee2018_gse103990_samples.tsv";

    // ---- STRING v10.5 (hosts: stringdb-static.org, then the version archive, then the current download host)
    private static IReadOnlyList<Origin> StringOrigins(string kind) =>
    [
        Origin.Get("primary", $"https://stringdb-static.org/download/protein.{kind}.v10.5/9606.protein.{kind}.v10.5.txt.gz"),
        Origin.Get("fallback 1 (version-10-5 archive)", $"https://version-10-5.string-db.org/download/protein.{kind}.v10.5/9606.protein.{kind}.v10.5.txt.gz"),
        Origin.Get("fallback 2 (stringdb-downloads.org)", $"https://stringdb-downloads.org/download/protein.{kind}.v10.5/9606.protein.{kind}.v10.5.txt.gz"),
    ];

    /// <summary>STRING v10.5 human protein links with the combined score (primary host, then two fallbacks).</summary>
    public static RemoteFile StringLinks => new("string/9606.protein.links.v10.5.txt.gz",
        "gzip; space-separated 'protein1 protein2 combined_score' (about 522 MB uncompressed, 11.35 million rows)", StringOrigins("links"), StringNetwork.CheckFormat);

    /// <summary>STRING v10.5 human protein aliases, used to map STRING protein ids to gene symbols.</summary>
    public static RemoteFile StringAliasesFile => new("string/9606.protein.aliases.v10.5.txt.gz",
        "gzip; '## string_protein_id ## alias ## source ##' then TAB-separated protein, alias, sources", StringOrigins("aliases"), StringAliases.CheckFormat);

    // ---- UCSC Xena GDC hub
    private const string XenaS3 = "https://gdc-hub.s3.us-east-1.amazonaws.com/download/";
    private const string XenaHub = "https://gdc.xenahubs.net/download/";

    /// <summary>A UCSC Xena GDC-hub expression matrix, log2(fpkm-uq + 1) per Ensembl gene, tried on three URL layouts.</summary>
    /// <param name="project">TCGA project without "TCGA-", e.g. "COAD".</param>
    /// <param name="dataset">The Xena dataset, "htseq_fpkm-uq" (GENCODE v22) or "star_fpkm-uq" (GENCODE v36).</param>
    public static RemoteFile XenaMatrixFile(string project, string dataset) => new($"xena/TCGA-{project}.{dataset}.tsv.gz",
        $"gzip; TAB-separated 'Ensembl_ID' then TCGA sample barcodes, log2(fpkm-uq + 1) per Ensembl gene",
        [
            Origin.Get("Xena GDC hub (S3)", $"{XenaS3}TCGA-{project}.{dataset}.tsv.gz"),
            Origin.Get("Xena GDC hub (gdc.xenahubs.net)", $"{XenaHub}TCGA-{project}.{dataset}.tsv.gz"),
            Origin.Get("Xena GDC hub (2018-19 layout)", $"{XenaHub}TCGA-{project}/Xena_Matrices/TCGA-{project}.{dataset}.tsv.gz"),
        ], XenaMatrix.CheckFormat);

    /// <summary>A Xena probemap (versioned Ensembl gene id to symbol and position).</summary>
    /// <param name="name">The probemap's file name, <see cref="ProbemapV22"/> or <see cref="ProbemapV36"/>.</param>
    public static RemoteFile ProbemapFile(string name) => new($"xena/{name}",
        "TAB-separated 'id gene chrom chromStart chromEnd strand', one versioned Ensembl gene per row (not gzipped)",
        [Origin.Get("Xena GDC hub (S3)", XenaS3 + name), Origin.Get("Xena GDC hub (gdc.xenahubs.net)", XenaHub + name)], Probemap.CheckFormat);

    /// <summary>The GENCODE v22 probemap of the htseq_fpkm-uq matrices (the authors' processing).</summary>
    public const string ProbemapV22 = "gencode.v22.annotation.gene.probeMap";

    /// <summary>The GENCODE v36 probemap of the star_fpkm-uq matrices.</summary>
    public const string ProbemapV36 = "gencode.v36.annotation.gtf.gene.probemap";

    // ---- GDC biotabs: the UUIDs public code used (the BLCA drug UUID is known only truncated: found by query)
    /// <summary>
    /// GDC file UUIDs of the biotab tables by (project, kind "drug" or "patient"), fetched directly; null where only a
    /// /files query can find the file.
    /// </summary>
    public static readonly IReadOnlyDictionary<(string Project, string Kind), string?> BiotabUuids = new Dictionary<(string, string), string?>
    {
        [("BLCA", "drug")] = null,
        [("BLCA", "patient")] = "eaa71705-960a-4abd-b5d7-f5fdc0d0c5af",
        [("COAD", "drug")] = "dae92461-d098-40a3-997e-1a2d3e5b8dfe",
        [("COAD", "patient")] = "4060482f-eedf-4959-97f1-f8b6c529c368",
        [("READ", "drug")] = "4bab4ce6-239f-468d-8bbb-1cb69532f85a",
        [("READ", "patient")] = "a4e80133-a7b1-4adc-8c69-1178c1871c78",
    };

    /// <summary>The BCR biotab file name, e.g. <c>nationwidechildrens.org_clinical_drug_blca.txt</c>.</summary>
    /// <param name="project">TCGA project without "TCGA-", any case.</param>
    /// <param name="kind">"drug" or "patient".</param>
    public static string BiotabName(string project, string kind) => $"nationwidechildrens.org_clinical_{kind}_{project.ToLowerInvariant()}.txt";

    /// <summary>A BCR biotab table under <c>gdc/biotab/</c>, checked by <see cref="CheckBiotab"/>; a server that names the
    /// file must give <see cref="BiotabName"/>.</summary>
    /// <param name="project">TCGA project without "TCGA-".</param>
    /// <param name="kind">"drug" or "patient".</param>
    /// <param name="origins">Where it can be fetched from, primary first (the caller resolves the UUID or the query).</param>
    public static RemoteFile Biotab(string project, string kind, IReadOnlyList<Origin> origins) => new($"gdc/biotab/{BiotabName(project, kind)}",
        "plain TAB-separated BCR biotab: 3 header rows (names, legacy names, CDE_ID:), bracketed missing values", origins, CheckBiotab,
        ServedName: BiotabName(project, kind));

    /// <summary>The legacy-archive copy of the BLCA drug biotab kept by kemplab/FBA-pipeline (an older version: different bytes).</summary>
    public const string KemplabBlcaDrug = "https://raw.githubusercontent.com/kemplab/FBA-pipeline/master/Code%20%2B%20Models/data/clinical/_data_/input/TCGA/nationwidechildrens.org_clinical_drug_blca.txt";

    /// <summary>BCR biotab layout: header, legacy header (starting bcr_patient_uuid), CDE_ID: row, then a valid table.</summary>
    /// <param name="path">The file (plain or gzip).</param>
    /// <exception cref="InputException">The three header lines are not there, or the table does not read as a biotab.</exception>
    public static void CheckBiotab(string path)
    {
        using (var reader = TextFiles.Open(path))
        {
            var l1 = reader.ReadLine() ?? "";
            var l2 = reader.ReadLine() ?? "";
            var l3 = reader.ReadLine() ?? "";
            if (!l1.StartsWith("bcr_patient_uuid\t", StringComparison.Ordinal) || !l2.StartsWith("bcr_patient_uuid\t", StringComparison.Ordinal) || !l3.StartsWith("CDE_ID:", StringComparison.Ordinal))
                throw new InputException(path, 1, "the first three lines are not the biotab headers (bcr_patient_uuid..., bcr_patient_uuid..., CDE_ID:...)", "use the GDC BCR Biotab file");
        }
        TcgaClinical.ReadBiotab(path);
    }

    // ---- GEO GSE103990 (Lee 2018)
    private const string GeoSeries = "https://ftp.ncbi.nlm.nih.gov/geo/series/GSE103nnn/GSE103990/";

    /// <summary>The authors' normalised counts of GSE103990 (Lee et al. 2018 bladder organoids), from GEO.</summary>
    public static RemoteFile Lee2018Counts => new("geo/GSE103990_Normalized_counts.txt.gz",
        "gzip; TAB-separated, empty first header cell then MS... sample columns; rows ENSG..._SYMBOL",
        [Origin.Get("primary", GeoSeries + "suppl/GSE103990_Normalized_counts.txt.gz")], Lee2018Organoids.CheckCountsFormat);

    /// <summary>The GSE103990 family SOFT file, which maps sample columns to organoid lines.</summary>
    public static RemoteFile Lee2018Soft => new("geo/GSE103990_family.soft.gz",
        "gzip; GEO family SOFT (^SAMPLE blocks with !Sample_title and !Sample_description)",
        [Origin.Get("primary", GeoSeries + "soft/GSE103990_family.soft.gz")], GeoSoft.CheckFormat);

    /// <summary>NCBI's re-quantification of GSE103990 as TPM per NCBI GeneID (the expression fallback), with a sha256 a
    /// public record gives.</summary>
    public static RemoteFile Lee2018NcbiTpm => new("geo/GSE103990_norm_counts_TPM_GRCh38.p13_NCBI.tsv.gz",
        "gzip; TAB-separated 'GeneID' then GSM columns (NCBI re-quantification, TPM)",
        [Origin.Get("NCBI re-quantification", "https://www.ncbi.nlm.nih.gov/geo/download/?type=rnaseq_counts&format=file&acc=GSE103990&file=GSE103990_norm_counts_TPM_GRCh38.p13_NCBI.tsv.gz")],
        Lee2018Organoids.CheckNcbiFormat, KnownSha256: "c48a0a3bc55757d1c8af26779741b465a116e9773054d60f94754a4eaa8b6d41", KnownShaSource: "DDELabs (bladder_lee2018/SOURCE.md)");

    /// <summary>NCBI's GRCh38.p13 gene annotation (GeneID to symbol) for <see cref="Lee2018NcbiTpm"/>.</summary>
    public static RemoteFile NcbiHumanAnnotation => new("geo/Human.GRCh38.p13.annot.tsv.gz",
        "gzip; TAB-separated NCBI gene annotation with GeneID and Symbol columns",
        [Origin.Get("NCBI re-quantification", "https://www.ncbi.nlm.nih.gov/geo/download/?format=file&type=rnaseq_counts&file=Human.GRCh38.p13.annot.tsv.gz")],
        Lee2018Organoids.CheckAnnotationFormat);

    // ---- Lee 2018 drug response
    /// <summary>Lee et al. 2018 (Cell) Table S3, the organoid drug response, from the publisher's supplement.</summary>
    /// <param name="mmc">The supplement's number in its file name (<c>mmcN.xlsx</c>); which number is Table S3 is not
    /// confirmed, hence a setting (<see cref="FetchSettings.Lee2018TableS3Mmc"/>).</param>
    public static RemoteFile Lee2018TableS3(int mmc) => new($"elsevier/1-s2.0-S0092867418302976-mmc{mmc}.xlsx",
        "xlsx; Lee 2018 Table S3: a title row, a header row, then drug, line, Hill slope, log IC50, AUC per replicate",
        [Origin.Get("primary", $"https://ars.els-cdn.com/content/image/1-s2.0-S0092867418302976-mmc{mmc}.xlsx")], Lee2018ResponseTables.CheckTableS3);

    /// <summary>A CoderData 2.1.0 file from figshare, with the sha256 a public record gives.</summary>
    /// <param name="name">The file name, also its key under <c>figshare/</c>.</param>
    /// <param name="figshareId">The figshare file id.</param>
    /// <param name="check">The format check.</param>
    /// <param name="sha">The recorded sha256 (a difference is logged, not refused).</param>
    public static RemoteFile CoderData(string name, string figshareId, Action<string> check, string sha) => new($"figshare/{name}",
        $"CoderData 2.1.0 {name}", [Origin.Get("CoderData 2.1.0 (figshare)", $"https://ndownloader.figshare.com/files/{figshareId}")], check,
        KnownSha256: sha, KnownShaSource: "DDELabs (bladder_lee2018/SOURCE.md)");

    /// <summary>The three CoderData 2.1.0 bladder PDO files (experiments, samples, drugs) of the response fallback (a refit,
    /// not the paper's values).</summary>
    public static IReadOnlyList<RemoteFile> CoderDataFiles =>
    [
        CoderData("coderdata_bladderpdo_experiments.tsv.gz", "53956220", Lee2018ResponseTables.CheckCoderDataExperiments, "df6ef1f69105cde515aae44d2354a6fed48662e7e46538800297c4bac38511cc"),
        CoderData("coderdata_bladderpdo_samples.csv", "53956226", Lee2018ResponseTables.CheckCoderDataSamples, "d4c951dad463ec6b13b6bb43d963bf2aefd10934311a8418b37b70c07352f587"),
        CoderData("coderdata_bladderpdo_drugs.tsv.gz", "53956214", Lee2018ResponseTables.CheckCoderDataDrugs, "90ad73cf60998492b365aa2996f96257c766b07d106b8e014a6e02c83432df44"),
    ];
}
