using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Study;

public class StudyCohortsTests
{
    private static IReadOnlyList<string> Ids(StudyCohorts c, string cohort) => c.All.Single(x => x.Name == cohort).Ids;

    [Fact]
    public void Organoid_cohorts_are_the_organoids_with_expression_and_a_response_to_each_arms_drug()
    {
        var cohorts = OrganoidCohorts.Build(StudyFixture.TwoArms(), StudyFixture.PathOf, CountLog.Silent);
        Assert.Equal(["crc_organoids_5fu", "crc_organoids_cisplatin"], cohorts.Cohorts.Select(c => c.Name));
        // P6 has expression but no 5-FU IC50, P7 a 5-FU IC50 but no expression; p6 is upper-cased in both files.
        Assert.Equal(["P1", "P2", "P3", "P4", "P5"], cohorts.Cohorts[0].Ids);
        Assert.Equal(["P1", "P2", "P3", "P4", "P6"], cohorts.Cohorts[1].Ids);
        Assert.Equal(5, cohorts.Cohorts[0].PaperCount);
        Assert.Null(cohorts.Cohorts[1].PaperCount);
        Assert.Null(cohorts.Cohorts[0].Events);
    }

    [Fact]
    public void Responses_hold_every_screened_organoid_of_each_training_drug_with_median_auc_and_top_concentration()
    {
        var r = OrganoidCohorts.Build(StudyFixture.TwoArms(), StudyFixture.PathOf, CountLog.Silent).Responses;
        // 5-FU first (study order), then cisplatin; oxaliplatin trains no arm and is not handed over.
        Assert.Equal(["5-Fluorouracil"], r.Take(6).Select(x => x.Drug).Distinct());
        Assert.Equal(["P1", "P2", "P3", "P4", "P5", "P7"], r.Where(x => x.Drug == "5-Fluorouracil").Select(x => x.Organoid));
        Assert.Equal(new OrganoidResponseSummary("P1", "5-Fluorouracil", 4.5, 2, 0.85, 100), r[0], new SummaryComparer());
        Assert.Equal(new OrganoidResponseSummary("P4", "Cisplatin", 4.1, 2, 0.89, 50), r.Single(x => x.Organoid == "P4" && x.Drug == "Cisplatin"), new SummaryComparer());
        Assert.DoesNotContain(r, x => x.Drug == "Oxaliplatin");
        var table = OrganoidResponseSummary.Table(r);
        Assert.Equal(["organoid", "drug", "median_ln_ic50", "replicates", "median_auc", "max_conc_um", "collection"], table.Columns);
        Assert.Equal(["P1", "5-Fluorouracil", "4.5", "2", TsvTable.Cell(r[0].MedianAuc), "100", "crc"], table.Rows[0]);
        Assert.All(r, x => Assert.Equal("crc", x.Collection));
    }

    [Fact]
    public void Our_medians_are_checked_against_the_authors_file_named_by_the_collection()
    {
        var organoids = OrganoidCohorts.Build(StudyFixture.TwoArms(), StudyFixture.PathOf, CountLog.Silent);
        var check = MedianResponseCheck.ForCollections(organoids, StudyFixture.PathOf);
        // 5-FU: P1 4.5 vs 4.4, P2 3.0 (upper-cased) and P3 5.5 equal; P9 is only theirs. Cisplatin is not in their file.
        Assert.Equal(["5-Fluorouracil", "Cisplatin"], check.Select(c => c.Drug));
        Assert.Equal((6, 3), (check[0].Organoids, check[0].Compared));
        Assert.Equal(0.1, check[0].MaxAbsoluteDifference, 12);
        Assert.Equal(0, check[1].Compared);
        Assert.True(double.IsNaN(check[1].MaxAbsoluteDifference));
        Assert.Equal("NaN", MedianResponseCheck.Table(check).Rows[1][3]);
        var without = OrganoidCohorts.Build(StudyFixture.TwoArms(), StudyFixture.PathOf, CountLog.Silent) is var o
            ? o with { Collections = o.Collections.Select(c => c with { Collection = c.Collection with { ReferenceMedians = null } }).ToList() } : null;
        Assert.Empty(MedianResponseCheck.ForCollections(without!, StudyFixture.PathOf));
    }

