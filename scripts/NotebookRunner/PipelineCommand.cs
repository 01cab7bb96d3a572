using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrganoidBiomarkers.Cli;

namespace OrganoidBiomarkers.NotebookRunner;

/// <summary>Options of a pipeline run, from the command line (validated: see <see cref="CommandLine"/>).</summary>
internal sealed record PipelineOptions(
    string NotebooksDir,
    string OutputDir,
    string? DataMirror,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlySet<string> Only,
    TimeSpan NotebookTimeout,
    string? ReportTool = null,
    string? DataConfig = null);

/// <summary>A failed step of a run: its exit code (class), the one line to show, and where the details are.</summary>
internal sealed record RunFailure(int Code, string Message);

/// <summary>
/// Runs notebooks/NN-*.dib in order, each in its own process started in the notebook's folder, under a process-level
/// timeout, then the report. One run at a time per output folder (<see cref="OutputLock"/>). Everything a run writes
/// goes to a staging folder beside the output, which replaces the output in one atomic step only when every notebook
/// and the report succeeded (<see cref="OutputFolder"/>); a failed run is kept in the work folder for inspection.
/// SIGINT/SIGTERM stop the notebook process too and leave the output as it was. Stage freshness: <see cref="StagePlan"/>.
/// </summary>
internal sealed partial class PipelineCommand
{
    /// <summary>What a run produces (replaced together); anything else in the output folder is carried over untouched.</summary>
    public static readonly string[] PromotedEntries = ["notebooks", "results", "figures", "stages", "run.json", "report.html"];

    /// <summary>Left inside the output folder by runners before the work folder existed: never carried over.</summary>
    private static readonly string[] LegacyEntries = [".staging", "failed-run"];

    private readonly PipelineOptions _o;
    private readonly TextWriter _out;
    private readonly TextWriter _err;

    public PipelineCommand(PipelineOptions options, TextWriter? output = null, TextWriter? error = null)
    {
        _o = options;
        _out = output ?? Console.Out;
        _err = error ?? Console.Error;
    }

