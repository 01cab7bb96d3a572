using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Qc;
using OrganoidBiomarkers.Study;
using OrganoidBiomarkers.Tests.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Qc;

/// <summary>Stage 02's tables on the fixture study (six organoids; P7 screened without expression; P1 not screened with irinotecan).</summary>
public class OrganoidQcTablesTests
{
    private sealed record Run(StudyDefinition Study, ExpressionMatrix Expression, DrugScreen Screen, IReadOnlyList<DrugIdentity> Drugs, IReadOnlyList<OrganoidVerdict> Verdicts);

    private static Run QcOf(StudyDefinition study)
    {
        var collection = study.TrainingCollection();
        var expression = StudyInputs.OrganoidExpression(collection, StudyFixture.PathOf, CountLog.Silent);
        var screen = StudyInputs.OrganoidScreen(collection, StudyFixture.PathOf, CountLog.Silent);
        var drugs = study.TrainingDrugIdentities(collection.Id);
        var correlations = SampleCorrelations.Pearson(expression);
        var verdicts = OrganoidVerdicts.Build(expression, correlations, TukeyFence.Low(correlations.MedianToOthers()), screen,
            drugs.Select(d => d.ScreenName).ToList(), TestedRange.AssumedDilutionRange);
        return new Run(study, expression, screen, drugs, verdicts);
    }

    [Fact]
    public void Organoid_qc_columns_follow_the_training_drugs_file_labels()
    {
        var run = QcOf(StudyFixture.TwoArms());
        var table = OrganoidQcTables.OrganoidQc(run.Verdicts, run.Drugs);
        Assert.Equal(["organoid", "same_patient_as", "n_genes", "median_corr", "outlier", "n_drugs", "in_5fu_training", "in_cisplatin_training",
            "5fu_median_ln_ic50", "5fu_replicates", "5fu_median_position", "cisplatin_median_ln_ic50", "cisplatin_replicates", "cisplatin_median_position", "reason"],
            table.Columns);
        Assert.Equal(["P1", "P2", "P3", "P4", "P5", "P6", "P7"], table.ColumnValues("organoid"));
        var p1 = table.Rows[0];
        // P1: 5-FU replicates 4.0 and 5.0 (median 4.5 < ln 100), cisplatin 1.0; screened with 5-FU, cisplatin and oxaliplatin.
        Assert.Equal(["P1", "", "8", "3", "true", "true", "4.5", "2", "Within", "1", "1", "Within"],
            new[] { p1[0], p1[1], p1[2], p1[5], p1[6], p1[7], p1[8], p1[9], p1[10], p1[11], p1[12], p1[13] });
        var p7 = table.Rows[6];
        Assert.Equal(["0", "NA", "false", "false", "3.3", "", "0"], new[] { p7[2], p7[3], p7[6], p7[7], p7[8], p7[11], p7[12] });
    }

    [Fact]
    public void A_third_arm_adds_its_training_columns_verdicts_and_summary_row()
    {
        var run = QcOf(StudyFixture.WithIrinotecan());
        Assert.Equal(["5-Fluorouracil", "Cisplatin", "Irinotecan"], run.Drugs.Select(d => d.ScreenName));
        var table = OrganoidQcTables.OrganoidQc(run.Verdicts, run.Drugs);
        Assert.Contains("in_irinotecan_training", table.Columns);
        Assert.Contains("irinotecan_median_position", table.Columns);
        var included = table.ColumnValues("in_irinotecan_training").ToList();
        Assert.Equal(["false", "true", "true", "true", "true", "true", "false"], included);
        // P4's irinotecan IC50 (ln 2.9) lies above ln(10 uM).
        Assert.Equal("Above", table.Rows[3][table.ColumnIndex("irinotecan_median_position")]);
        Assert.Equal("1.4", table.Rows[4][table.ColumnIndex("irinotecan_median_ln_ic50")][..3]);

        var display = OrganoidQcTables.Verdicts(run.Verdicts, run.Drugs);
        Assert.Equal(["organoid", "pair", "median r", "outlier", "drugs", "5-FU", "5-FU ln IC50", "cisplatin", "cisplatin ln IC50", "irinotecan", "irinotecan ln IC50", "reason"], display.Columns);
        var summary = OrganoidQcTables.Summary(run.Verdicts, [], run.Study.TrainingArms("crc"));
        Assert.Contains(summary.Rows, r => r[0] == "training set, irinotecan (crc_organoids_irinotecan)" && r[1] == "5 organoids");
        Assert.Contains(summary.Rows, r => r[0] == "training set, 5-FU (crc_organoids_5fu)" && r[1] == "5 organoids (paper 5)");
        Assert.Contains(summary.Rows, r => r[1] == "5 organoids; substitute: bladder organoid expression not available");
    }

    [Fact]
    public void Training_drug_tables_pick_the_training_drugs_and_drug_qc_refuses_misaligned_lists()
    {
        var run = QcOf(StudyFixture.WithIrinotecan());
        var agreement = ReplicateAgreement.ForAllDrugs(run.Screen);
        var ranges = OutOfRange.ForAllDrugs(run.Screen, TestedRange.AssumedDilutionRange);
        Assert.Equal(["5-Fluorouracil", "Cisplatin", "Irinotecan"], OrganoidQcTables.TrainingReplicates(agreement, run.Drugs).ColumnValues("drug"));
        var r = OrganoidQcTables.TrainingRanges(ranges, run.Drugs);
        // Irinotecan: 6 replicates, one (P4, 2.9) above ln 10.
        Assert.Equal(["Irinotecan", "10", "6", "1", "0", "5", "1", "0"], r.Rows[2]);
        Assert.Equal(ranges.Count, OrganoidQcTables.DrugQc(agreement, ranges).Rows.Count);
        Assert.Throws<ArgumentException>(() => OrganoidQcTables.DrugQc(agreement, ranges.Reverse().ToList()));
    }

    [Fact]
    public void Tested_range_of_a_drug_and_the_dilution_parameter()
    {
        var screen = StudyInputs.OrganoidScreen(StudyFixture.TwoArms().TrainingCollection(), StudyFixture.PathOf, CountLog.Silent);
        var range = TestedRange.Of(screen, "irinotecan", 100);
        Assert.Equal((10.0, Math.Log(10), Math.Log(0.1)), (range.MaxConcentration, range.LnMax, range.LnMin));
        Assert.Throws<ArgumentException>(() => TestedRange.Of(screen, "Gemcitibine", 256));
        Assert.Equal(TestedRange.AssumedDilutionRange, TestedRange.DilutionRangeParameter(null));
        Assert.Equal(1000, TestedRange.DilutionRangeParameter("1000"));
        Assert.Contains("number >= 1", Assert.Throws<ArgumentException>(() => TestedRange.DilutionRangeParameter("0.5")).Message);
        Assert.Throws<ArgumentException>(() => TestedRange.DilutionRangeParameter("1,000"));
    }
}
