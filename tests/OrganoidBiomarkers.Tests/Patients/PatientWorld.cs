using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Patients;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Tests.Patients;

/// <summary>
/// A small hand-made world for the patient validation run: one arm (drug DRUGA) trained on 12 organoids with a
/// substitute label, 50 patients of project AA scored by two sources, and three analyses that exercise every rule:
/// <list type="bullet">
/// <item>main: cohort "treated" (patients 0-19) with its own survival S1, control "untreated" (20-39, own S1);</item>
/// <item>"treated_s2": the same patients restated with survival S2 (variant_of "treated"), control "untreated" looked up in S2
/// (patient 25 has no S2 survival: dropped and counted);</item>
/// <item>"wide" (0-29) with its own S2 survival and no control: a cohort that changes cohort and survival together.</item>
/// </list>
/// Source X scores every patient (0-49, 40-49 being reference-only patients); source Y scores 10-49. Six pathways;
/// three stage-04 models (authors/ridgecv = main, authors/svr, string/ridgecv).
/// </summary>
internal static class PatientWorld
{
    public const string Mode = "authors";
    public static string Patient(int i) => $"TCGA-AA-{i:0000}";

    private static PatientCohortDefinition Cohort(string id, Treatment t, string survival, string? variantOf = null) =>
        new(id, ["AA"], "DRUGA", t, "rec", DrugNameRule.Authors, survival, $"cohort {id}", VariantOf: variantOf);

    public static StudyDefinition Study() => new(
        "test world", "none",
        [new OrganoidCollection("org", "colorectal", "org_expr", "OrganoidGeo", "org_screen", "VanDeWetering", "organoids")],
        [new SurvivalSourceDefinition("S1", SurvivalFormat.Biotab, new Dictionary<string, string> { ["AA"] = "s1_aa" }, "own follow-up"),
         new SurvivalSourceDefinition("S2", SurvivalFormat.TcgaCdr, new Dictionary<string, string> { ["*"] = "s2" }, "other follow-up")],
        [new DrugRecordSource("rec", DrugRecordFormat.Biolinks, ["recs"])],
        [new ExpressionSourceDefinition("srcX", "x", "XenaCsv", PatientLevelBarcodes.KeepAsPrimaryTumour, "AA", "X"),
         new ExpressionSourceDefinition("srcY", "y", "RnaseqDb", PatientLevelBarcodes.Drop, "AA", "Y")],
        [Cohort("treated", Treatment.Treated, "S1"), Cohort("treated_s2", Treatment.Treated, "S2", "treated"), Cohort("wide", Treatment.Treated, "S2"),
         Cohort("untreated", Treatment.Untreated, "S1")],
        [new ArmDefinition("a1", new DrugIdentity("Drug A", "Drug-A", "DRUGA", "DRUGA"),
            [new TrainingDefinition("bladder", "the paper's organoids (absent here)"), new TrainingDefinition("org", "organoids with a response", Substitute: "stand-in reason")],
            [new AnalysisDefinition("treated", "S1", "untreated"), new AnalysisDefinition("treated_s2", "S2", "untreated"), new AnalysisDefinition("wide", "S2")],
            ["srcX", "srcY"], new MainSetting("authors", "ridgecv", 1, "treated", "S1", ["srcX"]))],
        [new SelectionDefinition("authors", SelectionKind.AuthorsTable, "z", "authors_table"), new SelectionDefinition("string", SelectionKind.Recomputed, "net", "net", NetworkFormat.EdgeTable, "net stand-in")],
        ["string"]);

    public static readonly string[] Pathways = ["P1", "P2", "P3", "P4", "P5", "P6"];

