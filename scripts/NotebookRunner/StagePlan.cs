using OrganoidBiomarkers.Cli;

namespace OrganoidBiomarkers.NotebookRunner;

/// <summary>
/// Stage freshness for a run: which stages run, with which parameters, so that no stage's outputs are left computed
/// from inputs other than the ones the run records. A full run runs every stage. A partial run (--only) reruns the
/// chosen stages on the previous run's outputs, and:
/// <list type="bullet">
/// <item>the previous run's parameters are kept unless given on the command line;</item>
/// <item>earlier stages it does not rerun must have a record and unchanged outputs, and a parameter given on the
/// command line that one of them read with another value is refused (they would no longer match run.json);</item>
/// <item>later stages it does not rerun are rerun too when a parameter they read changed, their notebook changed, or
/// (decided as the run goes) an earlier stage's outputs changed, like make.</item>
/// </list>
/// </summary>
internal sealed class StagePlan
{
    public IReadOnlyList<string> Stages { get; }
    public IReadOnlySet<string> Selected { get; }
    public bool Partial { get; }
    /// <summary>The parameters passed to every notebook: those given, plus those kept from earlier stages' records.</summary>
    public SortedDictionary<string, string> Parameters { get; }
    /// <summary>Why each stage runs (shown before the run starts; later ones are added as the run goes).</summary>
    public SortedDictionary<string, string> Reasons { get; } = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, StageRecord> _previous;
    private readonly string _data;
    private readonly IReadOnlyDictionary<string, string> _notebookSha;
    private readonly string _outputDir;

    public StagePlan(IReadOnlyList<string> stages, IReadOnlySet<string> only, IReadOnlyDictionary<string, StageRecord> previous,
        IReadOnlyDictionary<string, string> given, string data, IReadOnlyDictionary<string, string> notebookSha, string outputDir)
    {
        Stages = stages;
        _previous = previous;
        _data = data;
        _notebookSha = notebookSha;
        _outputDir = outputDir;
        Partial = only.Count > 0 && only.Count < stages.Count;
        Selected = Partial ? only : stages.ToHashSet(StringComparer.Ordinal);
        Parameters = new SortedDictionary<string, string>(given.ToDictionary(), StringComparer.Ordinal);
        foreach (var s in Selected) Reasons[s] = Partial ? "chosen with --only" : "full run";
        if (!Partial) return;

        string first = Selected.Min(StringComparer.Ordinal)!;
        // Earlier stages: kept as they are, so they must say what they were made from, and agree with this run.
        foreach (var u in stages.Where(s => StringComparer.Ordinal.Compare(s, first) < 0))
        {
            if (!previous.TryGetValue(u, out var rec))
                throw new FileNotFoundException($"--only {string.Join(",", only)}: stage {u}'s outputs in {outputDir} have no record of what they were made from (no earlier complete run, or one made before stage records). Fix: run the whole pipeline once, without --only");
            foreach (var (file, sha) in rec.Outputs)
            {
                var path = Path.Combine(outputDir, file);
                if (!File.Exists(path) || StageRecord.FileSha256(path) != sha)
                    throw new StaleOutputException($"--only {string.Join(",", only)}: {path} is {(File.Exists(path) ? "not the file" : "missing, not the file")} stage {u} wrote (edited, truncated or deleted since?). Fix: --only {u},{string.Join(",", only)} to recompute it, or run the whole pipeline");
            }
            if (rec.Data != data)
                throw new UsageException($"--only {string.Join(",", only)}: stage {u}'s outputs were made from other data ({rec.Data}) than this run's ({data}). Fix: run the whole pipeline, or pass the same --data-mirror/--data-config");
            foreach (var (name, value) in rec.Parameters)
            {
                if (given.TryGetValue(name, out var g) && g != value)
                    throw new UsageException($"--param {name}={g}: stage {u}, which --only {string.Join(",", only)} does not rerun, was computed with {name}={value}. Fix: --only {u},{string.Join(",", only)} (later stages are rerun as needed), or leave out --param {name}");
            }
        }
        // The previous run's parameters carry over unless given: --only reruns stages as they were, except what is changed.
        foreach (var rec in previous.Values)
            foreach (var (name, value) in rec.Parameters)
                if (!given.ContainsKey(name) && !Parameters.ContainsKey(name) && PipelineParameters.Find(name) is { } p && p.Default != value) Parameters[name] = value;
        // Later stages not chosen: rerun now when what they read is known to have changed.
        foreach (var d in stages.Where(s => StringComparer.Ordinal.Compare(s, first) > 0 && !Selected.Contains(s)))
            if (StaleBeforeRun(d) is { } why) Reasons[d] = why;
    }

    /// <summary>The values of the parameters stage <paramref name="stage"/> reads, in this run.</summary>
    public SortedDictionary<string, string> ParametersOf(string stage)
    {
        var effective = PipelineParameters.Effective(Parameters);
        return new SortedDictionary<string, string>(
            PipelineParameters.All.Where(p => p.AffectsResults && p.ReadBy(stage)).ToDictionary(p => p.Name, p => effective[p.Name]), StringComparer.Ordinal);
    }

    private string? StaleBeforeRun(string stage)
    {
        if (!_previous.TryGetValue(stage, out var rec)) return "later stage with no record of its inputs";
        if (rec.Data != _data) return "later stage made from other data";
        if (rec.Outputs.Any(o => !File.Exists(Path.Combine(_outputDir, o.Key)) || StageRecord.FileSha256(Path.Combine(_outputDir, o.Key)) != o.Value))
            return "later stage whose outputs were changed or deleted since it wrote them";
        if (_notebookSha.TryGetValue(stage, out var sha) && sha != rec.NotebookSha256) return $"later stage whose notebook changed since its outputs were made";
        var now = ParametersOf(stage);
        var changed = now.Where(kv => !rec.Parameters.TryGetValue(kv.Key, out var v) || v != kv.Value).Select(kv => $"{kv.Key}={kv.Value}").ToList();
        return changed.Count > 0 ? $"later stage that reads {string.Join(", ", changed)} (was {string.Join(", ", changed.Select(c => c.Split('=')[0]).Select(k => $"{k}={(rec.Parameters.TryGetValue(k, out var v) ? v : "unset")}"))})" : null;
    }

    /// <summary>
    /// Whether stage <paramref name="stage"/> runs, given the records as they stand now (earlier stages already done):
    /// chosen or known stale, or made from earlier outputs that have since changed. Returns the reason, or null to keep it.
    /// </summary>
    public string? Reason(string stage, IReadOnlyDictionary<string, StageRecord> current)
    {
        if (Reasons.TryGetValue(stage, out var why)) return why;
        if (StringComparer.Ordinal.Compare(stage, Selected.Min(StringComparer.Ordinal)) < 0) return null;
        var rec = _previous[stage];
        var changed = current.Values.Where(r => StringComparer.Ordinal.Compare(r.Stage, stage) < 0
            && (!rec.Upstream.TryGetValue(r.Stage, out var digest) || digest != r.OutputsDigest)).Select(r => r.Stage).ToList();
        if (changed.Count == 0) return null;
        Reasons[stage] = $"later stage made from outputs of stage {string.Join(", ", changed)} that this run changed";
        return Reasons[stage];
    }
}

/// <summary>An earlier stage's output is not what that stage wrote: a partial run would build on a damaged file.</summary>
internal sealed class StaleOutputException(string message) : Exception(message);
