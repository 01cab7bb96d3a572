using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Study;

/// <summary>
/// The study as a run can use it (<see cref="StudyAvailability.Usable"/>): the repository's study without the connected
/// inputs is exactly the offline study (stand-ins only), with them its preference lists move to the paper's inputs.
/// </summary>
public class StudyAvailabilityTests
{
    private static string RepoData(string file) => Path.Combine(DataMirror.RepoRoot()!, "data", file);

    private static IReadOnlyList<ManifestEntry> Manifest() => OrganoidBiomarkers.Data.Manifest.Read(RepoData("manifest.tsv"));

    private static StudyDefinition Repository() => StudyDefinition.Read(RepoData("study.json"), Manifest().Select(e => e.Id).ToList());

    /// <summary>What an offline run on the mirror can read: every input except the connected and not-available ones.</summary>
    private static bool Offline(string id) => Manifest().Single(e => e.Id == id).Fetch is not (FetchMode.Connected or FetchMode.NotAvailable);

    [Fact]
    public void Without_the_connected_inputs_the_study_is_the_offline_study_of_stand_ins()
    {
        var usable = Repository().Usable(Offline);
        var study = usable.Study;
        Assert.Empty(study.Problems(Manifest().Select(e => e.Id).ToList()));
        Assert.Equal(["crc"], study.OrganoidCollections.Select(c => c.Id));
        Assert.Equal(["xena_coadread", "xena_blca", "rnaseqdb_read", "firehose_crc"], study.ExpressionSources.Select(s => s.Id));
        Assert.Equal(["authors", "string", "menche"], study.Selections.Select(s => s.Id));
        Assert.Equal(["string"], study.FirstNeighbourNetworks);
        Assert.Equal(["authors", "string"], study.Atlas!.Main.Selections);
        Assert.Equal([["xena_coadread"], ["xena_blca"]], study.Atlas.Cancers.Select(c => c.Expression));
        Assert.Contains(usable.Skipped, s => s.ToString() == "atlas selection string105 (string_v10_5 not available)");
        Assert.Equal(["coad_5fu", "coad_untreated_5fu", "coadread_5fu", "blca_cisplatin", "blca_cisplatin_cdr", "blca_untreated_cisplatin"], study.Cohorts.Select(c => c.Id));
        Assert.Equal(["coad_biotab", "coad_biolinks", "blca_biolinks", "coadread_biolinks"], study.DrugRecords.Select(d => d.Id));
        Assert.Equal(["COAD"], study.SurvivalSource("biotab")!.Inputs.Keys);
        var fu = study.Arm("5fu");
        Assert.Equal(["xena_coadread", "rnaseqdb_read", "firehose_crc"], fu.Expression);
        Assert.Equal(["xena_coadread"], fu.Main.Expression);
        var cis = study.Arm("cisplatin");
        Assert.Equal(["crc"], cis.Training.Select(t => t.Organoids));
        Assert.Equal("bladder organoid expression not available", cis.Training[0].Substitute);
        Assert.Equal(["blca_cisplatin", "blca_cisplatin_cdr"], cis.Analyses.Select(a => a.Cohort));
        Assert.Equal(["xena_blca"], cis.Expression);
        Assert.Equal(["xena_blca"], cis.Main.Expression);
        // Every left-out entry is named with its missing input.
        Assert.Contains(usable.Skipped, s => s.Kind == "selection" && s.Id == "string105" && s.Why == "string_v10_5 not available");
        Assert.Contains(usable.Skipped, s => s.Kind == "organoid collection" && s.Id == "blca" && s.Why.Contains("blca_organoid_expression"));
        Assert.Contains(usable.Skipped, s => s.Kind == "cohort" && s.Id == "blca_cisplatin_biotab");
        Assert.Contains(usable.Skipped, s => s.Kind == "training set" && s.Id == "cisplatin: blca");
    }

    [Fact]
    public void With_every_input_the_main_rows_prefer_the_papers_inputs()
    {
        var usable = Repository().Usable(_ => true);
        Assert.Empty(usable.Skipped);
        var study = usable.Study;
        Assert.Equal("tcga_coad", study.Arm("5fu").Main.Expression[0]);
        Assert.Equal("tcga_blca", study.Arm("cisplatin").Main.Expression[0]);
        Assert.Equal("blca", study.Arm("cisplatin").Training[0].Organoids);
        Assert.Null(study.Arm("cisplatin").Training[0].Substitute);
        Assert.Equal("crc", study.Arm("cisplatin").Training[1].Organoids);
        Assert.Equal(TrainingResponse.Auc, study.OrganoidCollection("blca").TrainingResponse);
        Assert.Equal("string105", study.FirstNeighbourNetworks[0]);
        Assert.Equal("tcga_blca", study.Cohort("blca_cisplatin_biotab")!.ExpressionSamples);
    }

    [Fact]
    public void The_record_counts_entries_before_and_after_and_names_what_was_left_out()
    {
        var full = Repository();
        var usable = full.Usable(Offline);
        var log = new CountLog();
        usable.Record(log, full.EntryCount());
        var entry = Assert.Single(log.Entries);
        Assert.Equal(full.EntryCount(), entry.Before);
        Assert.Equal(full.EntryCount() - usable.Skipped.Count, entry.After);
        Assert.Equal(usable.Study.EntryCount(), entry.After);
        Assert.Contains("selection string105 (string_v10_5 not available)", entry.Rule);
        var all = new CountLog();
        full.Usable(_ => true).Record(all, full.EntryCount());
        Assert.Equal(0, all.Entries[0].Removed);
    }

    [Fact]
    public void What_an_arm_cannot_do_without_is_kept_so_the_stage_reports_the_missing_input()
    {
        var full = Repository();
        // The mirror without the Xena BLCA file: none of the cisplatin arm's main expression sources is left, so the list
        // stays as written (stage 05 then says that no source scores the main cohort).
        var usable = full.Usable(id => Offline(id) && id != "xena_blca");
        var cis = usable.Study.Arm("cisplatin");
        Assert.Equal(["tcga_blca", "xena_blca"], cis.Main.Expression);
        Assert.Contains("xena_blca", cis.Expression);
        // A control whose cohort goes is dropped from its analysis, the analysis stays.
        var noBiolinks = full.Usable(id => Offline(id) && id != "blca_drug");
        Assert.All(noBiolinks.Study.Arm("cisplatin").Analyses.Where(a => a.Cohort == "blca_cisplatin"), a => Assert.Null(a.Control));
        Assert.Contains(noBiolinks.Skipped, s => s.Kind == "control" && s.Id == "cisplatin: blca_untreated_cisplatin");
    }

    [Fact]
    public void A_cohort_filtered_by_expression_samples_must_name_an_expression_source_and_not_both_filters()
    {
        var full = Repository();
        var c = full.Cohort("blca_cisplatin_biotab")!;
        var wrong = full with { Cohorts = [.. full.Cohorts.Where(x => x.Id != c.Id), c with { ExpressionSamples = "tcga_bcla" }] };
        Assert.Contains(wrong.Problems(), p => p.Contains("expression_samples: 'tcga_bcla' is not an expression source"));
        var both = full with { Cohorts = [.. full.Cohorts.Where(x => x.Id != c.Id), c with { ExpressionFiles = new ExpressionFileFilter("coad_gdc_files", "coad_biotab_patient") }] };
        Assert.Contains(both.Problems(), p => p.Contains("two filters for one thing"));
    }
}
