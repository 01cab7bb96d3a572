using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

/// <summary>The readers of the smaller inputs: organoid response tables, GDC manifest, RECIST records, ID maps, the authors' tables.</summary>
public class SmallReadersTests
{
    private static string F(string name) => TestPaths.Fixture("data", name);

    [Fact]
    public void Lee2018_refuses_a_line_and_drug_listed_twice()
    {
        var e = Assert.Throws<InputException>(() => OrganoidResponseTables.ReadLee2018(F("lee2018_dup.tsv")));
        Assert.Equal(4, e.Line);
        Assert.Contains("SCBO-1 x drug CISPLATIN appears twice", e.Message);
    }

    [Fact]
    public void Lee2018_refuses_a_missing_response()
    {
        var e = Assert.Throws<InputException>(() => OrganoidResponseTables.ReadLee2018(F("lee2018_na.tsv")));
        Assert.Contains("response 'NA' is not a finite number", e.Message);
    }

    [Fact]
    public void Tiriac_values_are_read_as_auc() =>
        Assert.Equal(new[] { ("hF2", 0.55), ("hF3", 0.71) }, OrganoidResponseTables.ReadTiriac2018(F("tiriac.tsv")).Select(r => (r.Sample, r.Value)));

    [Fact]
    public void Gdc_manifest_refuses_a_size_that_is_not_an_integer()
    {
        var e = Assert.Throws<InputException>(() => GdcFiles.ReadManifest(F("gdc_manifest_badsize.txt")));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Recist_records_keep_cancer_drugbank_id_and_placeholders_as_missing()
    {
        var r = TcgaClinical.ReadRecist(F("recist.tsv"));
        Assert.Equal(("COAD", "DB00544", "Complete Response", 100.0), (r[0].Cancer, r[0].DrugBankId, r[0].Record.Response, r[0].Record.EndDay));
        Assert.Null(r[1].Record.Response);
        Assert.Null(r[1].Record.EndDay);
    }

    [Fact]
    public void Ensembl_map_keeps_the_first_symbol_and_counts_conflicts_and_blanks()
    {
        var log = new CountLog();
        var map = GeneIdMaps.ReadEnsembl(F("ensembl.tsv"), log);
        Assert.Equal("TP53", map["ENSG01"]);
        Assert.Equal(2, map.Count);
        Assert.Contains("1 row(s) with an empty ID or symbol; 1 ID(s) with a second, different symbol", log.Entries[0].Rule);
    }

    [Fact]
    public void Authors_table_maps_pooled_drugs_and_aliases_to_its_columns()
    {
        var t = AuthorsProximityTable.Read(F("authors_z.tsv"));
        Assert.Equal(-1.2816, t.Column("FLUOROURACIL")["P3"]);
        var pooled = new DrugTargetEntry("GEFITINIB,CETUXIMAB", ["GEFITINIB", "CETUXIMAB"], ["EGFR"]);
        Assert.Equal("CETUXIMAB_GEFITINIB", t.ColumnFor(pooled));
        Assert.Equal("AICA RIBONUCLEOTIDE", t.ColumnFor(new DrugTargetEntry("AICAR", ["AICAR"], ["ATIC"])));
        Assert.Null(t.ColumnFor(new DrugTargetEntry("ASPIRIN", ["ASPIRIN"], ["PTGS1"])));
    }

    [Fact]
    public void Authors_table_refuses_a_pathway_twice() =>
        Assert.Equal(3, Assert.Throws<InputException>(() => AuthorsProximityTable.Read(F("authors_z_dup.tsv"))).Line);

    [Fact]
    public void DrugBank_targets_split_drug_ids()
    {
        var t = Assert.Single(DrugBankVocabulary.ReadTargets(F("drugbank_targets.csv")));
        Assert.Equal(("TYMS", "Human"), (t.Gene, t.Species));
        Assert.Equal(new[] { "DB00544", "DB00650" }, t.DrugIds);
    }

    [Fact]
    public void Authors_medians_upper_case_organoids_and_refuse_text()
    {
        var e = Assert.Throws<InputException>(() => DrugScreen.ReadAuthorsMedians(F("authors_medians_bad.tsv")));
        Assert.Equal(3, e.Line);
    }
}
