using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

/// <summary>A curated response table as a screen (the bladder organoids of a connected run), and the expression-profile cohort filter.</summary>
public class CuratedScreenTests
{
    [Fact]
    public void Each_line_and_drug_is_one_measurement_whose_auc_is_the_tables_response_and_whose_ic50_is_not_given()
    {
        var log = new CountLog();
        var screen = CuratedScreen.FromResponses(
            [new CuratedResponse("SCBO-1", "CISPLATIN", 0.63, "AUC (Lee 2018 Table S3, mean of replicates)", "lower = more sensitive", 2),
             new CuratedResponse("SCBO-3_2", "CISPLATIN", 0.71, "AUC (Lee 2018 Table S3, mean of replicates)", "lower = more sensitive", 2),
             new CuratedResponse("SCBO-1", "GEMCITABINE", 0.4, "AUC (Lee 2018 Table S3, mean of replicates)", "lower = more sensitive", 1)],
            "blca_organoid_response_published", log);
        // Matched case-insensitively, as the study names the drug in screens ("Cisplatin").
        var auc = screen.MedianAuc("Cisplatin");
        Assert.Equal([("SCBO-1", 0.63, 1), ("SCBO-3_2", 0.71, 1)], auc.Select(a => (a.Organoid, a.MedianAuc, a.Replicates)));
        Assert.All(screen.MedianIc50("Cisplatin"), r => Assert.True(double.IsNaN(r.MedianLnIc50)));
        Assert.All(screen.Measurements, m => Assert.True(double.IsNaN(m.MaxConcentration)));
        var entry = Assert.Single(log.Entries);
        Assert.Equal((3, 3), (entry.Before, entry.After));
        Assert.Contains("2 lines x 2 drugs", entry.Rule);
        Assert.Contains("AUC only", entry.Rule);
    }

    [Fact]
    public void The_expression_profile_filter_keeps_members_with_a_primary_tumour_sample_only()
    {
        var members = new[] { "TCGA-AA-0001", "TCGA-AA-0002", "TCGA-AA-0003", "TCGA-AA-0004" }.Select(p => new CohortMember(p, 100, false)).ToList();
        string[] samples = ["TCGA-AA-0001-01A", "TCGA-AA-0002-11A", "TCGA-AA-0003", "TCGA-AA-0004-01B", "TCGA-ZZ-0009-01A", "not a barcode"];
        var log = new CountLog();
        var kept = Cohorts.WithPrimaryTumourSample(members, samples, "tcga_blca", "BLCA cisplatin: with a tcga_blca expression profile", log);
        // A normal-only patient (-11A) and a patient-level barcode do not count; a second vial (01B) does.
        Assert.Equal(["TCGA-AA-0001", "TCGA-AA-0004"], kept.Select(m => m.Id));
        Assert.Equal((4, 2), (log.Entries[0].Before, log.Entries[0].After));
        Assert.Contains("3 patients with one in tcga_blca", log.Entries[0].Rule);
    }
}
