using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Study;

public class StudyDefinitionTests
{
    private static string RepoData(string file) => Path.Combine(DataMirror.RepoRoot()!, "data", file);

    private static StudyDefinition Repository() =>
        StudyDefinition.Read(RepoData("study.json"), Manifest.Read(RepoData("manifest.tsv")).Select(e => e.Id).ToList());

    [Fact]
    public void The_repository_study_reads_and_names_the_papers_two_arms()
    {
        var study = Repository();
        Assert.Equal(["5fu", "cisplatin"], study.Arms.Select(a => a.Id));
        var fu = study.Arm("5fu");
        Assert.Equal(("5-FU", "5-Fluorouracil", "FLUOROURACIL", "FLUOROURACIL"), (fu.Drug.Label, fu.Drug.ScreenName, fu.Drug.DrugBankName, fu.Drug.TargetRow));
        Assert.Equal(("authors", "ridgecv", 1, "coad_5fu", "biotab"), (fu.Main.Selection, fu.Main.Model, fu.Main.K, fu.Main.Cohort, fu.Main.Survival));
        Assert.Equal("crc_organoids_5fu", fu.OrganoidCohort(fu.Training[0]));
        Assert.Equal("5fu", fu.Drug.FileLabel);
        // The bladder organoids first (a connected run), the CRC organoids as the labelled stand-in.
        Assert.Equal(["blca", "crc"], study.Arm("cisplatin").Training.Select(t => t.Organoids));
        Assert.Equal("bladder organoid expression not available", study.Arm("cisplatin").Training[1].Substitute);
        Assert.Equal(["5-Fluorouracil", "Cisplatin"], study.TrainingDrugs("crc"));
        Assert.Equal(["Cisplatin"], study.TrainingDrugs("blca"));
        Assert.Same(fu, study.ArmForDrug("FLUOROURACIL"));
        Assert.Null(study.ArmForDrug("IRINOTECAN"));
    }

    [Fact]
    public void Survival_sources_resolve_per_project_or_for_every_project()
    {
        var study = Repository();
        Assert.Equal("coad_biotab_patient", study.SurvivalSource("biotab")!.InputFor("COAD"));
        Assert.Equal("blca_biotab_patient", study.SurvivalSource("biotab")!.InputFor("BLCA"));
        Assert.Null(study.SurvivalSource("biotab")!.InputFor("READ"));
        Assert.Equal("gdc_survival", study.SurvivalSource("GDC")!.InputFor("BLCA"));
    }

    [Fact]
    public void Written_and_read_again_it_is_the_same_definition()
    {
        var study = Repository();
        var path = Path.Combine(Path.GetTempPath(), $"study-{Guid.NewGuid():N}.json");
        try
        {
            study.Write(path);
            var again = StudyDefinition.Read(path);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(study, StudyDefinition.Json), System.Text.Json.JsonSerializer.Serialize(again, StudyDefinition.Json));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_dangling_reference_is_refused_naming_the_field_and_the_known_ids()
    {
        var study = Repository();
        var fu = study.Arm("5fu");
        var broken = study with { Arms = [fu with { Main = fu.Main with { Cohort = "coad_5FU" } }, study.Arm("cisplatin")] };
        var problems = broken.Problems();
        Assert.Contains(problems, p => p.StartsWith("arms[0] (5fu).main: (coad_5FU, biotab) is not one of the arm's analyses", StringComparison.Ordinal));

        var wrongInput = study with { ExpressionSources = [study.ExpressionSources[0] with { Input = "xena_coad" }, .. study.ExpressionSources.Skip(1)] };
        var p2 = wrongInput.Problems(Manifest.Read(RepoData("manifest.tsv")).Select(e => e.Id).ToList());
        Assert.Contains(p2, p => p.Contains("expression_sources[0].input: 'xena_coad' is not a data/manifest.tsv id", StringComparison.Ordinal));
    }

    [Fact]
    public void An_untreated_cohort_cannot_be_an_arms_treated_cohort()
    {
        var study = Repository();
        var fu = study.Arm("5fu");
        var broken = study with { Arms = [fu with { Analyses = [new AnalysisDefinition("coad_untreated_5fu", "biotab")] }] };
        Assert.Contains(broken.Problems(), p => p.Contains("cohort coad_untreated_5fu is untreated", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_fields_and_bad_enum_values_are_refused_with_the_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"study-{Guid.NewGuid():N}.json");
        try
        {
            var text = File.ReadAllText(RepoData("study.json"));
            File.WriteAllText(path, text.Replace("\"name_rule\": \"Authors\"", "\"name_rule\": \"authors-ish\""));
            var e = Assert.Throws<InputException>(() => StudyDefinition.Read(path));
            Assert.Contains("not a valid study definition", e.Message, StringComparison.Ordinal);
            Assert.Contains(Path.GetFileName(path), e.Message, StringComparison.Ordinal);

            File.WriteAllText(path, text.Replace("\"paper_n\": 114,", "\"paper_n\": 114, \"paper_count\": 114,"));
            var e2 = Assert.Throws<InputException>(() => StudyDefinition.Read(path));
            Assert.Contains("paper_count", e2.Message, StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }
}
