using OrganoidBiomarkers.Reporting;
using Xunit;

namespace OrganoidBiomarkers.Tests.Reporting;

/// <summary>What the report reads from a run folder: robustness figures of stage 06, else of stage 05 (older runs).</summary>
public sealed class RunOutputsTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("report-output-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private void Figure(string name) => File.Copy(TestPaths.Fixture("report", "output", "figures", "05_km_fu_main.png"), Path.Combine(_output, "figures", name + ".png"));

    private RunOutputs Run() => new(_output, TestPaths.Fixture("report"), TestPaths.Fixture("report", "mirror"), TestPaths.Fixture("report", "config"));

    private ReportSection Robustness() => StudyReport.Build(Run()).Model.Sections.Single(s => s.Id == "robustness");

    public RunOutputsTests()
    {
        Directory.CreateDirectory(Path.Combine(_output, "figures"));
        Directory.CreateDirectory(Path.Combine(_output, "results"));
        File.Copy(TestPaths.Fixture("report", "output", "results", "robustness.tsv"), Path.Combine(_output, "results", "robustness.tsv"));
        Figure("05_robustness_forest_fu");
        Figure("05_km_fu_main");
    }

    [Fact]
    public void Older_runs_show_the_robustness_figures_of_stage_05()
    {
        Assert.Equal(StudyReport.RobustnessFigurePrefix05, Run().RobustnessFigurePrefix);
        Assert.Equal(["05_robustness_forest_fu"], Robustness().Figures.Select(f => f.Caption));
    }

    [Fact]
    public void Runs_with_notebook_06_show_its_figures_and_not_stage_05s()
    {
        Figure("06_robustness_forest_fu");
        Figure("06_robustness_permutation_fu");
        Assert.Equal(StudyReport.RobustnessFigurePrefix06, Run().RobustnessFigurePrefix);
        Assert.Equal(["06_robustness_forest_fu", "06_robustness_permutation_fu"], Robustness().Figures.Select(f => f.Caption));
        // Neither stage section repeats them.
        var stage05 = StudyReport.Build(Run()).Model.Sections.FirstOrDefault(s => s.Id == "stage05");
        Assert.True(stage05 is null || stage05.Figures.All(f => !f.Caption.Contains("robustness", StringComparison.Ordinal)));
    }

    [Fact]
    public void References_resolve_through_the_manifest_and_report_why_they_are_missing()
    {
        var withMirror = Run().Reference("authors_demo_k1_values");
        Assert.True(withMirror.IsAvailable);
        Assert.EndsWith(Path.Combine("mirror", "reference", "k1.tsv"), withMirror.Path);
        var without = new RunOutputs(_output, TestPaths.Fixture("report"), null, TestPaths.Fixture("report", "config")).Reference("authors_demo_k1_values");
        Assert.False(without.IsAvailable);
        Assert.Contains("no mirror folder is set", without.Unavailable);
        Assert.Throws<ArgumentException>(() => Run().Reference("no_such_id"));
    }
}
