using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Pipeline;
using OrganoidBiomarkers.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Pipeline;

/// <summary>The stage-01 response hand-off: written by <see cref="OrganoidResponseSummary.Table"/>, read back by <see cref="StageFiles.OrganoidResponseSummaries"/>.</summary>
public class StageFilesStudyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stagefiles-study").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Responses_round_trip_through_the_stage_file()
    {
        var rows = new[] { new OrganoidResponseSummary("P1", "5-Fluorouracil", 4.5, 2, 0.1 + 0.2, 100), new OrganoidResponseSummary("P19A", "Cisplatin", -1.25, 3, 0.5, 6) };
        var path = Path.Combine(_dir, "organoid_response.tsv");
        OrganoidResponseSummary.Table(rows).Write(path);
        Assert.Equal(rows, StageFiles.OrganoidResponseSummaries(path));
        Assert.Equal(new Dictionary<string, double> { ["P19A"] = 6 }, OrganoidResponseSummary.ForDrug(rows, "Cisplatin", r => r.MaxConcentration));
        Assert.Throws<ArgumentException>(() => OrganoidResponseSummary.ForDrug(rows, "Irinotecan", r => r.MedianLnIc50));
        Assert.True(rows[0].AboveTestedRange == false && new OrganoidResponseSummary("P2", "x", Math.Log(100) + 1e-12, 1, 0.5, 100).AboveTestedRange);
    }

    [Fact]
    public void A_malformed_response_file_names_the_line_and_the_stage_to_rerun()
    {
        var header = "organoid\tdrug\tmedian_ln_ic50\treplicates\tmedian_auc\tmax_conc_um\n";
        var e = Assert.Throws<InputException>(() => StageFiles.OrganoidResponseSummaries(Write("a.tsv", header + "P1\tX\t1\tzero\t0.5\t10\n")));
        Assert.Contains("a.tsv:2: replicates", e.Message);
        Assert.Contains("rerun stage 01", e.Message);
        Assert.Throws<InputException>(() => StageFiles.OrganoidResponseSummaries(Write("b.tsv", header + "P1\tX\tNaNx\t1\t0.5\t10\n")));
        Assert.Contains("no column 'median_auc'", Assert.Throws<InputException>(() => StageFiles.OrganoidResponseSummaries(Write("c.tsv", "organoid\tdrug\tmedian_ln_ic50\treplicates\nP1\tX\t1\t1\n"))).Message);
        Assert.Contains("run stage 01 first", Assert.Throws<InputException>(() => StageFiles.OrganoidResponseSummaries(Path.Combine(_dir, "missing.tsv"))).Message);
    }
}
