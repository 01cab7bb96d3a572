using System.Diagnostics;
using System.Text.Json;

namespace OrganoidBiomarkers.NotebookRunner;

/// <summary>Options of a pipeline run, from the command line.</summary>
internal sealed record PipelineOptions(
    string NotebooksDir,
    string OutputDir,
    string? DataMirror,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlySet<string> Only,
    TimeSpan NotebookTimeout,
    string? ReportTool = null,
    string? DataConfig = null);

/// <summary>
/// Runs notebooks/NN-*.dib in order, each in its own process started in the notebook's folder, under a process-level
/// timeout. Everything a run writes goes to output/.staging first; only a run in which every notebook succeeded is
/// promoted to output/ (so a failed run never leaves partial files in output/results). A failed run is kept in
/// output/failed-run for inspection.
/// </summary>
internal sealed class PipelineCommand
{
    public static readonly string[] PromotedFolders = ["notebooks", "results", "figures", "stages"];

    private readonly PipelineOptions _o;
    public PipelineCommand(PipelineOptions options) => _o = options;

    public async Task<int> RunAsync()
    {
        var notebooks = Directory.GetFiles(_o.NotebooksDir, "*.dib")
            .Select(p => new FileInfo(p))
            .Where(f => char.IsDigit(f.Name[0]) && char.IsDigit(f.Name[1]) && f.Name[2] == '-')
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        if (notebooks.Count == 0) { Console.Error.WriteLine($"runner: no NN-*.dib notebooks in {_o.NotebooksDir}"); return 2; }
        var selected = _o.Only.Count == 0 ? notebooks : notebooks.Where(f => _o.Only.Contains(f.Name[..2])).ToList();
        if (selected.Count == 0) { Console.Error.WriteLine($"runner: --only {string.Join(',', _o.Only)} matches no notebook"); return 2; }

        var staging = Path.Combine(_o.OutputDir, ".staging");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        bool partial = selected.Count < notebooks.Count;
        if (partial)
        {
            // A partial run reuses earlier stages' outputs, so later promotion keeps them.
            foreach (var folder in PromotedFolders)
                if (Directory.Exists(Path.Combine(_o.OutputDir, folder))) CopyDirectory(Path.Combine(_o.OutputDir, folder), Path.Combine(staging, folder));
            if (File.Exists(Path.Combine(_o.OutputDir, "run.json"))) File.Copy(Path.Combine(_o.OutputDir, "run.json"), Path.Combine(staging, "run.json"));
        }
        foreach (var folder in PromotedFolders) Directory.CreateDirectory(Path.Combine(staging, folder));

        var runLog = new List<(string Notebook, string Status, double Seconds)>();
        var total = Stopwatch.StartNew();
        Console.WriteLine($"runner: {selected.Count} notebook(s); output staged in {staging}; data mirror: {_o.DataMirror ?? "(none: downloads from origin)"}");
        if (_o.Parameters.Count > 0) Console.WriteLine($"runner: parameters {string.Join(", ", _o.Parameters.Select(kv => $"{kv.Key}={kv.Value}"))}");
        int failed = 0;
        string? failure = null;
        foreach (var nb in selected)
        {
            var name = Path.GetFileNameWithoutExtension(nb.Name);
            var ipynb = Path.Combine(staging, "notebooks", name + ".ipynb");
            Console.WriteLine($"runner: === {nb.Name} ===");
            var sw = Stopwatch.StartNew();
            var (code, timedOut) = await RunChildAsync(nb, ipynb, staging);
            sw.Stop();
            string status = timedOut ? $"timed out after {_o.NotebookTimeout.TotalSeconds:F0} s" : code == 0 ? "ok" : "failed";
            runLog.Add((nb.Name, status, sw.Elapsed.TotalSeconds));
            if (code != 0 || timedOut) { failed++; failure = $"{nb.Name}: {status}"; break; }
        }
        total.Stop();

        Console.WriteLine();
        Console.WriteLine("notebook\tstatus\tseconds");
        foreach (var r in runLog) Console.WriteLine($"{r.Notebook}\t{r.Status}\t{r.Seconds:F1}");
        WriteRunRecord(staging, runLog, total.Elapsed.TotalSeconds);
        if (failed == 0 && _o.ReportTool is not null)
        {
            // The report is built from the staged outputs, so a report failure also leaves output/ untouched.
            Console.WriteLine("runner: === report ===");
            var (code, timedOut) = await RunToolAsync(_o.ReportTool, staging);
            runLog.Add(("report", timedOut ? "timed out" : code == 0 ? "ok" : "failed", 0));
            if (code != 0 || timedOut) { failed++; failure = "report: " + (timedOut ? "timed out" : "failed"); }
        }

        if (failed > 0)
        {
            var failedDir = Path.Combine(_o.OutputDir, "failed-run");
            if (Directory.Exists(failedDir)) Directory.Delete(failedDir, recursive: true);
            Directory.Move(staging, failedDir);
            Console.Error.WriteLine($"runner: FAILED ({failure}). Nothing was promoted to {_o.OutputDir}; the executed notebooks of this run are in {Path.Combine(failedDir, "notebooks")}");
            return 1;
        }
        foreach (var folder in PromotedFolders.Append("run.json").Append("report.html"))
        {
            var target = Path.Combine(_o.OutputDir, folder);
            var source = Path.Combine(staging, folder);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            else if (File.Exists(target)) File.Delete(target);
            if (Directory.Exists(source)) Directory.Move(source, target);
            else if (File.Exists(source)) File.Move(source, target);
        }
        Directory.Delete(staging, recursive: true);
        var stale = Path.Combine(_o.OutputDir, "failed-run");
        if (Directory.Exists(stale)) Directory.Delete(stale, recursive: true);
        Console.WriteLine($"runner: all {selected.Count} notebook(s) ran in {total.Elapsed.TotalSeconds:F1} s; outputs in {_o.OutputDir}");
        return 0;
    }

