using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Reporting;
using Xunit;

namespace OrganoidBiomarkers.Tests.Reporting;

/// <summary>The parity rows on the fixture world (see <see cref="ReportFixture"/>): every expected value worked out from its files.</summary>
public class ParityTableTests
{
    private static readonly IReadOnlyList<ParityRow> Rows = ParityTable.Rows(ReportFixture.Run());

    private static ParityRow Row(string quantity) => Rows.Single(r => r.Quantity == quantity);

    private static string Status(string quantity) => ParityRow.StatusText(Row(quantity).Status);

    [Fact]
    public void Labels_drugs_and_main_settings_come_from_the_study_definition()
    {
        Assert.Equal("match", Status("CRC organoids with expression and Drug X response"));
        Assert.Equal("match", Status("TCGA COAD patients treated with Drug X"));
        Assert.Equal("match", Status("top Drug X biomarker (ridgecv)"));
        Assert.Equal("match", Status("ridgecv alpha, Drug X (authors selection)"));
        Assert.Equal(["fu", "cis"], Rows.Select(r => r.Key.Arm).Where(a => a.Length > 0).Distinct());
        // The validation row of another selection (string, p 0.3) with the same model and k is not the main split.
        Assert.Equal("0.01442", Row("coad_x: log-rank p").Ours);
        Assert.Equal("coad_x, expression xena_coadread, survival biotab, ridgecv, k = 1", Row("coad_x: log-rank p").Inputs);
    }

    [Fact]
    public void Cohort_deaths_come_from_the_authors_figure_when_it_shows_the_whole_cohort()
    {
        var deaths = Row("deaths among the COAD Drug X patients");
        Assert.Equal(("authors' code", "3", "3", ParityStatus.Match), (deaths.Source, deaths.Reference, deaths.Ours, deaths.Status));
        Assert.Equal("reference/k1.tsv:2 (events_responders + events_nonresponders)", deaths.SourceFile);
    }

    [Fact]
    public void An_arm_without_any_reference_says_so_and_names_its_substitute()
    {
        var organoids = Row("CRC organoids with expression and Drug Y response");
        Assert.Equal((ParityStatus.NoReferenceValue, "", "5"), (organoids.Status, organoids.Reference, organoids.Ours));
        Assert.Contains("bladder organoid expression not available", organoids.Reason);
        var split = Rows.Where(r => r.Key.Topic == ParityTopic.PatientSplit && r.Key.Arm == "cis").ToList();
        Assert.Equal(6, split.Count);
        Assert.All(split, r => Assert.Equal(ParityStatus.NoReferenceValue, r.Status));
        Assert.All(split, r => Assert.Contains("the authors' demo outputs cover only coad_x", r.Reason));
        Assert.All(split, r => Assert.Contains("trained on CRC organoids: bladder organoid expression not available", r.Reason));
        var patients = Row("TCGA BLCA patients treated with Drug Y");
        Assert.Equal((ParityStatus.Differs, "7", "8"), (patients.Status, patients.Reference, patients.Ours));
        Assert.Contains("without file metadata for BLCA", patients.Reason);
    }

    [Fact]
    public void Proximal_counts_are_read_from_the_authors_z_table_with_the_file_named()
    {
        var authors = Row("proximal pathways for DRUGX (authors)");
        Assert.Equal(("3", "3", ParityStatus.Match), (authors.Reference, authors.Ours, authors.Status));   // P_A, P_B and P_C (z = -1.2816 counts)
        Assert.Equal("network/z.txt (column DRUGX, z <= -1.2816)", authors.SourceFile);
        var standIn = Row("proximal pathways for DRUGX (string)");
        Assert.Equal(("3", "2", ParityStatus.Differs), (standIn.Reference, standIn.Ours, standIn.Status));
        Assert.Contains("a stand-in for the paper's network", standIn.Reason);
        Assert.Equal(("2", "2"), (Row("proximal pathways for DRUGY (authors)").Reference, Row("proximal pathways for DRUGY (authors)").Ours));
        Assert.Equal(("4", "match"), (Row("organoid pathways scored by ssGSEA (authors' GMT handling)").Ours, Status("organoid pathways scored by ssGSEA (authors' GMT handling)")));
    }

    [Fact]
    public void The_main_split_takes_the_papers_number_first_then_the_authors_figure_at_its_stated_precision()
    {
        var n = Row("coad_x: predicted responders");
        Assert.Equal(("paper", "data/paper_values.tsv (coad_x_n_responders)", "4", ParityStatus.Match), (n.Source, n.SourceFile, n.Reference, n.Status));
        var nn = Row("coad_x: predicted non-responders");
        Assert.Equal(("authors' code", "reference/k1.tsv:2", "5", "4", ParityStatus.Differs), (nn.Source, nn.SourceFile, nn.Reference, nn.Ours, nn.Status));
        // 0.01442 is 0.0144 at the figure's 4 decimals; 0.9996 is 1.000 at 3; 0.5312 is 0.531.
        Assert.Equal("match", Status("coad_x: log-rank p"));
        Assert.Equal("match", Status("coad_x: 5-year survival, responders"));
        Assert.Equal("match", Status("coad_x: 5-year survival, non-responders"));
        Assert.Contains("stated precision", Row("coad_x: log-rank p").Reason);
        Assert.Equal(("3", "match"), (Row("coad_x: events").Reference, Status("coad_x: events")));
        Assert.Equal("differs", Status("coad_x: log-rank p (ols, k = 1)"));
        Assert.Equal("reference/k1.tsv:3", Row("coad_x: log-rank p (ols, k = 1)").SourceFile);
    }

