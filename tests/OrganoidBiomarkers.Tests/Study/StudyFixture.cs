using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Tests.Study;

/// <summary>
/// The hand-written fixture study (Fixtures/study/): six organoids screened with 5-FU, cisplatin and irinotecan, ten
/// COAD and five BLCA patients, a 15-gene network and six pathways. <see cref="TwoArms"/> mirrors the repository's
/// study; <see cref="WithIrinotecan"/> adds a third arm exactly as a user would, by definition only.
/// </summary>
internal static class StudyFixture
{
    private static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["org_expression"] = "organoid_expression.tsv",
        ["org_screen"] = "screen.tsv",
        ["coad_biotab_patient"] = "coad_biotab_patient.txt",
        ["coad_biotab_drug"] = "coad_biotab_drug.txt",
        ["coad_gdc_files"] = "coad_gdc_files.json",
        ["gdc_survival"] = "gdc_survival.txt",
        ["tcga_cdr_survival"] = "cdr.tsv",
        ["blca_drug"] = "blca_drug.txt",
        ["xena"] = "xena.csv",
        ["drugbank_vocabulary"] = "drugbank_vocabulary.csv",
        ["authors_z"] = "authors_z.tsv",
        ["string_network"] = "edges.tsv",
        ["reactome_gmt"] = "reactome.gmt",
        ["drug_targets"] = "drug_targets.txt",
        ["authors_medians"] = "authors_medians.tsv",
        ["menche_network"] = "menche.sif",
        ["rnaseqdb_read_fpkm"] = "entrez_map.tsv",
    };

    /// <summary>Manifest id to fixture file, as DataStore.PathOf resolves ids in a run.</summary>
    public static string PathOf(string id) =>
        Files.TryGetValue(id, out var file) ? TestPaths.Fixture("study", file) : throw new ArgumentException($"no fixture for input '{id}'");

    /// <summary>The fixture study.json: the arms 5fu and cisplatin.</summary>
    public static StudyDefinition TwoArms() => StudyDefinition.Read(TestPaths.Fixture("study", "study.json"), Files.Keys.ToList());

    /// <summary>
    /// <see cref="TwoArms"/> plus an irinotecan arm (screen "Irinotecan", DrugBank and target row "IRINOTECAN", trained
    /// on the CRC organoids) with its two cohort rules: COAD patients treated with irinotecan (authors' rule, biotab
    /// survival, GDC file listed) and the untreated control (extended rule).
    /// </summary>
    public static StudyDefinition WithIrinotecan()
    {
        var study = TwoArms();
        var fu = study.Arm("5fu");
        var arm = new ArmDefinition("irinotecan", new DrugIdentity("irinotecan", "Irinotecan", "IRINOTECAN", "IRINOTECAN"),
            [new TrainingDefinition("crc", "organoids with an irinotecan IC50")],
            [new AnalysisDefinition("coad_irinotecan", "biotab", "coad_untreated_irinotecan")],
            ["xena_all"], fu.Main with { Cohort = "coad_irinotecan" });
        var treated = study.Cohort("coad_5fu")! with { Id = "coad_irinotecan", Drug = "IRINOTECAN", PaperN = null, Definition = "COAD irinotecan" };
        var untreated = study.Cohort("coad_untreated_5fu")! with { Id = "coad_untreated_irinotecan", Drug = "IRINOTECAN", ExpressionFiles = null, Definition = "COAD without irinotecan" };
        var three = study with { Arms = [.. study.Arms, arm], Cohorts = [.. study.Cohorts, treated, untreated] };
        Xunit.Assert.Empty(three.Problems(Files.Keys.ToList()));
        return three;
    }

    /// <summary>A study with a second recomputed selection on an Entrez-ID SIF network (mapped to symbols like the Menche interactome).</summary>
    public static StudyDefinition WithMenche(StudyDefinition study) =>
        study with { Selections = [.. study.Selections, new SelectionDefinition("menche", SelectionKind.Recomputed, "menche_network", "fixture_menche", NetworkFormat.EntrezSif)] };
}
