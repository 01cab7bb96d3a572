using System.Globalization;
using System.Text;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Data.Remote;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data.Remote;

/// <summary>
/// The converters on the hand-written origin files (Fixtures/remote), against the expectations computed independently
/// by Golden/remote/convert_fixtures.py (numbers to 1e-12 relative), and each rule's counts.
/// </summary>
public sealed class ConverterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("converters-").FullName;
    private readonly List<string> _lines = [];
    private CountLog Log() => new(_lines.Add);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out(string name) => Path.Combine(_dir, name);

    private static string Golden(string name) => TestPaths.Golden("remote", name);

    /// <summary>A genes x samples matrix file equals the golden one: same genes in order, same samples, values to 1e-12.</summary>
    internal static void AssertMatrix(string goldenName, string actualPath)
    {
        var expected = TsvFiles.Read(Golden(goldenName));
        var actual = ExpressionTables.Read(actualPath, ExpressionTableLayout.SymbolMatrix, CountLog.Silent);
        Assert.Equal(expected.Columns.Skip(1), actual.Samples);
        Assert.Equal(expected.Rows.Select(r => r[0]), actual.Genes);
        for (int g = 0; g < expected.Rows.Count; g++)
            for (int s = 0; s < actual.SampleCount; s++)
            {
                double e = double.Parse(expected.Rows[g][s + 1], CultureInfo.InvariantCulture), a = actual.Values[g, s];
                Assert.True(Math.Abs(e - a) <= 1e-12 * Math.Max(1, Math.Abs(e)), $"{actual.Genes[g]} x {actual.Samples[s]}: {a} vs {e}");
            }
    }

    [Fact]
    public void String_aliases_follow_the_source_priority_and_count_every_case()
    {
        var map = StringAliases.ReadSymbols(FixtureOrigins.File("string", "9606.protein.aliases.v10.5.txt"), StringAliases.DefaultSources, Log());
        Assert.Equal("ARF5", map["9606.ENSP00000000233"]);
        Assert.Equal("AGPAT1", map["9606.ENSP00000360761"]);    // Ensembl_HGNC: no BioMart_HUGO row; the MIM alias with spaces is not a symbol
        Assert.Equal("BRAF", map["9606.ENSP00000288602"]);      // Ensembl_UniProt_GN outranks BLAST_UniProt_GN 'BRAF1'
        Assert.Equal("KRAS", map["9606.ENSP00000311936"]);      // BLAST_UniProt_GN: first of two
        Assert.Equal("TYMS", map["9606.ENSP00000354558"]);      // two BioMart_HUGO aliases: first in file order
        Assert.False(map.ContainsKey("9606.ENSP00000999999"));  // only a UniProt accession
        Assert.Equal(10, map.Count);
        Assert.Contains(_lines, l => l.Contains("alias rows] 20 -> 11"));
        Assert.Contains(_lines, l => l.Contains("symbol from BioMart_HUGO] 11 -> 7"));
        Assert.Contains(_lines, l => l.Contains("symbol from BLAST_UniProt_GN] 11 -> 1"));
        Assert.Contains(_lines, l => l.Contains("2 protein(s) list more than one alias"));
    }

    [Fact]
    public void String_links_become_the_mirror_edge_table_format_with_every_count()
    {
        var map = StringAliases.ReadSymbols(FixtureOrigins.File("string", "9606.protein.aliases.v10.5.txt"), StringAliases.DefaultSources, CountLog.Silent);
        var links = Out("links.txt.gz");
        File.WriteAllBytes(links, FixtureOrigins.Gz("string", "9606.protein.links.v10.5.txt"));
        var summary = StringNetwork.Convert(links, map, 700, Out("edges.tsv"), Log());
        Assert.Equal(File.ReadAllText(Golden("string_edges.expected.tsv")), File.ReadAllText(Out("edges.tsv")));
        Assert.Equal(7, NetworkFiles.ReadEdgeTable(Out("edges.tsv")).Count);
        Assert.Equal(new StringNetworkSummary(Rows: 25, RowsKept: 19, ProteinPairs: 10, OneOrderOnly: 1, ScoreMismatch: 0, PairsAtThreshold: 1,
            PairsUnmapped: 1, UnmappedProteins: 1, SelfLoops: 1, MergedPairs: 1, SymbolsFromSeveralProteins: 1, Edges: 7, Genes: 9, EdgesAtThreshold: 1), summary);
        Assert.Contains(_lines, l => l.Contains("1 protein pair(s) score exactly 700 (kept by >=, dropped by >)"));
    }

    [Fact]
    public void String_rows_pairing_a_protein_with_itself_are_dropped_and_counted()
    {
        var map = StringAliases.ReadSymbols(FixtureOrigins.File("string", "9606.protein.aliases.v10.5.txt"), StringAliases.DefaultSources, CountLog.Silent);
        var lines = File.ReadAllLines(FixtureOrigins.File("string", "9606.protein.links.v10.5.txt"));
        string protein = lines[1].Split(' ')[0];
        var links = Out("links_with_self.txt");
        File.WriteAllLines(links, [.. lines, $"{protein} {protein} 999"]);
        var summary = StringNetwork.Convert(links, map, 700, Out("edges.tsv"), Log());
        Assert.Equal(File.ReadAllText(Golden("string_edges.expected.tsv")), File.ReadAllText(Out("edges.tsv")));
        Assert.Equal((26, 20, 10), (summary.Rows, summary.RowsKept, summary.ProteinPairs));
        Assert.Contains(_lines, l => l.Contains("1 row(s) pairing a protein with itself dropped"));
    }

    [Fact]
    public void String_boundary_is_a_setting()
    {
        var map = StringAliases.ReadSymbols(FixtureOrigins.File("string", "9606.protein.aliases.v10.5.txt"), StringAliases.DefaultSources, CountLog.Silent);
        var summary = StringNetwork.Convert(FixtureOrigins.File("string", "9606.protein.links.v10.5.txt"), map, 701, Out("edges.tsv"), CountLog.Silent);
        Assert.Equal(6, summary.Edges);
        Assert.DoesNotContain("AGPAT1", File.ReadAllText(Out("edges.tsv")));
    }

    [Fact]
    public void String_files_in_another_layout_are_refused()
    {
        var bad = Out("links.txt");
        File.WriteAllText(bad, "protein1\tprotein2\tcombined_score\n9606.ENSP1\t9606.ENSP2\t900\n");
        Assert.Contains("not 'protein1 protein2 ... combined_score'", Assert.Throws<InputException>(() => StringNetwork.CheckFormat(bad)).Message);
        File.WriteAllText(bad, "<html>404</html>\n");
        Assert.Throws<InputException>(() => StringAliases.CheckFormat(bad));
    }

    [Fact]
    public void Xena_htseq_matrix_maps_to_symbols_keeping_normals_and_collapsing_duplicates()
    {
        var matrix = Out("coad.tsv.gz");
        File.WriteAllBytes(matrix, FixtureOrigins.Gz("xena", "TCGA-COAD.htseq_fpkm-uq.tsv"));
        XenaMatrix.CheckFormat(matrix);
        var (samples, genes) = XenaMatrix.Convert(matrix, Probemap.Read(FixtureOrigins.File("xena", "gencode.v22.annotation.gene.probeMap")), Out("coad_symbols.tsv.gz"), Log());
        Assert.Equal((4, 6), (samples, genes));
        AssertMatrix("tcga_coad_xena.expected.tsv", Out("coad_symbols.tsv.gz"));
        Assert.Contains(_lines, l => l.Contains("all kept: 3 primary tumour (-01), 1 normal (-1x), 0 other"));
        Assert.Contains(_lines, l => l.Contains("1 ID(s) without a symbol dropped (e.g. ENSG00000999993.1)"));
        Assert.Contains(_lines, l => l.Contains("1 symbol(s) on several IDs (1 extra row(s)): the ID with the highest mean kept"));
    }

    [Fact]
    public void Xena_star_matrix_drops_par_y_rows_and_counts_them()
    {
        var matrix = Out("blca.tsv.gz");
        File.WriteAllBytes(matrix, FixtureOrigins.Gz("xena", "TCGA-BLCA.star_fpkm-uq.tsv"));
        XenaMatrix.Convert(matrix, Probemap.Read(FixtureOrigins.File("xena", "gencode.v36.annotation.gtf.gene.probemap")), Out("blca_symbols.tsv"), Log());
        AssertMatrix("tcga_blca_xena.expected.tsv", Out("blca_symbols.tsv"));
        Assert.Contains(_lines, l => l.Contains("1 _PAR_Y row(s) dropped, 0 of them with a non-zero value"));
    }

    [Fact]
    public void Xena_matrix_refuses_linear_values_and_short_rows()
    {
        var bad = Out("bad.tsv");
        File.WriteAllText(bad, "Ensembl_ID\tTCGA-AA-0001-01A\nENSG00000176890.14\t1523.2\n");
        Assert.Contains("too large for log2", Assert.Throws<InputException>(() => XenaMatrix.Convert(bad, new Dictionary<string, string> { ["ENSG00000176890.14"] = "TYMS" }, Out("x.tsv"), CountLog.Silent)).Message);
        File.WriteAllText(bad, "Ensembl_ID\tTCGA-AA-0001-01A\tTCGA-AA-0002-01A\nENSG00000176890.14\t1.2\n");
        var e = Assert.Throws<InputException>(() => XenaMatrix.Convert(bad, new Dictionary<string, string>(), Out("x.tsv"), CountLog.Silent));
        Assert.Equal(2, e.Line);
        File.WriteAllText(bad, "Ensembl_ID\tsample1\nENSG00000176890.14\t1.2\n");
        Assert.Contains("not a TCGA sample barcode", Assert.Throws<InputException>(() => XenaMatrix.CheckFormat(bad)).Message);
    }

    [Fact]
    public void Star_counts_files_drop_the_count_rows_average_aliquots_and_take_log2()
    {
        var catalog = FixtureOrigins.GdcCatalog().Where(f => f.Workflow == "STAR - Counts").ToList();
        var files = catalog.Select(f => (f.Sample, FixtureOrigins.File("gdc", "star", f.FileName))).ToList();
        var one = StarCounts.Read(files[0].Item2);
        Assert.Equal(4, one.CountRowsDropped);
        Assert.Equal("GENCODE v36", one.GeneModel);
        Assert.Equal(7, one.GeneIds.Length);
        StarCounts.Convert(files, Out("read.tsv.gz"), "TCGA-READ", Log());
        AssertMatrix("tcga_read_star.expected.tsv", Out("read.tsv.gz"));
        Assert.Contains(_lines, l => l.Contains("3 -> 2 (1 sample(s) with several files (aliquots)") && l.Contains("12 N_* count row(s) dropped"));
    }

    [Fact]
    public void Star_counts_files_from_another_gene_model_are_refused()
    {
        var catalog = FixtureOrigins.GdcCatalog().Where(f => f.Workflow == "STAR - Counts").ToList();
        var other = Out("other.tsv");
        File.WriteAllLines(other, File.ReadAllLines(FixtureOrigins.File("gdc", "star", catalog[0].FileName)).Where(l => !l.StartsWith("ENSG00000000419")));
        var e = Assert.Throws<InputException>(() => StarCounts.Convert([(catalog[2].Sample, FixtureOrigins.File("gdc", "star", catalog[2].FileName)), ("TCGA-AF-2687-01A", other)], Out("x.tsv"), "x", CountLog.Silent));
        Assert.Contains("gene IDs differ", e.Message);
        File.WriteAllText(other, "gene_id\tgene_name\nENSG1\tA\n");
        Assert.Contains("# gene-model", Assert.Throws<InputException>(() => StarCounts.CheckFormat(other)).Message);
    }

    [Fact]
    public void Gdc_files_answer_and_data_archive_are_read_and_checked()
    {
        var catalog = FixtureOrigins.GdcCatalog().Where(f => f.Workflow == "STAR - Counts").ToList();
        var answer = Out("files.json");
        File.WriteAllText(answer, """{"data": {"hits": [{"id": "x1", "file_name": "x1.tsv", "md5sum": "abc", "file_size": 12, "cases": [{"case_id": "c", "submitter_id": "TCGA-AN-A0FL", "samples": [{"submitter_id": "TCGA-AN-A0FL-01A", "sample_type": "Primary Tumor", "tissue_type": "Tumor"}]}]}], "pagination": {"count": 1, "total": 931947, "size": 1, "from": 0, "sort": "None", "page": 1, "pages": 931947}}, "warnings": {}}""");
        var (hits, total) = GdcApi.ParseFilesAnswer(answer, "test");
        Assert.Equal(931947, total);
        Assert.Equal(new[] { "TCGA-AN-A0FL-01A" }, hits[0].SampleIds);
        Assert.Equal("x1", hits[0].FileId);

        var archive = Out("batch.tar.gz");
        File.WriteAllBytes(archive, LoopbackOrigin.TarGz(catalog));
        var expected = catalog.Select(c => new GdcFileHit(c.FileId, c.FileName, GdcApi.Md5Of(c.Content), c.Content.Length, [c.Sample], "TSV")).ToList();
        var extracted = GdcApi.ExtractArchive(archive, Out("x"), expected, "test");
        Assert.Equal(catalog[1].Content, File.ReadAllBytes(extracted[catalog[1].FileId]));

        // A file whose md5 differs from the /files answer is refused.
        var wrong = expected.Select((h, i) => i == 0 ? h with { Md5 = "00000000000000000000000000000000" } : h).ToList();
        Assert.Contains("/files said 00000000", Assert.Throws<FetchException>(() => GdcApi.ExtractArchive(archive, Out("y"), wrong, "test")).Message);
        // A truncated archive is refused.
        File.WriteAllBytes(archive, File.ReadAllBytes(archive)[..200]);
        Assert.Equal(FetchFailure.BadFormat, Assert.Throws<FetchException>(() => GdcApi.ExtractArchive(archive, Out("z"), expected, "test")).Failure);
    }

    [Fact]
    public void Geo_soft_gives_titles_and_every_description()
    {
        var samples = GeoSoft.ReadSamples(FixtureOrigins.File("geo", "GSE103990_family.soft"));
        Assert.Equal(5, samples.Count);
        Assert.Equal(["organoid RNA-seq", "MS0053A"], samples[0].Descriptions);
        Assert.Equal("SCBO-3.2_orgP1", samples[2].Title);
        Assert.Equal(("SCBO-3_2", 1, "organoid"), Lee2018Sample.Classify("SCBO-3.2_orgP1"));
        Assert.Equal(("", null, "tumour tissue"), Lee2018Sample.Classify("SCBO-5_tumor"));
    }

    [Fact]
    public void Lee2018_counts_become_organoid_lines_with_passages_averaged()
    {
        var counts = Out("counts.txt.gz");
        File.WriteAllBytes(counts, FixtureOrigins.Gz("geo", "GSE103990_Normalized_counts.txt"));
        Lee2018Organoids.CheckCountsFormat(counts);
        var samples = Lee2018Organoids.ConvertAuthorsCounts(counts, FixtureOrigins.File("geo", "GSE103990_family.soft"), Out("lines.tsv"), Log());
        AssertMatrix("lee2018_lines.expected.tsv", Out("lines.tsv"));
        Assert.Equal("tumour tissue", samples.Single(s => s.Gsm == "GSM2787463").Kind);
        Assert.Equal("not in the expression file", samples.Single(s => s.Gsm == "GSM2787470").Kind);
        Assert.Contains(_lines, l => l.Contains("columns -> GEO samples] 5 -> 4 (1 column(s) named by no GEO sample"));
        Assert.Contains(_lines, l => l.Contains("1 line(s) with several passages") && l.Contains("SCBO-5: P10, P13"));
        Assert.Contains(_lines, l => l.Contains("linear (normalised counts / TPM): log2(x + 1) taken"));
    }

    [Fact]
    public void Lee2018_table_s3_is_recognised_by_content_and_averaged()
    {
        var xlsx = Out("s3.xlsx");
        FixtureOrigins.WriteXlsx(xlsx, "Table S3", FixtureOrigins.File("lee2018", "table_s3_cells.tsv"));
        var rows = Lee2018ResponseTables.FromTableS3(xlsx, Log());
        Lee2018ResponseTables.Write(rows, Out("response.tsv"));
        var expected = TsvFiles.Read(Golden("lee2018_table_s3.expected.tsv"));
        var actual = TsvFiles.Read(Out("response.tsv"));
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        foreach (var (e, a) in expected.Rows.Zip(actual.Rows))
        {
            Assert.Equal(e[0], a[actual.ColumnIndex("sample")]);
            Assert.Equal(e[1], a[actual.ColumnIndex("drug")]);
            AssertNumber(e[2], a[actual.ColumnIndex("response")]);
            Assert.Equal(e[3], a[actual.ColumnIndex("n_screens")]);
            AssertNumber(e[4], a[actual.ColumnIndex("log_ic50")]);
            AssertNumber(e[5], a[actual.ColumnIndex("hill_slope")]);
        }
        Assert.Equal(3, OrganoidResponseTables.ReadLee2018(Out("response.tsv")).Count);
        Assert.Contains(_lines, l => l.Contains("1 row(s) without a drug name dropped"));

        var s1 = Out("s1.xlsx");
        FixtureOrigins.WriteXlsx(s1, "Table S1", FixtureOrigins.File("lee2018", "table_s1_cells.tsv"));
        Assert.Contains("--set lee2018.table_s3_mmc=N", Assert.Throws<InputException>(() => Lee2018ResponseTables.CheckTableS3(s1)).Message);
    }

    private static void AssertNumber(string expected, string actual)
    {
        if (expected == "NA") { Assert.Equal("NA", actual); return; }
        double e = double.Parse(expected, CultureInfo.InvariantCulture), a = double.Parse(actual, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(e - a) <= 1e-12, $"{actual} vs {expected}");
    }

    [Fact]
    public void CoderData_refit_keeps_organoid_screens_and_takes_the_median()
    {
        var exp = Out("exp.tsv.gz");
        File.WriteAllBytes(exp, FixtureOrigins.Gz("coderdata", "coderdata_bladderpdo_experiments.tsv"));
        var drugs = Out("drugs.tsv.gz");
        File.WriteAllBytes(drugs, FixtureOrigins.Gz("coderdata", "coderdata_bladderpdo_drugs.tsv"));
        var rows = Lee2018ResponseTables.FromCoderData(exp, FixtureOrigins.File("coderdata", "coderdata_bladderpdo_samples.csv"), drugs, Log());
        var expected = TsvFiles.Read(Golden("lee2018_coderdata.expected.tsv"));
        Assert.Equal(expected.Rows.Select(r => (r[0], r[1], r[3], r[4])), rows.Select(r => (r.Sample, r.Drug, r.Screens.ToString(CultureInfo.InvariantCulture), r.ScreenNames)));
        foreach (var (e, a) in expected.Rows.Zip(rows)) AssertNumber(e[2], a.Response.ToString("R", CultureInfo.InvariantCulture));
        Assert.All(rows, r => Assert.Contains("refit", r.Metric));
        Assert.Contains(_lines, l => l.Contains("1 xenograft-derived screen row(s) and 1 row(s) with an unknown sample or drug left out"));
    }

    [Fact]
    public void Biotab_check_requires_the_three_header_rows()
    {
        ConnectedSources.CheckBiotab(FixtureOrigins.File("gdc", "biotab", "nationwidechildrens.org_clinical_drug_blca.txt"));
        var bad = Out("biotab.txt");
        File.WriteAllLines(bad, File.ReadAllLines(FixtureOrigins.File("gdc", "biotab", "nationwidechildrens.org_clinical_drug_blca.txt")).Where((_, i) => i != 2));
        Assert.Contains("biotab headers", Assert.Throws<InputException>(() => ConnectedSources.CheckBiotab(bad)).Message);
    }
}
