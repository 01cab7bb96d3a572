using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

public class DrugReadersTests
{
    private static string F(string name) => TestPaths.Fixture("data", name);

    [Fact]
    public void Screen_upper_cases_organoids_numbers_replicates_and_takes_medians()
    {
        var log = new CountLog();
        var screen = DrugScreen.ReadVanDeWetering(F("screen.tsv"), log);
        Assert.Equal(new[] { "P1", "P19A" }, screen.Organoids);
        Assert.Equal(new[] { 1, 2, 3 }, screen.ForDrug("5-Fluorouracil").Where(m => m.Organoid == "P1").Select(m => m.Replicate));
        // Medians by hand: P1 of (2.0, 4.0, 3.5) = 3.5; P19A of (1.0, 2.0) = 1.5.
        var medians = screen.MedianIc50("5-fluorouracil");
        Assert.Equal(new[] { ("P1", 3.5, 3), ("P19A", 1.5, 2) }, medians.Select(r => (r.Organoid, r.MedianLnIc50, r.Replicates)));
        Assert.Equal(screen.MedianIc50("1073"), medians);
        // AUC medians by hand: P1 of (0.9, 0.7, 0.8) = 0.8; P19A of (0.6, 0.7) = 0.65.
        Assert.Equal(new[] { ("P1", 0.8, 3), ("P19A", 0.65, 2) }, screen.MedianAuc("5-Fluorouracil").Select(r => (r.Organoid, Math.Round(r.MedianAuc, 12), r.Replicates)));
        Assert.Contains("3 row(s) had lower-case letters", log.Entries[0].Rule);
    }

    [Fact]
    public void Missing_ic50_is_refused()
    {
        var e = Assert.Throws<InputException>(() => DrugScreen.ReadVanDeWetering(F("screen_na.tsv"), CountLog.Silent));
        Assert.Contains("IC50 'NA' is not a finite number", e.Message);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void One_drug_id_with_two_names_is_refused()
    {
        var e = Assert.Throws<InputException>(() => DrugScreen.ReadVanDeWetering(F("screen_renamed_id.tsv"), CountLog.Silent));
        Assert.Contains("Drug_ID 1073 has several names", e.Message);
    }

    [Fact]
    public void Unknown_drug_lists_what_is_there() =>
        Assert.Contains("not in the screen", Assert.Throws<ArgumentException>(() => DrugScreen.ReadVanDeWetering(F("screen.tsv"), CountLog.Silent).MedianIc50("Aspirin")).Message);

    [Fact]
    public void Drug_targets_split_pooled_drugs_and_name_them_as_the_authors()
    {
        var entries = DrugTargets.Read(F("drug_targets.txt"));
        Assert.Equal(new[] { "TF", "MPG", "A2M", "ATOX1" }, DrugTargets.Find(entries, "cisplatin").Targets);
        Assert.Equal("DOCETAXEL_PACLITAXEL", DrugTargets.Find(entries, "DOCETAXEL").PooledName);
        Assert.Equal(new[] { "BMS-536924", "LINSITINIB" }, DrugTargets.Find(entries, "LINSITINIB").Drugs);
    }

    [Fact]
    public void Drug_without_targets_is_refused()
    {
        var e = Assert.Throws<InputException>(() => DrugTargets.Read(F("drug_targets_empty.txt")));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void DrugBank_csv_keeps_quoted_synonyms()
    {
        var v = DrugBankVocabulary.Read(F("drugbank_vocabulary.csv"));
        Assert.Equal(5, v.Count);
        Assert.Equal(new[] { "CDDP", "cis-diamminedichloroplatinum(II), \"cis\" form" }, v[1].Synonyms);
        Assert.Equal("Folinic acid\nsecond line", v[2].Synonyms[0]);
    }

    [Theory]
    [InlineData("5 FU", new[] { "FLUOROURACIL" })]
    [InlineData("5- FU", new[] { "FLUOROURACIL" })]
    [InlineData("fluorouracilum", new[] { "FLUOROURACIL" })]
    [InlineData("Gemcitabine and Cisplatin", new[] { "CISPLATIN" })]
    [InlineData("Xeloda", new[] { "CAPECITABINE" })]
    [InlineData("FOLFOX", new string[0])]
    [InlineData("Oxaliplatin, Fluorouracil", new string[0])]
    public void Authors_rule_matches_synonyms_but_not_regimens(string text, string[] expected)
    {
        var names = new DrugNames(DrugBankVocabulary.Read(F("drugbank_vocabulary.csv")), DrugNameRule.Authors);
        Assert.Equal(expected, names.Normalise(text));
    }

    [Theory]
    [InlineData("FOLFOX", new[] { "FLUOROURACIL", "LEUCOVORIN", "OXALIPLATIN" })]
    [InlineData("Oxaliplatin, Fluorouracil", new[] { "OXALIPLATIN", "FLUOROURACIL" })]
    [InlineData("oxaliplatinum+ 5-FU", new[] { "FLUOROURACIL" })]
    [InlineData("5-Fluorouracil + leucovorin", new[] { "FLUOROURACIL", "LEUCOVORIN" })]
    public void Extended_rule_also_reads_regimens_and_combinations(string text, string[] expected)
    {
        var names = new DrugNames(DrugBankVocabulary.Read(F("drugbank_vocabulary.csv")), DrugNameRule.Extended);
        Assert.Equal(expected, names.Normalise(text));
    }
}

public class XlsxWorkbookTests
{
    [Fact]
    public void Reads_sheet_names_and_cells_with_shared_strings()
    {
        var path = TestPaths.Fixture("data", "workbook.xlsx");
        Assert.Equal(new[] { "Table S2b" }, XlsxWorkbook.SheetNames(path));
        var rows = XlsxWorkbook.ReadSheet(path, "Table S2b");
        Assert.Equal("Organoid", rows[0]["A"]);
        Assert.Equal(("P19a", "2.5"), (rows[1]["A"], rows[1]["B"]));
    }

    [Fact]
    public void Unknown_sheet_and_truncated_file_are_input_errors()
    {
        Assert.Contains("no worksheet 'S9'", Assert.Throws<InputException>(() => XlsxWorkbook.ReadSheet(TestPaths.Fixture("data", "workbook.xlsx"), "S9")).Message);
        Assert.Contains("not a valid xlsx", Assert.Throws<InputException>(() => XlsxWorkbook.SheetNames(TestPaths.Fixture("data", "workbook_truncated.xlsx"))).Message);
    }
}
