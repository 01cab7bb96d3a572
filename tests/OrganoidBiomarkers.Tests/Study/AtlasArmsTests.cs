using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;
using Xunit;

namespace OrganoidBiomarkers.Tests.Study;

/// <summary>
/// The atlas section of the study definition and its template: name resolution by the authors' DrugBank rule with
/// explicit aliases, target rows (pooled and aliased), and the arms and cohorts the template generates.
/// </summary>
public class AtlasArmsTests
{
    private static string RepoData(string file) => Path.Combine(DataMirror.RepoRoot()!, "data", file);

    private static StudyDefinition Repository() =>
        StudyDefinition.Read(RepoData("study.json"), Manifest.Read(RepoData("manifest.tsv")).Select(e => e.Id).ToList());

    private static readonly IReadOnlyList<DrugBankDrug> Vocabulary =
    [
        new("DB00544", "Fluorouracil", ["5-Fluorouracil", "5-FU"]),
        new("DB00515", "Cisplatin", ["CDDP"]),
        new("DB00441", "Gemcitabine", ["dFdC"]),
        new("DB00526", "Oxaliplatin", []),
        new("DB01248", "Docetaxel", []),
        new("DB01229", "Paclitaxel", ["Taxol"]),
        new("DB01045", "AICA ribonucleotide", ["AICAR"]),
        new("DB99998", "Twinmycin", ["TW-1"]),
        new("DB99999", "Twinmycin B", ["TW-1"]),
    ];

    private static readonly IReadOnlyList<DrugTargetEntry> Targets =
    [
        new("FLUOROURACIL", ["FLUOROURACIL"], ["TYMS"]),
        new("CISPLATIN", ["CISPLATIN"], ["TF", "MPG"]),
        new("GEMCITABINE", ["GEMCITABINE"], ["RRM1"]),
        new("PACLITAXEL,DOCETAXEL", ["PACLITAXEL", "DOCETAXEL"], ["TUBB1", "BCL2"]),
        new("AICAR", ["AICAR"], ["ATIC"]),
    ];

    private static readonly string[] Screen =
        ["5-Fluorouracil", "Cisplatin", "Gemcitibine", "Oxaliplatin", "Docetaxel", "Paclitaxel", "AICAR", "Nutlin-3a", "TW 1", "Cisplatin"];

    [Fact]
    public void The_repository_study_has_an_atlas_section_matching_its_two_arms()
    {
        var study = Repository();
        var atlas = Assert.IsType<AtlasDefinition>(study.Atlas);
        Assert.Equal(("crc", 20, "ridgecv", 1), (atlas.Organoids, atlas.MinPatients, atlas.Main.Model, atlas.Main.K));
        // The connected run's entries first (STRING v10.5, the full transcriptome), as in the arms' preference lists.
        Assert.Equal(["authors", "string105", "string"], atlas.Main.Selections);
        Assert.Equal(["coad", "blca"], atlas.Cancers.Select(c => c.Id));
        Assert.Equal([["tcga_coad", "xena_coadread"], ["tcga_blca", "xena_blca"]], atlas.Cancers.Select(c => c.Expression));
        var gem = Assert.Single(atlas.ScreenAliases);
        Assert.Equal(("Gemcitibine", "GEMCITABINE"), (gem.ScreenName, gem.DrugBankName));
        // The template's cohorts for 5-FU and cisplatin are the study's own main and control cohorts, rule for rule.
        foreach (var arm in study.Arms)
        {
            var cancer = atlas.Cancers.Single(c => c.Projects.SequenceEqual(study.Cohort(arm.Main.Cohort)!.Projects));
            var treated = AtlasArms.Cohort(study, arm.Drug.DrugBankName, cancer, Treatment.Treated);
            var control = AtlasArms.Cohort(study, arm.Drug.DrugBankName, cancer, Treatment.Untreated);
            Assert.Equal(Rule(study.Cohort(arm.Main.Cohort)!), Rule(treated));
            Assert.Equal(Rule(study.Cohort(arm.Analyses[0].Control!)!), Rule(control));
        }
    }

