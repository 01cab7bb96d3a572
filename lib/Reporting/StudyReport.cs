using System.Globalization;
using System.Text.Json;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Reporting;

/// <summary>The study's report: one section per stage (key tables, figures, link to the notebook), parity, provenance.</summary>
public sealed record StudyReportResult(ReportModel Model, TsvTable Parity);

public static class StudyReport
{
    public static StudyReportResult Build(RunOutputs run)
    {
        var parity = ParityTable.Build(run);
        var sections = new List<ReportSection>
        {
            Stage(run, 1, "01 · Data and cohorts",
                "Every input checked by sha256 and parsed; the study's cohorts with their counts and the expression coverage each source gives.",
                ("Cohorts (n, the paper's n, events, expression coverage per source)", "cohorts.tsv", 20),
                ("Inputs: status, origin, shape", "inventory.tsv", 50)),
            Stage(run, 2, "02 · Organoid quality control",
                "Expression distributions, sample correlations, PCA, replicate agreement of IC50s and tested ranges; a verdict per organoid.",
                ("Verdict per organoid", "organoid_qc.tsv", 25),
                ("Replicate agreement and tested range per drug", "drug_qc.tsv", 20)),
            Stage(run, 3, "03 · Network proximity",
                $"Proximity (Guney 2016, closest distance, degree-matched z) of each drug's targets to the 674 Reactome pathways, recomputed on two stand-in interactomes and compared with the authors' table; proximal = z <= {Network.Proximity.ProximalZ.ToString(CultureInfo.InvariantCulture)}.",
                ("Agreement with the authors' z table", "proximity_agreement.tsv", 20)),
            Stage(run, 4, "04 · Pathway scores and organoid models",
                "ssGSEA pathway scores of the organoids (authors' gseapy settings), models trained on organoid ln IC50, biomarkers ranked by |coefficient|, and leave-one-organoid-out validation; " +
                "the models retrained on the AUC check whether the biomarkers rest on IC50s extrapolated beyond the tested concentrations.",
                ("Organoid cross-validation per drug, selection and model", "organoid_cv.tsv", 40),
                ("Models on the AUC instead of the ln IC50 (main selection)", "response_measure.tsv", 10),
                ("Model coefficients (ranked)", "model_coefficients.tsv", 30)),
            Stage(run, 5, "05 · Patient validation",
                "TCGA patients treated with the drug, split by the organoid biomarker score at the median; Kaplan-Meier, log-rank, 5-year survival and hazard ratio, with a negative control and baselines.",
                ("Validation runs", "validation.tsv", 40),
                ("Baselines and controls", "baselines.tsv", 40)),
            Robustness(run),
            new("parity", "Parity with the paper and the authors' code",
                "Each published or authors'-code number beside ours; where they differ, the reason. Reference values come from data/paper_values.tsv or from the authors' output files in the mirror.",
                null, [new ReportTable("Parity table (also output/results/parity.tsv)", parity, 100)], []),
        };
        var model = new ReportModel(
            "Network-based organoid biomarkers (Kong et al. 2020), reproduced",
            "A reproduction of Kong et al., Nat Commun 11:5485 (2020) on the public data available to this project. Each section summarises one stage; the executed notebooks hold every step.",
            BuildProvenance(run), sections.Where(s => s.Tables.Count > 0 || s.Figures.Count > 0).ToList());
        return new StudyReportResult(model, parity);
    }

    /// <summary>Figures of stage 05's robustness section (<c>05_robustness_*.png</c>): shown in their own report section, not under stage 05.</summary>
    public const string RobustnessFigurePrefix = "05_robustness_";

    private static ReportSection Stage(RunOutputs run, int stage, string title, string summary, params (string Caption, string File, int MaxRows)[] tables)
    {
        var t = Tables(run, tables);
        var f = run.Figures(stage).Where(x => !x.Name.StartsWith(RobustnessFigurePrefix, StringComparison.Ordinal))
            .Select(x => new ReportFigure(x.Name, x.Png)).ToList();
        return new ReportSection($"stage{stage:D2}", title, summary, run.NotebookLink(stage), t, f);
    }

    /// <summary>The robustness analysis of the main results (the last section of notebook 05): robustness.tsv and its figures.</summary>
    private static ReportSection Robustness(RunOutputs run)
    {
        var t = Tables(run, ("Permutation test, patient bootstrap and one-choice-at-a-time sensitivity of each arm's main result", "robustness.tsv", 80));
        var f = run.Figures(5).Where(x => x.Name.StartsWith(RobustnessFigurePrefix, StringComparison.Ordinal))
            .Select(x => new ReportFigure(x.Name, x.Png)).ToList();
        return new ReportSection("robustness", "Robustness",
            "How each arm's main result survives what the paper did not test: shuffling the organoid ln IC50 and retraining (whole-pipeline permutation test, " +
            "empirical p), resampling the patients (bootstrap percentile intervals of the 5-year survival difference and the hazard ratio, with resamples of " +
            "infinite or undefined HR counted), and changing one analysis choice at a time (network selection, model, survival source, expression source, k: forest plots).",
            run.NotebookLink(5), t, f);
    }

    private static List<ReportTable> Tables(RunOutputs run, params (string Caption, string File, int MaxRows)[] tables) =>
        tables.Where(x => run.HasResult(x.File)).Select(x => new ReportTable($"{x.Caption} (results/{x.File})", run.Result(x.File)!, x.MaxRows)).ToList();

    private static Provenance BuildProvenance(RunOutputs run)
    {
        using var record = run.RunRecord();
        var root = record?.RootElement;
        string Get(string name) => root is { } r && r.TryGetProperty(name, out var v) ? v.ToString() : "unknown";
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (root is { } r2 && r2.TryGetProperty("parameters", out var ps))
            foreach (var p in ps.EnumerateObject()) parameters[p.Name] = p.Value.ToString();
        var notebooks = new List<(string, string, string)>();
        if (root is { } r3 && r3.TryGetProperty("notebooks", out var nbs))
            foreach (var nb in nbs.EnumerateArray()) notebooks.Add((nb.GetProperty("notebook").GetString()!, nb.GetProperty("status").GetString()!, nb.GetProperty("seconds").ToString()));
        ulong seed = parameters.TryGetValue("seed", out var s) ? ulong.Parse(s, CultureInfo.InvariantCulture) : Rng.DefaultSeed;
        var inventory = run.Result("inventory.tsv");
        var from = inventory is null ? new Dictionary<string, string>() :
            inventory.Rows.ToDictionary(r => r[inventory.ColumnIndex("input")], r => r[inventory.ColumnIndex("from")]);
        var inputs = TsvTable.From(run.Manifest(), ("input", e => e.Id), ("file", e => e.File), ("status", e => e.Status),
            ("sha256", e => e.Sha256 ?? "(not available)"), ("read from", e => from.TryGetValue(e.Id, out var f) ? f : ""));
        return new Provenance(Get("git_commit"), Get("started_utc"), double.TryParse(Get("total_seconds"), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : double.NaN,
            root is { } r4 && r4.TryGetProperty("data_mirror", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null,
            parameters, seed, TsvTable.From(notebooks, ("notebook", n => n.Item1), ("status", n => n.Item2), ("seconds", n => n.Item3)), inputs);
    }
}