    [Fact]
    public void Patient_cohorts_follow_each_rule_treated_survival_expression_file_and_the_untreated_control()
    {
        var patients = PatientCohorts.Build(StudyFixture.TwoArms(), StudyFixture.PathOf, CountLog.Silent);
        var c = patients.Cohorts.ToDictionary(x => x.Name);
        // Authors' rule: "5-FU", "Fluorouracil and Leucovorin", "5 FU" count; FOLFOX does not.
        Assert.Equal(["TCGA-AA-0001", "TCGA-AA-0002", "TCGA-AA-0008"], c["coad_5fu"].Ids);
        Assert.Equal(new CohortMember("TCGA-AA-0001", 100, true), c["coad_5fu"].Members[0]);
        Assert.Equal(new CohortMember("TCGA-AA-0002", 400, false), c["coad_5fu"].Members[1]);
        Assert.Equal("biotab", c["coad_5fu"].SurvivalSource);
        // Control: survival, not treated under the extended rule (FOLFOX, FOLFIRI excluded), a GDC file (U5 has none).
        Assert.Equal(["TCGA-AA-0004", "TCGA-AA-0007", "TCGA-AA-0009"], c["coad_untreated_5fu"].Ids);
        // BLCA: "Cisplatin+Gemcitabine" is cisplatin only under the extended rule; BT-0003 has no TCGA-CDR OS.
        Assert.Equal(["TCGA-BT-0001", "TCGA-BT-0002"], c["blca_cisplatin"].Ids);
        Assert.Equal(["TCGA-BT-0001", "TCGA-BT-0002"], c["blca_cisplatin_cdr"].Ids);
        Assert.Equal("TCGA-CDR", c["blca_cisplatin_cdr"].SurvivalSource);
        Assert.Equal(["TCGA-BT-0003", "TCGA-BT-0005"], c["blca_untreated_cisplatin"].Ids);

        var steps = patients.Steps.ToDictionary(s => s.Cohort);
        Assert.Equal(new PatientCohortSteps("coad_5fu", Treatment.Treated, DrugNameRule.Authors, 3, 3, 3, 3, ["TCGA-AA-0003", "TCGA-AA-0006"]),
            steps["coad_5fu"] with { AddedByExtendedRule = steps["coad_5fu"].AddedByExtendedRule.ToList() }, new StepsComparer());
        Assert.Equal((5, 4, 3, 3), (steps["coad_untreated_5fu"].Treated, steps["coad_untreated_5fu"].WithSurvival, steps["coad_untreated_5fu"].WithExpressionFile, steps["coad_untreated_5fu"].N));
        Assert.Equal(["TCGA-BT-0004"], steps["blca_cisplatin"].AddedByExtendedRule);
        Assert.Null(steps["blca_cisplatin"].WithExpressionFile);
        Assert.Empty(steps["blca_untreated_cisplatin"].AddedByExtendedRule);
    }

    [Fact]
    public void The_count_log_reads_as_the_method_grouped_by_drug_record_source()
    {
        var log = new CountLog();
        StudyCohorts.Build(StudyFixture.TwoArms(), StudyFixture.PathOf, log);
        Assert.Equal(
        [
            "organoid_expression.tsv: duplicated genes",
            "drug screen: organoid IDs upper-cased",
            "organoids with expression and 5-FU response",
            "organoids with expression and cisplatin response",
            "coad_biotab_drug.txt: drug records",
            "biotab: usable overall survival",
            "patients treated with FLUOROURACIL (Authors rule)",
            "patients treated with FLUOROURACIL (Extended rule)",
            "COAD 5-FU: with biotab survival",
            "COAD 5-FU: with a GDC expression file",
            "COAD not treated with 5-FU: with biotab survival",
            "COAD not treated with 5-FU: with a GDC expression file",
            "blca_drug.txt: drug records",
            "GDC survival TCGA-BLCA",
            "TCGA-CDR OS BLCA",
            "patients treated with CISPLATIN (Authors rule)",
            "patients treated with CISPLATIN (Extended rule)",
            "BLCA cisplatin: with GDC survival",
            "BLCA cisplatin: with TCGA-CDR survival",
            "BLCA not treated with cisplatin: with GDC survival",
        ], log.Entries.Select(e => e.Step));
        // 9 patients with usable biotab survival; 4 of them not treated under the extended rule.
        Assert.Equal((9, 4), (log.Entries[10].Before, log.Entries[10].After));
        Assert.Equal(["step", "before", "after", "rule"], CountLogTable.Of(log).Columns);
        Assert.Equal(log.Entries.Count, CountLogTable.Of(log).Rows.Count);
    }