    /// <summary>
    /// Runs the pipeline; returns 0 or the exit code of the failure's class (<see cref="ExitCodes"/>). Exceptions of the
    /// runner's own work (I/O on the output, a refused plan) propagate, after the staging folder is removed.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken stop = default, Func<int>? stopCode = null)
    {
        var folder = new OutputFolder(_o.OutputDir);
        folder.EnsureWork();
        using var outputLock = OutputLock.Acquire(folder.Work, folder.Output, "scripts/run-pipeline " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
        if (outputLock.TookOverFrom is { } dead && !Posix.Alive(dead.Pid))
            _out.WriteLine($"runner: took over the lock of {dead}, which is no longer running");
        foreach (var leftover in folder.RemoveLeftovers()) _out.WriteLine($"runner: removed {leftover}, left by an interrupted run");

        var notebooks = CommandLine.Stages(_o.NotebooksDir);
        var previous = StageRecord.ReadAll(Path.Combine(folder.Output, "run.json"));
        var notebookSha = notebooks.ToDictionary(kv => kv.Key, kv => StageRecord.FileSha256(kv.Value.FullName), StringComparer.Ordinal);
        var plan = new StagePlan(notebooks.Keys.ToList(), _o.Only, previous, _o.Parameters, DataContext(), notebookSha, folder.Output);

        string staging = folder.NewStaging();
        try
        {
            int code = await RunStagesAsync(folder, staging, notebooks, plan, previous, stop, stopCode);
            if (code == ExitCodes.Ok) folder.Promote(staging);
            return code;
        }
        finally
        {
            // Whatever is left at the staging path is not the output: an interrupted, refused or I/O-failed run (a full
            // disk is not kept full), or the previous output after the swap. A failed run was moved to failed-run.
            OutputFolder.TryDelete(staging);
        }
    }

    private async Task<int> RunStagesAsync(OutputFolder folder, string staging, SortedDictionary<string, FileInfo> notebooks, StagePlan plan,
        SortedDictionary<string, StageRecord> previous, CancellationToken stop, Func<int>? stopCode)
    {
        CarryOver(folder.Output, staging, plan.Partial);
        foreach (var folderName in new[] { "notebooks", "results", "figures", "stages" }) Directory.CreateDirectory(Path.Combine(staging, folderName));

        _out.WriteLine($"runner: {(plan.Partial ? $"stages {string.Join(", ", plan.Selected)} on the previous outputs" : $"{notebooks.Count} notebook(s)")}; "
            + $"new output built in {staging}; data mirror: {_o.DataMirror ?? "(none: downloads from origin)"}");
        if (plan.Parameters.Count > 0)
            _out.WriteLine($"runner: parameters {string.Join(", ", plan.Parameters.Select(kv => $"{kv.Key}={kv.Value}"))}{(plan.Partial ? " (given, or kept from the earlier stages' records)" : "")}");
        foreach (var (stage, why) in plan.Reasons.Where(r => !plan.Selected.Contains(r.Key)))
            _out.WriteLine($"runner: stage {stage} will be rerun too: {why}");

        var records = plan.Partial ? new SortedDictionary<string, StageRecord>(previous, StringComparer.Ordinal) : new SortedDictionary<string, StageRecord>(StringComparer.Ordinal);
        var runLog = new List<(string Notebook, string Status, double Seconds)>();
        var total = Stopwatch.StartNew();
        RunFailure? failure = null;
        int ran = 0;
        foreach (var (stage, nb) in notebooks)
        {
            if (stop.IsCancellationRequested) { failure = new RunFailure(stopCode?.Invoke() ?? ExitCodes.Interrupted, "stopped by a signal"); break; }
            var reason = plan.Reason(stage, records);
            if (reason is null)
            {
                if (plan.Selected.Contains(stage) || StringComparer.Ordinal.Compare(stage, plan.Selected.Min(StringComparer.Ordinal)) > 0)
                    _out.WriteLine($"runner: stage {stage} kept: its inputs did not change");
                continue;
            }
            if (!plan.Selected.Contains(stage)) _out.WriteLine($"runner: stage {stage} reruns: {reason}");
            var name = Path.GetFileNameWithoutExtension(nb.Name);
            _out.WriteLine($"runner: === {nb.Name} ===");
            var before = Snapshot(staging);
            var sw = Stopwatch.StartNew();
            var result = await RunProcessAsync(nb.Name, nb.DirectoryName!, staging,
                [typeof(PipelineCommand).Assembly.Location, "notebook", nb.FullName, "--ipynb", Path.Combine(staging, "notebooks", name + ".ipynb")],
                plan.Parameters, folder, stop, stopCode);
            sw.Stop();
            ran++;
            runLog.Add((nb.Name, result is null ? "ok" : result.Code == ExitCodes.Timeout ? $"timed out after {_o.NotebookTimeout.TotalSeconds:F0} s" : "failed", sw.Elapsed.TotalSeconds));
            if (result is not null) { failure = result with { Message = $"{nb.Name}: {result.Message}" }; break; }
            records[stage] = Record(stage, nb, staging, before, records, previous, plan);
        }
        total.Stop();

        _out.WriteLine();
        _out.WriteLine("notebook\tstatus\tseconds");
        foreach (var r in runLog) _out.WriteLine($"{r.Notebook}\t{r.Status}\t{r.Seconds:F1}");
        if (failure is { Code: ExitCodes.Interrupted or ExitCodes.Terminated })
        {
            _err.WriteLine($"{CommandLine.Tool}: {ExitCodes.Describe(failure.Code)}: {failure.Message}; the notebook process was stopped and {folder.Output} is unchanged");
            return failure.Code;
        }
        WriteRunRecord(staging, runLog, total.Elapsed.TotalSeconds, plan, records);
        if (failure is null && stop.IsCancellationRequested) failure = new RunFailure(stopCode?.Invoke() ?? ExitCodes.Interrupted, "stopped by a signal");
        if (failure is null && _o.ReportTool is not null)
        {
            // The report is built from the staged outputs, so a report failure also leaves the output untouched.
            _out.WriteLine("runner: === report ===");
            var result = await RunProcessAsync(Path.GetFileName(_o.ReportTool), Path.GetFullPath(Path.Combine(_o.NotebooksDir, "..")), staging,
                [Path.GetFullPath(_o.ReportTool), staging], plan.Parameters, folder, stop, stopCode);
            if (result is not null) failure = result with { Message = $"report: {result.Message}" };
        }
        if (failure is { Code: ExitCodes.Interrupted or ExitCodes.Terminated })
        {
            _err.WriteLine($"{CommandLine.Tool}: {ExitCodes.Describe(failure.Code)}: {failure.Message}; {folder.Output} is unchanged");
            return failure.Code;
        }
        if (failure is not null)
        {
            var kept = failure.Code is ExitCodes.Io ? null : folder.KeepFailed(staging);
            _err.WriteLine($"{CommandLine.Tool}: {ExitCodes.Describe(failure.Code)}: {failure.Message}");
            _err.WriteLine($"{CommandLine.Tool}: nothing was changed in {folder.Output}"
                + (kept is null ? "" : $"; this run's executed notebooks are in {Path.Combine(kept, "notebooks")}"));
            return failure.Code;
        }
        _out.WriteLine($"runner: {ran} notebook(s) ran in {total.Elapsed.TotalSeconds:F1} s; outputs in {folder.Output}");
        return ExitCodes.Ok;
    }

    /// <summary>A partial run starts from the whole previous output; a full run keeps only what the pipeline does not make (e.g. apply-model outputs).</summary>
    private static void CarryOver(string output, string staging, bool partial)
    {
        if (!Directory.Exists(output)) return;
        foreach (var entry in Directory.EnumerateFileSystemEntries(output))
        {
            var name = Path.GetFileName(entry);
            if (LegacyEntries.Contains(name) || (!partial && PromotedEntries.Contains(name))) continue;
            if (Directory.Exists(entry)) OutputFolder.CopyDirectory(entry, Path.Combine(staging, name));
            else
            {
                File.Copy(entry, Path.Combine(staging, name));
                File.SetLastWriteTimeUtc(Path.Combine(staging, name), File.GetLastWriteTimeUtc(entry));
            }
        }
    }

    /// <summary>The files later stages may read (results/, stages/), with their write time and size.</summary>
    private static Dictionary<string, (DateTime, long)> Snapshot(string staging) =>
        new[] { "results", "stages" }.Select(d => Path.Combine(staging, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .ToDictionary(f => Path.GetRelativePath(staging, f).Replace('\\', '/'), f => (File.GetLastWriteTimeUtc(f), new FileInfo(f).Length), StringComparer.Ordinal);

    /// <summary>
    /// The record of a stage that just ran: the files it wrote (new or rewritten since <paramref name="before"/>) with
    /// their sha256. Files its previous run wrote and this one did not are removed, so no stale output survives.
    /// </summary>
    private StageRecord Record(string stage, FileInfo notebook, string staging, Dictionary<string, (DateTime, long)> before,
        SortedDictionary<string, StageRecord> records, IReadOnlyDictionary<string, StageRecord> previous, StagePlan plan)
    {
        var after = Snapshot(staging);
        var outputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, stamp) in after)
            if (!before.TryGetValue(file, out var old) || old != stamp) outputs[file] = StageRecord.FileSha256(Path.Combine(staging, file));
        if (previous.TryGetValue(stage, out var earlier))
            foreach (var file in earlier.Outputs.Keys.Where(f => !outputs.ContainsKey(f)))
            {
                var path = Path.Combine(staging, file);
                if (File.Exists(path)) { File.Delete(path); _out.WriteLine($"runner: removed {file}: stage {stage} wrote it before and no longer does"); }
            }
        // A file belongs to the stage that wrote it last.
        foreach (var (key, rec) in records.ToList())
            if (key != stage && rec.Outputs.Keys.Any(outputs.ContainsKey))
                records[key] = rec with { Outputs = new SortedDictionary<string, string>(rec.Outputs.Where(o => !outputs.ContainsKey(o.Key)).ToDictionary(), StringComparer.Ordinal) };
        var upstream = new SortedDictionary<string, string>(records.Values.Where(r => StringComparer.Ordinal.Compare(r.Stage, stage) < 0).ToDictionary(r => r.Stage, r => r.OutputsDigest), StringComparer.Ordinal);
        return new StageRecord(stage, notebook.Name, StageRecord.FileSha256(notebook.FullName), plan.ParametersOf(stage), DataContext(), upstream, outputs);
    }

    /// <summary>What the run reads besides parameters: the mirror folder and the data config (manifest and study definition).</summary>
    private string DataContext()
    {
        string config = _o.DataConfig ?? Path.GetFullPath(Path.Combine(_o.NotebooksDir, "..", "data"));
        var sb = new StringBuilder();
        foreach (var file in new[] { "manifest.tsv", "study.json" })
        {
            var path = Path.Combine(config, file);
            sb.Append(file).Append('=').Append(File.Exists(path) ? StageRecord.FileSha256(path)[..16] : "absent").Append(' ');
        }
        return $"mirror {_o.DataMirror ?? "none"}; config {config} ({sb.ToString().Trim()})";
    }

    /// <summary>
    /// Runs `dotnet ARGS` with the pipeline's environment, relaying its output (stack frames go to a log, not the
    /// screen), under the notebook timeout and the stop signal. Returns null on success, else the failure.
    /// </summary>
    private async Task<RunFailure?> RunProcessAsync(string label, string workingDirectory, string staging, string[] arguments,
        IReadOnlyDictionary<string, string> parameters, OutputFolder folder, CancellationToken stop, Func<int>? stopCode)
    {
        var failureFile = Path.Combine(folder.Work, $"failure-{Environment.ProcessId}.json");
        File.Delete(failureFile);
        var psi = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        psi.Environment[RunEnvironment.RepoRoot] = Path.GetFullPath(Path.Combine(_o.NotebooksDir, ".."));
        psi.Environment[RunEnvironment.OutputDir] = staging;
        if (_o.DataMirror is not null) psi.Environment[RunEnvironment.DataMirror] = _o.DataMirror;
        if (_o.DataConfig is not null) psi.Environment[RunEnvironment.DataConfig] = _o.DataConfig;
        psi.Environment[RunEnvironment.Parameters] = JsonSerializer.Serialize(parameters);
        psi.Environment[RunEnvironment.FailureFile] = failureFile;
        // Methods with loops are compiled optimised at once: the numerics run in short bursts (thousands of small model
        // fits), which tiered compilation would otherwise run unoptimised for most of a notebook. Results are unchanged.
        // A value set by the caller wins (the fixture-world test, whose data are too small to repay the compile time).
        if (Environment.GetEnvironmentVariable("DOTNET_TC_QuickJitForLoops") is null) psi.Environment["DOTNET_TC_QuickJitForLoops"] = "0";

        Process child;
        try
        {
            child = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new IOException($"cannot start {psi.FileName} for {label} ({e.Message}). Fix: check that the .NET SDK is installed (environment/setup.sh)", e);
        }
        using var _ = child;
        var trace = new StringBuilder();
        string? unhandled = null;
        var relayOut = Relay(child.StandardOutput, _out, null, null);
        var relayErr = Relay(child.StandardError, _out, trace, line => unhandled ??= UnhandledLine().Match(line) is { Success: true } m ? m.Groups[1].Value : null);
        using var timeout = new CancellationTokenSource(_o.NotebookTimeout);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stop);
        try
        {
            await child.WaitForExitAsync(either.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            await Task.WhenAll(relayOut, relayErr);
            return stop.IsCancellationRequested
                ? new RunFailure(stopCode?.Invoke() ?? ExitCodes.Interrupted, "stopped by a signal")
                : new RunFailure(ExitCodes.Timeout, $"exceeded the {_o.NotebookTimeout.TotalSeconds:F0} s timeout and was stopped. Fix: --timeout-seconds N with a larger N");
        }
        await Task.WhenAll(relayOut, relayErr);
        if (child.ExitCode == 0) return null;

        // The notebook executor says what failed in the failure file; other tools (the report) by an unhandled exception line.
        if (ReadFailure(failureFile) is { } reported) return reported;
        string? log = trace.Length > 0 ? ErrorReport.WriteLog("run-pipeline-" + Path.GetFileNameWithoutExtension(label), trace.ToString()) : null;
        if (unhandled is not null)
        {
            var type = unhandled.Split(':')[0].Split('.')[^1];
            int code = ExitCodes.Classify(type);
            return new RunFailure(code, ErrorReport.OneLine(label, code, unhandled[(unhandled.IndexOf(':') + 1)..].Trim(), log)[(label.Length + 2)..]);
        }
        // A child that reported its own failure class (e.g. the executor when even the failure file could not be
        // written on a full disk) said why on its last error line.
        int[] classes = [ExitCodes.Usage, ExitCodes.BadInput, ExitCodes.MissingData, ExitCodes.Io, ExitCodes.Busy, ExitCodes.Timeout, ExitCodes.Internal];
        var last = trace.ToString().Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0 && !StackFrame().IsMatch(l));
        if (classes.Contains(child.ExitCode) && last is not null) return new RunFailure(child.ExitCode, last);
        return new RunFailure(ExitCodes.Internal, $"exited with code {child.ExitCode}{(child.ExitCode > 128 ? $" (killed by signal {child.ExitCode - 128})" : "")}{(log is null ? "" : $" (details: {log})")}");
    }

    /// <summary>The failure a notebook process wrote, or null (none, or unreadable: e.g. written empty on a full disk).</summary>
    private static RunFailure? ReadFailure(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return new RunFailure(doc.RootElement.GetProperty("code").GetInt32(), doc.RootElement.GetProperty("message").GetString()!);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return null;
        }
        finally
        {
            try { File.Delete(path); } catch (IOException) { }
        }
    }

    [GeneratedRegex(@"^Unhandled exception\. (\S+: .*)$")]
    private static partial Regex UnhandledLine();

    [GeneratedRegex(@"^\s+at |^\s*--- End of ")]
    private static partial Regex StackFrame();

    /// <summary>The dotnet host: this process when it is dotnet, else the SDK's (e.g. under a test host).</summary>
    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
    }

