using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

// Fixtures are hand-written (Fixtures/gmt/); expected values follow from the file text and the stated rules.
public class GmtReaderTests
{
    private static string Gmt(string name) => TestPaths.Fixture("gmt", name);

    [Fact]
    public void Standard_layout_reads_name_description_then_genes()
    {
        var sets = GmtReader.Read(Gmt("standard.gmt"), GmtLayout.Standard);
        Assert.Equal(["SET_A", "SET_B", "SET_C"], sets.Select(s => s.Name));
        Assert.Equal(["http://example.org/a", "na", null], sets.Select(s => s.Description));
        Assert.Equal(["TP53", "KRAS", "APC"], sets[0].Genes);
        Assert.Equal(["MYC"], sets[1].Genes);
        Assert.Equal(["EGFR", "ERBB2"], sets[2].Genes);
    }

    [Fact]
    public void NoDescription_layout_reads_genes_from_field_two()
    {
        var sets = GmtReader.Read(Gmt("no_description.gmt"), GmtLayout.NoDescription);
        Assert.Equal(["SET_A", "SET_B", "SET_C", "SET_D"], sets.Select(s => s.Name));
        Assert.All(sets, s => Assert.Null(s.Description));
        Assert.Equal(["TP53", "KRAS", "APC"], sets[0].Genes);
        Assert.Equal(["MYC"], sets[1].Genes);
    }

    [Fact]
    public void Standard_layout_on_a_file_without_descriptions_loses_each_first_gene_as_gseapy_09_did()
    {
        var notes = new List<string>();
        var log = new CountLog(notes.Add);
        var sets = GmtReader.Read(Gmt("no_description.gmt"), GmtLayout.Standard, log);
        // SET_B had one gene: it became its "description", leaving no gene, so the set is dropped with a count.
        Assert.Equal(["SET_A", "SET_C", "SET_D"], sets.Select(s => s.Name));
        Assert.Equal(["TP53", "EGFR", "KRAS"], sets.Select(s => s.Description));
        Assert.Equal(["KRAS", "APC"], sets[0].Genes);
        Assert.Equal(["ERBB2"], sets[1].Genes);
        var dropped = Assert.Single(log.Entries, e => e.Step == "gmt: sets with at least one gene");
        Assert.Equal((4, 3), (dropped.Before, dropped.After));
        // 2 of 3 descriptions (TP53, KRAS) are genes of other sets: the reader says the layout looks wrong.
        Assert.Contains(notes, n => n.Contains("may have no description column"));
    }

    [Fact]
    public void A_real_standard_file_gets_no_layout_note()
    {
        var notes = new List<string>();
        GmtReader.Read(Gmt("standard.gmt"), GmtLayout.Standard, new CountLog(notes.Add));
        Assert.DoesNotContain(notes, n => n.Contains("may have no description column"));
    }

    [Fact]
    public void Duplicated_genes_within_a_set_are_kept_once_with_a_count()
    {
        var log = new CountLog();
        var sets = GmtReader.Read(Gmt("duplicated_genes.gmt"), GmtLayout.NoDescription, log);
        Assert.Equal(["TP53", "KRAS", "APC"], sets[0].Genes);
        Assert.Equal(["MYC"], sets[1].Genes);
        var e = Assert.Single(log.Entries, e => e.Step == "gmt: genes within sets");
        Assert.Equal((7, 4), (e.Before, e.After));
    }

    [Fact]
    public void Crlf_blank_lines_empty_fields_and_spaces_are_tolerated()
    {
        var log = new CountLog();
        var sets = GmtReader.Read(Gmt("crlf_blank_and_empty_fields.gmt"), GmtLayout.NoDescription, log);
        Assert.Equal(["SET_A", "SET_B"], sets.Select(s => s.Name));
        Assert.Equal(["TP53", "KRAS"], sets[0].Genes);
        Assert.Equal(["MYC"], sets[1].Genes);
        var e = Assert.Single(log.Entries, e => e.Step == "gmt: sets with at least one gene");
        Assert.Equal((3, 2), (e.Before, e.After));
    }

    [Fact]
    public void Duplicated_set_name_is_an_error_naming_both_lines()
    {
        var ex = Assert.Throws<InputException>(() => GmtReader.Read(Gmt("duplicated_name.gmt"), GmtLayout.NoDescription));
        Assert.Equal(3, ex.Line);
        Assert.Contains("already used on line 1", ex.Problem);
    }

    [Fact]
    public void Empty_set_name_is_an_error()
    {
        var ex = Assert.Throws<InputException>(() => GmtReader.Read(Gmt("empty_name.gmt"), GmtLayout.NoDescription));
        Assert.Equal(2, ex.Line);
        Assert.Contains("empty gene-set name", ex.Problem);
    }

    [Fact]
    public void Standard_line_without_description_field_is_an_error_suggesting_the_other_layout()
    {
        var ex = Assert.Throws<InputException>(() => GmtReader.Read(Gmt("standard_missing_description.gmt"), GmtLayout.Standard));
        Assert.Equal(2, ex.Line);
        Assert.Contains("NoDescription", ex.Fix);
    }

    [Fact]
    public void Empty_file_and_missing_file_are_errors()
    {
        Assert.Throws<InputException>(() => GmtReader.Read(Gmt("empty.gmt"), GmtLayout.NoDescription));
        var ex = Assert.Throws<InputException>(() => GmtReader.Read(Gmt("no_such_file.gmt"), GmtLayout.NoDescription));
        Assert.Contains("not found", ex.Problem);
    }
}
