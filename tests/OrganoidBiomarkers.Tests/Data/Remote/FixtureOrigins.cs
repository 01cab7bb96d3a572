using System.IO.Compression;
using System.Text;
using OrganoidBiomarkers.Data.Remote;

namespace OrganoidBiomarkers.Tests.Data.Remote;

/// <summary>
/// The hand-written origin files (Fixtures/remote) served by a <see cref="LoopbackOrigin"/> at their real paths, and a
/// minimal xlsx writer for the Lee 2018 supplementary tables. Plain-text fixtures are gzipped when the real file is.
/// </summary>
public static class FixtureOrigins
{
    public static readonly string[] Hosts =
    [
        "stringdb-static.org", "version-10-5.string-db.org", "stringdb-downloads.org", "gdc-hub.s3.us-east-1.amazonaws.com", "gdc.xenahubs.net",
        "api.gdc.cancer.gov", "ftp.ncbi.nlm.nih.gov", "www.ncbi.nlm.nih.gov", "ndownloader.figshare.com", "ars.els-cdn.com", "raw.githubusercontent.com",
    ];

    public static string File(params string[] parts) => TestPaths.Fixture(["remote", .. parts]);

    public static byte[] Bytes(params string[] parts) => System.IO.File.ReadAllBytes(File(parts));

    public static byte[] Gz(params string[] parts) => LoopbackOrigin.Gzip(Bytes(parts));

    public const string StringLinks = "https://stringdb-static.org/download/protein.links.v10.5/9606.protein.links.v10.5.txt.gz";
    public const string StringAliases = "https://stringdb-static.org/download/protein.aliases.v10.5/9606.protein.aliases.v10.5.txt.gz";
    public const string XenaS3 = "https://gdc-hub.s3.us-east-1.amazonaws.com/download/";

    /// <summary>
    /// The world of the end-to-end test: STRING on its primary host; COAD on the Xena htseq matrix (primary); BLCA's
    /// htseq matrix answers 404, so its STAR matrix (fallback 1) is used; READ has no Xena matrix, so the GDC API
    /// (fallback 2: paged /files, /data tar.gz) is used; biotabs by UUID, the BLCA drug biotab by /files query; the
    /// authors' GEO counts; Table S3 at the configured mmc number.
    /// </summary>
    public static LoopbackOrigin World(string workDir, int tableS3Mmc = 4)
    {
        var o = new LoopbackOrigin();
        o.Serve(StringLinks, Gz("string", "9606.protein.links.v10.5.txt"));
        o.Serve(StringAliases, Gz("string", "9606.protein.aliases.v10.5.txt"));
        o.Serve(XenaS3 + "TCGA-COAD.htseq_fpkm-uq.tsv.gz", Gz("xena", "TCGA-COAD.htseq_fpkm-uq.tsv"));
        o.Serve(XenaS3 + "gencode.v22.annotation.gene.probeMap", Bytes("xena", "gencode.v22.annotation.gene.probeMap"));
        o.Status(XenaS3 + "TCGA-BLCA.htseq_fpkm-uq.tsv.gz", 404);
        o.Serve(XenaS3 + "TCGA-BLCA.star_fpkm-uq.tsv.gz", Gz("xena", "TCGA-BLCA.star_fpkm-uq.tsv"));
        o.Serve(XenaS3 + "gencode.v36.annotation.gtf.gene.probemap", Bytes("xena", "gencode.v36.annotation.gtf.gene.probemap"));
        o.ServeGdc(GdcCatalog());
        o.Serve("https://ftp.ncbi.nlm.nih.gov/geo/series/GSE103nnn/GSE103990/suppl/GSE103990_Normalized_counts.txt.gz", Gz("geo", "GSE103990_Normalized_counts.txt"));
        o.Serve("https://ftp.ncbi.nlm.nih.gov/geo/series/GSE103nnn/GSE103990/soft/GSE103990_family.soft.gz", Gz("geo", "GSE103990_family.soft"));
        string xlsx = Path.Combine(workDir, "table_s3.xlsx");
        WriteXlsx(xlsx, "Table S3", File("lee2018", "table_s3_cells.tsv"));
        o.Serve($"https://ars.els-cdn.com/content/image/1-s2.0-S0092867418302976-mmc{tableS3Mmc}.xlsx", System.IO.File.ReadAllBytes(xlsx));
        o.Serve("https://ndownloader.figshare.com/files/53956220", Gz("coderdata", "coderdata_bladderpdo_experiments.tsv"));
        o.Serve("https://ndownloader.figshare.com/files/53956226", Bytes("coderdata", "coderdata_bladderpdo_samples.csv"));
        o.Serve("https://ndownloader.figshare.com/files/53956214", Gz("coderdata", "coderdata_bladderpdo_drugs.tsv"));
        return o;
    }

    /// <summary>Fixtures/remote/gdc/catalog.tsv as the fake GDC API's files.</summary>
    public static IReadOnlyList<LoopbackOrigin.GdcEntry> GdcCatalog() =>
        System.IO.File.ReadAllLines(File("gdc", "catalog.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Select(f => new LoopbackOrigin.GdcEntry(f[0], f[1], f[2], f[3], f[4], f[5], Bytes(f[6].Split('/')))).ToList();

    /// <summary>Settings for tests: every host on the loopback server, short timeouts and backoff.</summary>
    public static FetchSettings Settings(LoopbackOrigin o) => new FetchSettings
    {
        Overrides = o.Overrides(Hosts),
        Backoff = TimeSpan.Zero,
        StallTimeout = TimeSpan.FromSeconds(5),
        Retries = 3,
        GdcPageSize = 2,
        GdcBatchSize = 2,
    };

    /// <summary>
    /// Writes a minimal xlsx (one worksheet, inline strings and numbers) from a TSV of cells whose header names the
    /// columns (A, B, ...); empty cells are omitted, as Excel does.
    /// </summary>
    public static void WriteXlsx(string path, string sheetName, string cellsTsv)
    {
        var lines = System.IO.File.ReadAllLines(cellsTsv);
        var columns = lines[0].Split('\t');
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 1; r < lines.Length; r++)
        {
            sheet.Append($"<row r=\"{r}\">");
            var cells = lines[r].Split('\t');
            for (int c = 0; c < cells.Length; c++)
            {
                if (cells[c].Length == 0) continue;
                string reference = $"{columns[c]}{r}";
                if (double.TryParse(cells[c], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                    sheet.Append($"<c r=\"{reference}\"><v>{cells[c]}</v></c>");
                else
                    sheet.Append($"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(cells[c])}</t></is></c>");
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");
        if (System.IO.File.Exists(path)) System.IO.File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            w.Write(xml);
        }
        Part("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
        Part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Part("xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"{sheetName}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Part("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        Part("xl/worksheets/sheet1.xml", sheet.ToString());
    }
}