    private Task<(int Code, bool TimedOut)> RunChildAsync(FileInfo notebook, string ipynb, string staging) =>
        RunProcessAsync(notebook.Name, notebook.DirectoryName!, staging,
            [typeof(PipelineCommand).Assembly.Location, "notebook", notebook.FullName, "--ipynb", ipynb]);

    private Task<(int Code, bool TimedOut)> RunToolAsync(string dll, string staging) =>
        RunProcessAsync(Path.GetFileName(dll), Path.GetFullPath(Path.Combine(_o.NotebooksDir, "..")), staging, [Path.GetFullPath(dll), staging]);

    /// <summary>Runs `dotnet ARGS` with the pipeline's environment, relaying its output, under the notebook timeout.</summary>
    private async Task<(int Code, bool TimedOut)> RunProcessAsync(string label, string workingDirectory, string staging, string[] arguments)
    {
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
        psi.Environment[RunEnvironment.Parameters] = JsonSerializer.Serialize(_o.Parameters);
        // Methods with loops are compiled optimised at once: the numerics run in short bursts (thousands of small model
        // fits), which tiered compilation would otherwise run unoptimised for most of a notebook. Results are unchanged.
        // A value set by the caller wins (the fixture-world test, whose data are too small to repay the compile time).
        if (Environment.GetEnvironmentVariable("DOTNET_TC_QuickJitForLoops") is null) psi.Environment["DOTNET_TC_QuickJitForLoops"] = "0";

        using var child = Process.Start(psi)!;
        var relayOut = Relay(child.StandardOutput, Console.Out);
        var relayErr = Relay(child.StandardError, Console.Out);
        using var cts = new CancellationTokenSource(_o.NotebookTimeout);
        try
        {
            await child.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            await Task.WhenAll(relayOut, relayErr);
            Console.Error.WriteLine($"runner: {label} exceeded the {_o.NotebookTimeout.TotalSeconds:F0} s timeout and was stopped");
            return (-1, true);
        }
        await Task.WhenAll(relayOut, relayErr);
        return (child.ExitCode, false);
    }

    /// <summary>The dotnet host: this process when it is dotnet, else the SDK's (e.g. under a test host).</summary>
    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
    }

    private static async Task Relay(StreamReader from, TextWriter to)
    {
        string? line;
        while ((line = await from.ReadLineAsync()) is not null)
        {
            lock (to) { to.WriteLine("  " + line); to.Flush(); }
        }
    }

    private void WriteRunRecord(string staging, List<(string Notebook, string Status, double Seconds)> runLog, double totalSeconds)
    {
        // A partial run keeps the earlier run's entries for the notebooks it did not rerun.
        var previous = Path.Combine(staging, "run.json");
        if (File.Exists(previous))
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
        var record = new
        {
            started_utc = DateTime.UtcNow.AddSeconds(-totalSeconds).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            total_seconds = Math.Round(totalSeconds, 1),
            git_commit = GitCommit(Path.GetFullPath(Path.Combine(_o.NotebooksDir, ".."))),
            data_mirror = _o.DataMirror,
            parameters = _o.Parameters,
            notebooks = runLog.Select(r => new { notebook = r.Notebook, status = r.Status, seconds = Math.Round(r.Seconds, 1) }),
        };
        File.WriteAllText(Path.Combine(staging, "run.json"), JsonSerializer.Serialize(record, new JsonSerializerOptions { WriteIndented = true }) + "\n");
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

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)), overwrite: true);
        foreach (var d in Directory.GetDirectories(from)) CopyDirectory(d, Path.Combine(to, Path.GetFileName(d)));
    }
}