    /// <summary>Relays a child's lines, indented; stack frames go to <paramref name="trace"/> (a log) instead of the screen.</summary>
    private static async Task Relay(StreamReader from, TextWriter to, StringBuilder? trace, Action<string>? inspect)
    {
        string? line;
        while ((line = await from.ReadLineAsync()) is not null)
        {
            if (trace is not null)
            {
                lock (trace) trace.AppendLine(line);
                inspect?.Invoke(line);
                if (StackFrame().IsMatch(line)) continue;
            }
            lock (to) { to.WriteLine("  " + line); to.Flush(); }
        }
    }

    private void WriteRunRecord(string staging, List<(string Notebook, string Status, double Seconds)> runLog, double totalSeconds,
        StagePlan plan, SortedDictionary<string, StageRecord> records)
    {
        // A partial run keeps the earlier run's entries for the notebooks it did not rerun.
        var previous = Path.Combine(staging, "run.json");
        if (plan.Partial && File.Exists(previous))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(previous));
            if (doc.RootElement.TryGetProperty("notebooks", out var nbs))
                foreach (var nb in nbs.EnumerateArray())
                {
                    const string earlier = " (earlier run)";
                    var name = nb.GetProperty("notebook").GetString()!;
                    if (name.EndsWith(earlier, StringComparison.Ordinal)) name = name[..^earlier.Length];
                    if (name != "report" && runLog.All(r => r.Notebook != name))
                        runLog.Add((name + earlier, nb.GetProperty("status").GetString()!, nb.GetProperty("seconds").GetDouble()));
                }
            runLog.Sort((a, b) => StringComparer.Ordinal.Compare(a.Notebook, b.Notebook));
        }
        var stages = new JsonObject();
        foreach (var (stage, rec) in records) stages[stage] = rec.ToJson();
        var parameters = new JsonObject();
        foreach (var (k, v) in plan.Parameters) parameters[k] = v;
        var notebooks = new JsonArray();
        foreach (var r in runLog) notebooks.Add(new JsonObject { ["notebook"] = r.Notebook, ["status"] = r.Status, ["seconds"] = Math.Round(r.Seconds, 1) });
        var record = new JsonObject
        {
            ["started_utc"] = DateTime.UtcNow.AddSeconds(-totalSeconds).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["total_seconds"] = Math.Round(totalSeconds, 1),
            ["git_commit"] = GitCommit(Path.GetFullPath(Path.Combine(_o.NotebooksDir, ".."))),
            ["data_mirror"] = _o.DataMirror,
            ["parameters"] = parameters,
            ["notebooks"] = notebooks,
            ["stages"] = stages,
        };
        File.WriteAllText(previous, record.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    internal static string GitCommit(string repo)
    {
        try
        {
            var psi = new ProcessStartInfo("git", ["-C", repo, "describe", "--always", "--dirty", "--abbrev=12"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var s = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 ? s : "unknown (not a git checkout)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (git not installed)";
        }
    }
}