    [Fact]
    public void The_cohort_table_has_one_coverage_column_per_expression_source_and_the_gdc_column_for_filtered_cohorts()
    {
        var study = StudyFixture.TwoArms();
        var cohorts = StudyCohorts.Build(study, StudyFixture.PathOf, CountLog.Silent);
        var coverage = ExpressionCoverage.Of(cohorts.Patients.Cohorts, study.ExpressionSources, StudyFixture.PathOf);
        var table = CohortTable.Of(study, cohorts, coverage);
        Assert.Equal(["cohort", "definition", "n", "paper_n", "events", "survival_source", "expr_xena_all", "expr_gdc_fpkm_uq"], table.Columns);
        Assert.Equal(["crc_organoids_5fu", "organoids with a 5-FU IC50", "5", "5", "", "", "", ""], table.Rows[0]);
        // coad_5fu: 0001 (dead), 0002, 0008; only 0001 has a Xena sample.
        Assert.Equal(["coad_5fu", "COAD 5-FU", "3", "3", "1", "biotab", "1", CohortTable.ListedNotAvailable], table.Rows[2]);
        Assert.Equal(["coad_untreated_5fu", "COAD without 5-FU", "3", "", "2", "biotab", "2", CohortTable.ListedNotAvailable], table.Rows[3]);
        Assert.Equal(["blca_untreated_cisplatin", "BLCA without cisplatin", "2", "", "1", "GDC", "1", ""], table.Rows[6]);
        Assert.Equal(cohorts.All.Select(c => c.Name), table.ColumnValues("cohort"));

        var members = cohorts.MembersTable();
        Assert.Equal(["cohort", "member", "days", "event"], members.Columns);
        Assert.Equal(["crc_organoids_5fu", "P1", "", ""], members.Rows[0]);
        Assert.Contains(members.Rows, r => r.SequenceEqual(["coad_5fu", "TCGA-AA-0002", "400", "false"]));
        Assert.Equal(cohorts.All.Sum(c => c.Count), members.Rows.Count);
    }

    [Fact]
    public void A_third_arm_added_to_the_definition_gets_its_organoid_cohort_responses_and_patient_cohorts()
    {
        var study = StudyFixture.WithIrinotecan();
        var log = new CountLog();
        var cohorts = StudyCohorts.Build(study, StudyFixture.PathOf, log);
        Assert.Equal(["crc_organoids_5fu", "crc_organoids_cisplatin", "crc_organoids_irinotecan",
            "coad_5fu", "coad_untreated_5fu", "blca_cisplatin", "blca_cisplatin_cdr", "blca_untreated_cisplatin", "coad_irinotecan", "coad_untreated_irinotecan"],
            cohorts.All.Select(c => c.Name));
        Assert.Equal(["P2", "P3", "P4", "P5", "P6"], Ids(cohorts, "crc_organoids_irinotecan"));
        Assert.Equal(["P2", "P3", "P4", "P5", "P6"], cohorts.Organoids.Responses.Where(r => r.Drug == "Irinotecan").Select(r => r.Organoid));
        Assert.Equal(1.4, cohorts.Organoids.Responses.Single(r => r.Drug == "Irinotecan" && r.Organoid == "P5").MedianLnIc50, 12);
        // "Irinotecan", "CPT-11" (a synonym) and 0008's second record; 0005 has no GDC file.
        Assert.Equal(["TCGA-AA-0004", "TCGA-AA-0008"], Ids(cohorts, "coad_irinotecan"));
        Assert.Equal(["TCGA-AA-0006"], cohorts.Patients.Steps.Single(s => s.Cohort == "coad_irinotecan").AddedByExtendedRule);
        Assert.Equal(["TCGA-AA-0001", "TCGA-AA-0002", "TCGA-AA-0003", "TCGA-AA-0007", "TCGA-AA-0009"], Ids(cohorts, "coad_untreated_irinotecan"));
        Assert.Contains(log.Entries, e => e.Step == "organoids with expression and irinotecan response");
        Assert.Contains(log.Entries, e => e.Step == "COAD irinotecan: with a GDC expression file" && e.Before == 3 && e.After == 2);
        // The COAD drug records are read once for both arms.
        Assert.Single(log.Entries, e => e.Step == "coad_biotab_drug.txt: drug records");
    }

    private sealed class SummaryComparer : IEqualityComparer<OrganoidResponseSummary>
    {
        public bool Equals(OrganoidResponseSummary? a, OrganoidResponseSummary? b) => a is not null && b is not null && a.Organoid == b.Organoid && a.Drug == b.Drug
            && Math.Abs(a.MedianLnIc50 - b.MedianLnIc50) < 1e-12 && a.Replicates == b.Replicates && Math.Abs(a.MedianAuc - b.MedianAuc) < 1e-12 && a.MaxConcentration == b.MaxConcentration;
        public int GetHashCode(OrganoidResponseSummary x) => 0;
    }

    private sealed class StepsComparer : IEqualityComparer<PatientCohortSteps>
    {
        public bool Equals(PatientCohortSteps? a, PatientCohortSteps? b) => a is not null && b is not null
            && (a with { AddedByExtendedRule = [] }) == (b with { AddedByExtendedRule = [] }) && a.AddedByExtendedRule.SequenceEqual(b.AddedByExtendedRule);
        public int GetHashCode(PatientCohortSteps x) => 0;
    }
}
