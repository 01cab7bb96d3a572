using System.Diagnostics;
using System.Text;

namespace OrganoidBiomarkers.Tests.Pipeline;

/// <summary>
/// Runs the real pipeline (the Release notebook runner and report tool) on a data config and mirror, as scripts/run-pipeline
/// does, with the fixture world's environment: nothing inherited may point at the real mirror, quick JIT of loops.
/// </summary>
internal static class WorldRunner
{
    public static async Task<WorldRun> RunAsync(string repo, string name, string config, string mirror, string output, IEnumerable<string> parameters, TimeSpan timeout)
    {
        string Artifact(params string[] parts) => Path.Combine([repo, .. parts]);
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] args =
        [
            Artifact("scripts", "NotebookRunner", "bin", "Release", "net10.0", "NotebookRunner.dll"),
            "--report-tool", Artifact("scripts", "Report", "bin", "Release", "net10.0", "Report.dll"),
            "--notebooks", Artifact("notebooks"),
            "--data-config", config,
            "--data-mirror", mirror,
            "--output", output,
            "--timeout-seconds", "300",
        ];
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var p in parameters) { psi.ArgumentList.Add("--param"); psi.ArgumentList.Add(p); }
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("PIPELINE_", StringComparison.Ordinal) || k == "DATA_MIRROR").ToList())
            psi.Environment.Remove(key);
        psi.Environment["DOTNET_TC_QuickJitForLoops"] = "1";
        psi.Environment["DOTNET_TieredPGO"] = "0";

        var log = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stdout = Copy(process.StandardOutput, log);
        var stderr = Copy(process.StandardError, log);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (log) log.AppendLine($"fixture-world test: the run exceeded {timeout.TotalMinutes:0} minutes and was stopped");
        }
        await Task.WhenAll(stdout, stderr);
        return new WorldRun(name, output, process.ExitCode, log.ToString(), clock.Elapsed);
    }

    private static async Task Copy(StreamReader from, StringBuilder to)
    {
        string? line;
        while ((line = await from.ReadLineAsync()) is not null)
            lock (to) to.AppendLine(line);
    }
}
