using OrganoidBiomarkers.Reporting;
using Xunit;

namespace OrganoidBiomarkers.Tests.Reporting;

/// <summary>
/// The learner comparison's rows in organoid_cv.tsv reach the report's stage 04 table but not the parity table (whose
/// "top biomarker per model" rows and the verdict's "same in N of M models" keep to the paper's models), on the report
/// fixture run with learner rows appended.
/// </summary>
public class LearnerRowsInReportTests
{
    private static RunOutputs WithLearnerRows()
    {
        var root = Directory.CreateTempSubdirectory("report-learners-").FullName;
        foreach (var file in Directory.GetFiles(TestPaths.Fixture("report"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(TestPaths.Fixture("report"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.AppendAllText(Path.Combine(root, "output", "results", "organoid_cv.tsv"),
            "DRUGX\tauthors\tfasttree\t5\t3\t\t-0.1\t0.6\nDRUGX\tauthors\tsdca\t5\t3\t1\t0.4\t0.1\n");
        return new RunOutputs(Path.Combine(root, "output"), root, Path.Combine(root, "mirror"), Path.Combine(root, "config"));
    }

    [Fact]
    public void Parity_and_verdict_are_unchanged_and_the_stage_04_table_shows_the_learners()
    {
        var before = StudyReport.Build(ReportFixture.Run());
        var after = StudyReport.Build(WithLearnerRows());
        Assert.Equal(before.Parity.ToTsv(), after.Parity.ToTsv());
        Assert.Equal(before.Model.Verdict!.Rows, after.Model.Verdict!.Rows);
        var cv = ReportHtml.KeyView(after.Model.Sections.Single(s => s.Id == "stage04").Tables[0]);
        Assert.Equal(["ridgecv", "ols", "ridgecv", "fasttree", "sdca"], cv.ColumnValues("model"));
    }
}