    /// <summary>Follow-up (days, event) of every patient under S1 and S2 (S2 lacks patient 25; some differ).</summary>
    public static (Dictionary<string, SurvivalRecord> S1, Dictionary<string, SurvivalRecord> S2) Survival()
    {
        var rng = new Rng(5);
        var s1 = new Dictionary<string, SurvivalRecord>(StringComparer.Ordinal);
        var s2 = new Dictionary<string, SurvivalRecord>(StringComparer.Ordinal);
        for (int i = 0; i < 50; i++)
        {
            double days = Math.Round(30 + 2500 * rng.NextDouble());
            bool ev = rng.NextDouble() < 0.5;
            s1[Patient(i)] = new SurvivalRecord(Patient(i), days, ev, "S1");
            if (i != 25) s2[Patient(i)] = new SurvivalRecord(Patient(i), i % 3 == 0 ? days + 100 : days, i % 7 == 0 ? !ev : ev, "S2");
        }
        return (s1, s2);
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<CohortMember>> Members()
    {
        var (s1, s2) = Survival();
        IReadOnlyList<CohortMember> Of(IEnumerable<int> ids, Dictionary<string, SurvivalRecord> s) =>
            ids.Select(i => s[Patient(i)]).Select(r => new CohortMember(r.Patient, r.Days, r.Event)).ToList();
        return new SortedDictionary<string, IReadOnlyList<CohortMember>>(StringComparer.Ordinal)
        {
            ["treated"] = Of(Enumerable.Range(0, 20), s1),
            ["treated_s2"] = Of(Enumerable.Range(0, 20), s2),
            ["wide"] = Of(Enumerable.Range(0, 30).Where(i => i != 25), s2),
            ["untreated"] = Of(Enumerable.Range(20, 20), s1),
            ["org_organoids_a1"] = Organoids.Select(o => new CohortMember(o)).ToList(),
        };
    }

    public static SurvivalTables Tables()
    {
        var (s1, s2) = Survival();
        return new SurvivalTables((source, projects) => (source.Id == "S1" ? s1 : s2).Values.ToList());
    }

    public static IReadOnlyList<SourcePathwayScores> Scores()
    {
        var rng = new Rng(17);
        SourcePathwayScores Source(string id, int from)
        {
            var patients = Enumerable.Range(from, 50 - from).Select(Patient).ToArray();
            var v = new double[Pathways.Length, patients.Length];
            for (int p = 0; p < Pathways.Length; p++)
                for (int s = 0; s < patients.Length; s++) v[p, s] = rng.NextDouble() - 0.5;
            return new SourcePathwayScores(id, Mode, new PathwayScores(Pathways, patients, v), Pathways.Length, Pathways.Length, 10);
        }
        return [Source("srcX", 0), Source("srcY", 10)];
    }

    public static readonly string[] Organoids = Enumerable.Range(1, 12).Select(i => $"O{i:00}").ToArray();

    public static PathwayScores OrganoidScores()
    {
        var rng = new Rng(23);
        var v = new double[Pathways.Length, Organoids.Length];
        for (int p = 0; p < Pathways.Length; p++)
            for (int o = 0; o < Organoids.Length; o++) v[p, o] = rng.NextDouble();
        return new PathwayScores(Pathways, Organoids, v);
    }

    public static IReadOnlyDictionary<string, double> Response()
    {
        var x = OrganoidScores();
        var rng = new Rng(29);
        return Organoids.Select((o, i) => (o, 3 * x.Values[0, i] - x.Values[2, i] + 0.2 * rng.NextDouble())).ToDictionary(t => t.o, t => t.Item2, StringComparer.Ordinal);
    }

    public static IReadOnlyList<StageModel> Models()
    {
        StageModel M(string selection, string model, string[] features, double[] coef) =>
            new("DRUGA", selection, Mode, model, BiomarkerRanking.ByAbsoluteCoefficient(features, coef));
        return [M("authors", "ridgecv", ["P1", "P2", "P3", "P4"], [0.9, -0.4, 0.3, 0.1]), M("authors", "svr", ["P1", "P2", "P3", "P4"], [-0.5, 0.7, 0.2, 0.1]),
                M("string", "ridgecv", ["P2", "P5", "P6"], [0.6, -0.3, 0.2])];
    }

    public static ArmInputs Arm(StudyDefinition study) => ArmInputs.Create(study.Arms[0], Members().Keys.ToList(), Response(), Models(), Mode);

    /// <summary>Everything up to the baselines: units, grid runs and baseline runs (maxK 3).</summary>
    public static (StudyDefinition Study, ArmInputs Arm, IReadOnlyList<AnalysisUnit> Units, IReadOnlyList<ValidationRun> Runs, IReadOnlyList<BaselineRun> Baselines) Run(CountLog? log = null)
    {
        log ??= CountLog.Silent;
        var study = Study();
        var arm = Arm(study);
        var followUps = PatientFollowUp.ForAnalyses(study, Members(), Tables(), log);
        var units = AnalysisUnits.Build(followUps, Scores(), Mode, log);
        var runs = ValidationGrid.Evaluate([arm], units, 3);
        var organoids = OrganoidScores();
        var trained = new List<(string, OrganoidModel)>
        {
            (BaselineNames.AllPathways, arm.Train(organoids, Pathways, "ridgecv")),
            (BaselineNames.FirstNeighbours, arm.Train(organoids, ["P2", "P3", "P5"], "ridgecv")),
            (BaselineNames.Correlation, arm.Train(organoids, ["P1", "P3", "P4", "P6"], "ridgecv")),
        };
        var baselines = new ArmBaselines(arm, trained, ["T1"], new FirstNeighbourSelection(["T1"], [], ["T1", "G2"], ["P2", "P3", "P5"]), ["P1", "P3", "P4", "P6"], 6);
        return (study, arm, units, runs, PatientBaselines.Evaluate([baselines], units, Mode, 3));
    }
}
