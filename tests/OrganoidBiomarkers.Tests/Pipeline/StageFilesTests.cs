using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Pipeline;
using OrganoidBiomarkers.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Pipeline;

public class StageFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stagefiles").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Cohort_members_with_and_without_survival()
    {
        var path = Write("m.tsv", "cohort\tmember\tdays\tevent\norg\tP1\t\t\ncoad\tTCGA-AA-0001\t120.5\ttrue\ncoad\tTCGA-AA-0002\t30\tfalse\n");
        var m = StageFiles.CohortMembers(path);
        Assert.Equal(new[] { "coad", "org" }, m.Keys);
        Assert.Equal(2, m["coad"].Count);
        Assert.Equal((120.5, true), (m["coad"][0].Days!.Value, m["coad"][0].Event!.Value));
        Assert.Null(m["org"][0].Days);
        var bad = Write("bad.tsv", "cohort\tmember\tdays\tevent\ncoad\tX\t1\tyes\n");
        Assert.Contains("rerun stage 01", Assert.Throws<InputException>(() => StageFiles.CohortMembers(bad)).Message);
    }

    [Fact]
    public void Models_are_grouped_and_ordered_by_rank()
    {
        var path = Write("models.tsv", "drug\tselection\tgmt\tmodel\tpathway\tcoef\trank\n" +
            "D\tauthors\tstandard\tridgecv\tP2\t0.5\t2\nD\tauthors\tstandard\tridgecv\tP1\t-0.9\t1\nD\tauthors\tstandard\tsvr\tP1\t0.1\t1\n");
        var models = StageFiles.Models(path);
        Assert.Equal(2, models.Count);
        Assert.Equal(new[] { "P1", "P2" }, models[0].Biomarkers.Select(b => b.Name));
        Assert.Equal(-0.9, models[0].Biomarkers[0].Coefficient);
        Assert.Equal(("D", "authors", "standard", "svr"), (models[1].Drug, models[1].Selection, models[1].Gmt, models[1].Model));
        var missing = Write("m2.tsv", "drug\tselection\tmodel\tpathway\tcoef\trank\n");
        Assert.Contains("no column 'gmt'", Assert.Throws<InputException>(() => StageFiles.Models(missing)).Message);
        Assert.Contains("run stage 04 first", Assert.Throws<InputException>(() => StageFiles.Models(Path.Combine(_dir, "absent.tsv"))).Message);
    }

    [Fact]
    public void Models_of_two_training_sets_of_one_drug_are_kept_apart_by_the_training_column()
    {
        var path = Write("models.tsv", "drug\tselection\tgmt\tmodel\tpathway\tcoef\trank\torganoid_drug\tn_organoids\ttraining\n" +
            "C\tauthors\tauthors\tridgecv\tP1\t0.5\t1\tCisplatin\t11\tblca_organoids_c\n" +
            "C\tauthors\tauthors\tridgecv\tP2\t0.7\t1\tCisplatin\t10\tcrc_organoids_c\n");
        var models = StageFiles.Models(path);
        Assert.Equal([("P1", "blca_organoids_c"), ("P2", "crc_organoids_c")], models.Select(m => (m.Biomarkers[0].Name, m.Training)));
        // A file written before the column existed: one training set per arm (null).
        var old = StageFiles.Models(Write("old.tsv", "drug\tselection\tgmt\tmodel\tpathway\tcoef\trank\nC\tauthors\tauthors\tridgecv\tP1\t0.5\t1\n"));
        Assert.Null(Assert.Single(old).Training);
    }

    [Fact]
    public void Response_summaries_carry_their_collection_and_read_NA_as_not_given()
    {
        var rows = StageFiles.OrganoidResponseSummaries(Write("r.tsv", "organoid\tdrug\tmedian_ln_ic50\treplicates\tmedian_auc\tmax_conc_um\tcollection\n" +
            "P1\tCisplatin\t2.5\t3\t0.8\t50\tcrc\nSCBO-1\tCisplatin\tNA\t1\t0.61\tNA\tblca\n"));
        Assert.Equal(("crc", 2.5), (rows[0].Collection, rows[0].MedianLnIc50));
        Assert.True(double.IsNaN(rows[1].MedianLnIc50) && double.IsNaN(rows[1].MaxConcentration));
        var crc = new OrganoidCollection("crc", "colorectal", "e", "OrganoidGeo", "s", "VanDeWetering", "crc");
        var blca = crc with { Id = "blca", TrainingResponse = TrainingResponse.Auc };
        Assert.Equal(["P1"], OrganoidResponseSummary.TrainingResponse(rows, crc, "Cisplatin").Keys);
        Assert.Equal(0.61, Assert.Single(OrganoidResponseSummary.TrainingResponse(rows, blca, "Cisplatin")).Value);
        // Written back, NaN is NA and the collection is kept.
        var table = OrganoidResponseSummary.Table(rows);
        Assert.Equal(["SCBO-1", "Cisplatin", "NA", "1", "0.61", "NA", "blca"], table.Rows[1]);
        // Without a collection column (an older stage 01) every row belongs to every collection.
        var old = StageFiles.OrganoidResponseSummaries(Write("o.tsv", "organoid\tdrug\tmedian_ln_ic50\treplicates\tmedian_auc\tmax_conc_um\nP1\tCisplatin\t2.5\t3\t0.8\t50\n"));
        Assert.Null(Assert.Single(old).Collection);
        Assert.Single(OrganoidResponseSummary.TrainingResponse(old, crc, "Cisplatin"));
    }

    [Fact]
    public void Pathway_scores_responses_and_proximal_pathways()
    {
        var nes = StageFiles.PathwayScores(Write("nes.tsv", "pathway\tO1\tO2\nP1\t0.25\t-1e-3\nP2\t1\t2\n"));
        Assert.Equal(new[] { "O1", "O2" }, nes.Samples);
        Assert.Equal(-1e-3, nes.Values[0, 1]);
        Assert.Throws<InputException>(() => StageFiles.PathwayScores(Write("nan.tsv", "pathway\tO1\nP1\tNaN\n")));
        var r = StageFiles.OrganoidResponses(Write("r.tsv", "organoid\tdrug\tmedian_ln_ic50\treplicates\nO1\tCisplatin\t2.5\t3\nO1\t5-Fluorouracil\t4\t2\n"), "Cisplatin");
        Assert.Equal(2.5, Assert.Single(r).Value);
        var p = StageFiles.ProximalPathways(Write("p.tsv", "drug\tselection\tnetwork\tpathway\tz\nD\tauthors\tstring\tP1\t-2.5\n"));
        Assert.Equal(new ProximalPathway("D", "authors", "string", "P1", -2.5), Assert.Single(p));
    }
}