    [Fact]
    public void Names_follow_the_authors_rule_and_an_alias_only_where_it_cannot_match()
    {
        var atlas = Repository().Atlas!;
        var c = AtlasArms.Candidates(atlas, Screen, Vocabulary, Targets).ToDictionary(x => x.ScreenName);
        Assert.Equal(9, c.Count); // distinct screen names
        Assert.Equal(("FLUOROURACIL", AtlasArms.FromVocabulary, "FLUOROURACIL"), (c["5-Fluorouracil"].DrugBankName, c["5-Fluorouracil"].NameSource, c["5-Fluorouracil"].TargetRow));
        Assert.Equal("GEMCITABINE", c["Gemcitibine"].DrugBankName);
        Assert.StartsWith("alias: misspelling of gemcitabine", c["Gemcitibine"].NameSource);
        // Pooled row: each drug gets it under the pooled name.
        Assert.Equal(("DOCETAXEL_PACLITAXEL", "DOCETAXEL_PACLITAXEL"), (c["Docetaxel"].TargetRow, c["Paclitaxel"].TargetRow));
        // The target row's own name normalised by the same rule: AICAR -> AICA RIBONUCLEOTIDE.
        Assert.Equal(("AICA RIBONUCLEOTIDE", "AICAR"), (c["AICAR"].DrugBankName, c["AICAR"].TargetRow));
        // A name without a target row, a name the rule cannot match, a synonym of two drugs.
        Assert.Equal(("OXALIPLATIN", null, null), (c["Oxaliplatin"].DrugBankName, c["Oxaliplatin"].TargetRow, c["Oxaliplatin"].Problem));
        Assert.Null(c["Nutlin-3a"].DrugBankName);
        Assert.Contains("no DrugBank name", c["Nutlin-3a"].Problem);
        Assert.Equal("TWINMYCIN", c["TW 1"].DrugBankName); // first-come, as the authors' rule resolves shared synonyms
    }

    [Fact]
    public void An_alias_the_rule_does_not_need_or_for_a_drug_the_screen_lacks_is_refused()
    {
        var atlas = Repository().Atlas!;
        var needless = atlas with { ScreenAliases = [.. atlas.ScreenAliases, new ScreenAlias("Cisplatin", "CISPLATIN", "no reason")] };
        Assert.Contains("already matched by the DrugBank synonyms", Assert.Throws<ArgumentException>(() => AtlasArms.Candidates(needless, Screen, Vocabulary, Targets)).Message);
        var absent = atlas with { ScreenAliases = [new ScreenAlias("Gemcitabin", "GEMCITABINE", "typo")] };
        Assert.Contains("the screen has no drug 'Gemcitabin'", Assert.Throws<ArgumentException>(() => AtlasArms.Candidates(absent, Screen, Vocabulary, Targets)).Message);
    }

    [Fact]
    public void The_template_makes_an_ordinary_arm_that_passes_the_studys_own_checks()
    {
        var study = Repository();
        var candidates = AtlasArms.Candidates(study.Atlas!, Screen, Vocabulary, Targets).ToDictionary(x => x.ScreenName);
        var blca = study.Atlas!.Cancer("blca");
        var gem = AtlasArms.Arm(study, candidates["Gemcitibine"], blca, "authors", "xena_blca");
        Assert.Equal(("gemcitabine_blca", "gemcitabine", "Gemcitibine", "GEMCITABINE", "GEMCITABINE"),
            (gem.Id, gem.Arm.Drug.Label, gem.Arm.Drug.ScreenName, gem.Arm.Drug.DrugBankName, gem.Arm.Drug.TargetRow));
        Assert.Equal(("blca_gemcitabine", "blca_untreated_gemcitabine"), (gem.Treated.Id, gem.Control.Id));
        Assert.Equal(("blca_biolinks", "GDC", DrugNameRule.Authors, DrugNameRule.Extended), (gem.Treated.DrugRecords, gem.Treated.Survival, gem.Treated.NameRule, gem.Control.NameRule));
        Assert.Equal("bladder organoid expression not available", gem.Arm.Training[0].Substitute);
        Assert.Equal(new MainSetting("authors", "ridgecv", 1, "blca_gemcitabine", "GDC", ["xena_blca"]), gem.Arm.Main with { Expression = gem.Arm.Main.Expression.ToList() },
            new MainSettingComparer());
        Assert.Empty(gem.StudyOf(study).Problems(Manifest.Read(RepoData("manifest.tsv")).Select(e => e.Id).ToList()));
        // A study arm's label is kept: 5-FU, not "fluorouracil"; COAD arms carry the GDC expression-file filter.
        var fu = AtlasArms.Arm(study, candidates["5-Fluorouracil"], study.Atlas!.Cancer("coad"), "authors", "xena_coadread");
        Assert.Equal(("5fu_coad", "coad_5fu", "coad_untreated_5fu"), (fu.Id, fu.Treated.Id, fu.Control.Id));
        Assert.NotNull(fu.Control.ExpressionFiles);
        Assert.Null(fu.Arm.Training[0].Substitute);
    }

