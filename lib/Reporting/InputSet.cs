using System.Text.Json;
using System.Text.Json.Nodes;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data.Remote;

namespace OrganoidBiomarkers.Reporting;

/// <summary>One input a run read from the connected folder, as data/connected/inputs.tsv records it.</summary>
/// <param name="Id">Manifest id.</param>
/// <param name="Status">original, successor, re-quantified, refit, older-version (what it is relative to the paper's file).</param>
/// <param name="Origin">The route that served it (primary, fallback N, manual).</param>
/// <param name="OriginUrl">The URL(s) actually used.</param>
/// <param name="Sha256">The derived file's sha256 (what the run verified).</param>
/// <param name="Date">When it was derived (UTC date).</param>
public sealed record ConnectedInputUse(string Id, string Status, string Origin, string OriginUrl, string Sha256, string Date);

/// <summary>The inputs behind one arm's main result (validation.tsv's main row).</summary>
/// <param name="Arm">The arm's id.</param>
/// <param name="Cohort">The patient cohort (validation.tsv "cohort").</param>
/// <param name="ExpressionSource">The patient expression source (validation.tsv "expression_source").</param>
/// <param name="SurvivalSource">The survival source (validation.tsv "survival_source").</param>
/// <param name="Selection">The pathway selection (validation.tsv "selection").</param>
/// <param name="Training">The organoid training set (validation.tsv "training_organoids").</param>
public sealed record MainRowInputs(string Arm, string Cohort, string ExpressionSource, string SurvivalSource, string Selection, string Training);

/// <summary>
/// Which input set a run used: the offline mirror (no input read from data/connected/), or a connected run, with every
/// connected input's origin and sha256 (data/connected/inputs.tsv) and the inputs of each arm's main row. The one place
/// the report and run.json take it from.
/// </summary>
/// <param name="Connected">The connected inputs the run read (inventory.tsv rows read from "connected"), in inventory order.</param>
/// <param name="MainRows">Each arm's main row's cohort, sources, selection and training set.</param>
public sealed record InputSet(IReadOnlyList<ConnectedInputUse> Connected, IReadOnlyList<MainRowInputs> MainRows)
{
    /// <summary>"offline mirror" or "connected".</summary>
    public string Kind => Connected.Count == 0 ? "offline mirror" : "connected";

    /// <summary>One line for the report: the kind and, for a connected run, what came from where.</summary>
    public string Line => Connected.Count == 0
        ? "offline mirror: every input from the data mirror or data/cache (no input fetched by scripts/fetch-inputs was read)"
        : $"connected: {Connected.Count} input(s) fetched by scripts/fetch-inputs (data/connected/): " +
          string.Join("; ", Connected.Select(c => $"{c.Id} ({c.Status}, {c.Origin}, sha256 {c.Sha256[..Math.Min(12, c.Sha256.Length)]})")) + "; the others from the data mirror";

    /// <summary>Each arm's main row in words: "5fu: coad_5fu x tcga_coad (biotab survival), selection authors, trained on crc_organoids_5fu".</summary>
    public string MainRowsLine => string.Join("; ", MainRows.Select(m =>
        $"{m.Arm}: {m.Cohort} x {m.ExpressionSource} ({m.SurvivalSource} survival), selection {m.Selection}, trained on {m.Training}"));

    /// <summary>
    /// The run's input set: the connected inputs inventory.tsv says were read, with data/connected/inputs.tsv's record
    /// of each (of the run's data config), and validation.tsv's main rows.
    /// </summary>
    public static InputSet Of(RunOutputs run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var inventory = run.Result("inventory.tsv");
        var ids = inventory is null ? [] : inventory.Rows.Where(r => inventory.Cell(r, "from") == "connected").Select(r => inventory.Cell(r, "input")!).ToList();
        var record = ids.Count == 0 ? null : ConnectedRecord.Read(ConnectedFolder.For(run.DataConfigDir).RecordPath);
        var connected = ids.Select(id => record!.Find(id) is { } r ? new ConnectedInputUse(id, r.Status, r.Origin, r.OriginUrl, r.Sha256, r.Date)
            : new ConnectedInputUse(id, "?", "(no longer in data/connected/inputs.tsv)", "", "", "")).ToList();

        var validation = run.Result("validation.tsv");
        var mains = new List<MainRowInputs>();
        if (validation is not null)
            foreach (var arm in run.Study().Arms)
                if (validation.Where(("main", "true")).FirstOrDefault(r => validation.Cell(r, "drug") == arm.Drug.TargetRow) is { } row)
                    mains.Add(new MainRowInputs(arm.Id, validation.Cell(row, "cohort")!, validation.Cell(row, "expression_source")!, validation.Cell(row, "survival_source")!,
                        validation.Cell(row, "selection")!, validation.Cell(row, "training_organoids")!));
        return new InputSet(connected, mains);
    }

    /// <summary>For the report: every connected input with status, origin, URL used, sha256 and date.</summary>
    public TsvTable Table() => TsvTable.From(Connected, ("input", c => c.Id), ("status", c => c.Status), ("origin", c => c.Origin),
        ("origin_url", c => c.OriginUrl), ("sha256", c => c.Sha256), ("derived", c => c.Date));

    /// <summary>run.json's "input_set": kind, connected inputs (id, status, origin, origin_url, sha256, date) and main rows.</summary>
    public JsonObject ToJson() => new()
    {
        ["kind"] = Kind,
        ["connected_inputs"] = new JsonArray(Connected.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id, ["status"] = c.Status, ["origin"] = c.Origin, ["origin_url"] = c.OriginUrl, ["sha256"] = c.Sha256, ["date"] = c.Date,
        }).ToArray()),
        ["main_rows"] = new JsonArray(MainRows.Select(m => (JsonNode)new JsonObject
        {
            ["arm"] = m.Arm, ["cohort"] = m.Cohort, ["expression_source"] = m.ExpressionSource, ["survival_source"] = m.SurvivalSource,
            ["selection"] = m.Selection, ["training"] = m.Training,
        }).ToArray()),
    };

    /// <summary>Adds (or replaces) "input_set" in a run.json (the runner writes it before the report is built).</summary>
    /// <param name="runJson">output/run.json of the staged run.</param>
    public void WriteInto(string runJson)
    {
        if (!File.Exists(runJson)) return;
        var root = JsonNode.Parse(File.ReadAllText(runJson))?.AsObject() ?? new JsonObject();
        root["input_set"] = ToJson();
        File.WriteAllText(runJson, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