    [Fact]
    public void Top_k_splits_compare_with_the_authors_table_at_full_precision_and_only_where_it_has_a_number()
    {
        Assert.Equal("match", Status("coad_x: log-rank p (ridgecv, k = 2)"));
        Assert.Equal("differs", Status("coad_x: 5-year survival, responders (ridgecv, k = 2)"));   // 0.75 vs 0.7
        Assert.Equal("reference/topk.txt:2", Row("coad_x: log-rank p (ridgecv, k = 2)").SourceFile);
        Assert.Equal("differs", Status("coad_x: log-rank p (ridgecv, k = 3)"));
        Assert.Equal(["match", "match", "match"],
            new[] { "log-rank p", "5-year survival, responders", "5-year survival, non-responders" }.Select(q => Status($"coad_x: {q} (ols, k = 2)")));
        // Their table gives no group sizes: no such rows for k > 1.
        Assert.DoesNotContain(Rows, r => r.Quantity == "coad_x: predicted responders (ridgecv, k = 2)");
        // main (6) + ols k = 1 from the figure (6) + three measures for each of ridgecv k = 2, 3 and ols k = 2.
        Assert.Equal(6 + 6 + 3 * 3, Rows.Count(r => r.Key.Topic == ParityTopic.PatientSplit && r.Key.Arm == "fu"));
    }

    [Fact]
    public void The_authors_top_k_lists_are_checked_against_our_ranking_once_when_nested()
    {
        var ridge = Rows.Single(r => r.Key.Topic == ParityTopic.TopKBiomarkers && r.Key.Variant == "ridgecv");
        Assert.Equal(("P_A;P_B;P_C", "P_A;P_B;P_C", ParityStatus.Match, 3), (ridge.Reference, ridge.Ours, ridge.Status, ridge.Key.K));
        Assert.Contains("k = 2..3 are its prefixes", ridge.Quantity);
        var ols = Rows.Single(r => r.Key.Topic == ParityTopic.TopKBiomarkers && r.Key.Variant == "ols");
        Assert.Equal(("P_A;P_C", ParityStatus.Match), (ols.Ours, ols.Status));
    }

    [Fact]
    public void Every_row_with_a_reference_names_its_source_file_and_only_the_arm_without_references_lacks_them()
    {
        Assert.All(Rows.Where(r => r.Reference.Length > 0), r => Assert.NotEmpty(r.SourceFile));
        Assert.All(Rows.Where(r => r.Status == ParityStatus.NoReferenceValue), r => Assert.Equal("cis", r.Key.Arm));
        var table = ParityTable.Build(ReportFixture.Run());
        Assert.Equal(["quantity", "arm", "source", "source_file", "reference", "ours", "inputs", "status", "reason"], table.Columns);
    }

    [Fact]
    public void Without_the_mirror_the_authors_references_are_missing_and_the_rows_say_why()
    {
        var rows = ParityTable.Rows(ReportFixture.Run(withMirror: false));
        var proximal = rows.Single(r => r.Quantity == "proximal pathways for DRUGX (authors)");
        Assert.Equal(ParityStatus.NoReferenceValue, proximal.Status);
        Assert.Contains("no mirror folder is set", proximal.Reason);
        Assert.DoesNotContain(rows, r => r.Key.Topic == ParityTopic.TopKBiomarkers);
        Assert.Equal(ParityStatus.Match, rows.Single(r => r.Quantity == "coad_x: predicted responders").Status);   // the paper's own number
    }

    [Fact]
    public void A_mirror_file_that_differs_from_the_manifest_is_refused()
    {
        var mirror = Directory.CreateTempSubdirectory("report-mirror-").FullName;
        try
        {
            foreach (var f in Directory.GetFiles(TestPaths.Fixture("report", "mirror"), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(mirror, Path.GetRelativePath(TestPaths.Fixture("report", "mirror"), f));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(f, target);
            }
            File.AppendAllText(Path.Combine(mirror, "reference", "k1.tsv"), "\n");
            var e = Assert.Throws<InputException>(() => ParityTable.Rows(ReportFixture.Run(mirror: mirror)));
            Assert.Contains("authors_demo_k1_values", e.Problem);
        }
        finally { Directory.Delete(mirror, recursive: true); }
    }
}
