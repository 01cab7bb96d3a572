using System.Globalization;
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
        var screen = DrugScreen.ReadVanDeWetering(DataMirror.File("organoid_crc", "supp_table_S2b.txt"), CountLog.Silent);
        var rows = XlsxWorkbook.ReadSheet(DataMirror.File("organoid_crc", "1-s2.0-S0092867415003736-mmc3.xlsx"), "Supplemental Table S2b");
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
}