    [Fact]
    public void The_expression_source_is_the_first_of_the_preference_list_whose_input_is_available()
    {
        var study = Repository();
        var coad = study.Atlas!.Cancer("coad") with { Expression = ["firehose_crc", "xena_coadread"] };
        var (first, rank1) = AtlasArms.Expression(study, coad, _ => true);
        Assert.Equal(("firehose_crc", 1), (first.Id, rank1));
        var (fallback, rank2) = AtlasArms.Expression(study, coad, input => input != "firehose_crc_counts");
        Assert.Equal(("xena_coadread", 2), (fallback.Id, rank2));
        Assert.Contains("none of its expression sources", Assert.Throws<ArgumentException>(() => AtlasArms.Expression(study, coad, _ => false)).Message);
    }

    [Fact]
    public void Bad_atlas_references_are_refused_naming_the_field()
    {
        var study = Repository();
        var atlas = study.Atlas!;
        var broken = study with
        {
            Atlas = atlas with
            {
                Organoids = "bladder", MinPatients = 1, Main = atlas.Main with { Selections = ["authors", "strng"], K = 0 },
                Cancers = [atlas.Cancers[0] with { Survival = "GDC2", Expression = ["xena"] }, atlas.Cancers[1] with { Id = "coad" }],
                ScreenAliases = [new ScreenAlias("Gemcitibine", "Gemcitabine", "")],
            },
        };
        var p = broken.Problems();
        Assert.Contains(p, x => x.StartsWith("atlas.organoids: 'bladder' is not an organoid collection", StringComparison.Ordinal));
        Assert.Contains(p, x => x.StartsWith("atlas.min_patients: 1", StringComparison.Ordinal));
        Assert.Contains(p, x => x.StartsWith("atlas.main.selections: 'strng' is not a selection", StringComparison.Ordinal));
        Assert.Contains(p, x => x.StartsWith("atlas.main.k: 0", StringComparison.Ordinal));
        Assert.Contains(p, x => x.StartsWith("atlas.cancers: id 'coad' is used 2 times", StringComparison.Ordinal));
        Assert.Contains(p, x => x.StartsWith("atlas.cancers[0] (coad).survival: 'GDC2' is not a survival source", StringComparison.Ordinal));
        Assert.Contains(p, x => x.StartsWith("atlas.cancers[0] (coad).expression: 'xena' is not an expression source", StringComparison.Ordinal));
        Assert.Contains(p, x => x.StartsWith("atlas.screen_aliases[0].drugbank_name: 'Gemcitabine'", StringComparison.Ordinal));
        Assert.Contains(p, x => x.StartsWith("atlas.screen_aliases[0].reason: empty", StringComparison.Ordinal));
    }

    private static (string, string, string, Treatment, string, DrugNameRule, string, ExpressionFileFilter?) Rule(PatientCohortDefinition c) =>
        (c.Id, string.Join("+", c.Projects), c.Drug, c.Treatment, c.DrugRecords, c.NameRule, c.Survival, c.ExpressionFiles);

    private sealed class MainSettingComparer : IEqualityComparer<MainSetting>
    {
        public bool Equals(MainSetting? a, MainSetting? b) => a is not null && b is not null && a with { Expression = [] } == b with { Expression = [] }
                                                            && a.Expression.SequenceEqual(b.Expression);
        public int GetHashCode(MainSetting m) => 0;
    }
}
