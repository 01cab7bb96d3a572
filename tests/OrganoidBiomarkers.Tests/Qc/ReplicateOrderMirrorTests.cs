using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Tests.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Qc;

/// <summary>
/// Stage 02 pairs IC50 replicates by their order in the published table. This checks, on the data mirror, that the
/// text copy of Table S2b (the pipeline's input) keeps the row order of the original supplementary workbook
/// (van de Wetering 2015, mmc3.xlsx, sheet "Supplemental Table S2b"), so "replicate 1" means the first published row.
/// </summary>
public class ReplicateOrderMirrorTests
{
    /// <summary>The text copy prints the workbook's values with 6 decimals.</summary>
    private const double PrintedDigits = 5e-7;

    [MirrorFact]
    public void Text_table_keeps_the_workbook_row_order()
    {
        var screen = DrugScreen.ReadVanDeWetering(MirrorData.File("organoid_crc", "supp_table_S2b.txt"), CountLog.Silent);
        var rows = ReadSheet(MirrorData.File("organoid_crc", "1-s2.0-S0092867415003736-mmc3.xlsx"), "Supplemental Table S2b");
        var data = rows.Skip(1).Where(r => r.TryGetValue("A", out var a) && a.Length > 0).ToList();
        Assert.Equal(screen.Measurements.Count, data.Count);
        for (int i = 0; i < data.Count; i++)
        {
            var m = screen.Measurements[i];
            Assert.Equal(m.Organoid, data[i]["A"].ToUpperInvariant());
            Assert.Equal(m.DrugId, data[i]["B"]);
            double ic50 = double.Parse(data[i]["E"], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(ic50 - m.LnIc50) <= PrintedDigits, $"row {i + 2}: workbook IC50 {ic50}, text {m.LnIc50}");
        }
    }

    /// <summary>Rows of one worksheet as column letter -> cell text (shared strings resolved). Enough for this table.</summary>
    private static List<Dictionary<string, string>> ReadSheet(string xlsx, string sheetName)
    {
        using var zip = ZipFile.OpenRead(xlsx);
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
        XDocument Load(string name) { using var s = zip.GetEntry(name)!.Open(); return XDocument.Load(s); }

        var shared = zip.GetEntry("xl/sharedStrings.xml") is null ? [] :
            Load("xl/sharedStrings.xml").Root!.Elements(main + "si").Select(si => string.Concat(si.Descendants(main + "t").Select(t => t.Value))).ToList();
        var sheet = Load("xl/workbook.xml").Root!.Descendants(main + "sheet").Single(s => (string?)s.Attribute("name") == sheetName);
        string id = (string)sheet.Attribute(rel + "id")!;
        string target = (string)Load("xl/_rels/workbook.xml.rels").Root!.Elements(pkg + "Relationship").Single(r => (string?)r.Attribute("Id") == id).Attribute("Target")!;
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in Load("xl/" + target).Root!.Descendants(main + "row"))
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var c in row.Elements(main + "c"))
            {
                string column = new(((string)c.Attribute("r")!).TakeWhile(char.IsLetter).ToArray());
                string? v = (string?)c.Element(main + "v");
                if (v is null) continue;
                cells[column] = (string?)c.Attribute("t") == "s" ? shared[int.Parse(v, CultureInfo.InvariantCulture)] : v;
            }
            rows.Add(cells);
        }
        return rows;
    }
}
