using System.Diagnostics;
using Xunit;

namespace OrganoidBiomarkers.Tests.Runner;

/// <summary>
/// One run at a time, atomic promotion, signals and faults: after a kill -9, a SIGTERM, a full disk or a second run
/// started at the same time, the output folder is exactly what the last complete run left (sha256 of every file).
/// Runs the runner as a process (dotnet NotebookRunner.dll) on tiny fixture notebooks.
/// </summary>
public sealed class RunSafetyTests : IDisposable
{
    private readonly RunnerWorld _w = new();

    public void Dispose() => _w.Dispose();

    private static readonly Lazy<Task<string>> Template = new(async () =>
    {
        // One complete run, copied by each test (each notebook process costs seconds of compilation).
        var w = new RunnerWorld().With("01-ok.dib");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => w.Dispose();
        Assert.Equal(0, (await w.RunAsync()).Code);
        return w.Output;
    });

    /// <summary>The output of a complete run in this test's world, and its fingerprint.</summary>
    private async Task<SortedDictionary<string, string>> CompleteRun()
    {
        OrganoidBiomarkers.NotebookRunner.OutputFolder.CopyDirectory(await Template.Value, _w.Output);
        return _w.Fingerprint();
    }

    private Dictionary<string, string> SlowEnv(string marker) => new() { ["FIXTURE_MARKER"] = marker, ["FIXTURE_SLEEP_SECONDS"] = "120" };

    [Fact]
    public async Task Kill_9_in_the_middle_of_a_stage_leaves_the_output_exactly_and_no_orphan_writes_on()
    {
        var before = await CompleteRun();
        _w.With("01-ok.dib", "02-slow.dib");
        var marker = Path.Combine(_w.Root, "marker");
        using var runner = _w.Start(SlowEnv(marker));
        await RunnerWorld.WaitFor(() => File.Exists(marker) && File.ReadAllText(marker).Length > 0, 120, "stage 02 to start");
        int notebookPid = int.Parse(File.ReadAllText(marker));
        runner.Kill(); // SIGKILL: no handler runs
        await runner.WaitForExitAsync();
        await RunnerWorld.WaitFor(() => !RunnerWorld.Alive(notebookPid), 10, "the orphaned notebook process to stop itself");
        Assert.Equal(before, _w.Fingerprint());

        // The next run takes over the dead run's lock and removes its staging folder.
        _w.With("01-ok.dib");
        var (code, output, _) = await _w.RunAsync();
        Assert.Equal(0, code);
        Assert.Contains("took over the lock of process", output);
        Assert.Contains("left by an interrupted run", output);
        Assert.Equal(before["results/ok.tsv"], _w.Fingerprint()["results/ok.tsv"]);
        Assert.Empty(Directory.GetDirectories(_w.Work, "staging-*"));
    }

    [Fact]
    public async Task SIGTERM_stops_the_notebook_process_too_and_leaves_the_output()
    {
        const string signal = "TERM";
        const int expected = 143;
        var before = await CompleteRun();
        _w.With("01-ok.dib", "02-slow.dib");
        var marker = Path.Combine(_w.Root, "marker");
        using var runner = _w.Start(SlowEnv(marker));
        await RunnerWorld.WaitFor(() => File.Exists(marker) && File.ReadAllText(marker).Length > 0, 120, "stage 02 to start");
        int notebookPid = int.Parse(File.ReadAllText(marker));
        TmpfsMount.Run("kill", "-" + signal, runner.Id.ToString());
        var err = await runner.StandardError.ReadToEndAsync();
        await runner.WaitForExitAsync();
        Assert.Equal(expected, runner.ExitCode);
        Assert.False(RunnerWorld.Alive(notebookPid));
        Assert.Contains("is unchanged", err);
        Assert.Equal(before, _w.Fingerprint());
        Assert.Empty(Directory.GetDirectories(_w.Work, "staging-*"));
    }

    [Fact]
    public async Task Two_runs_started_together_one_runs_the_other_says_who_holds_the_output()
    {
        await CompleteRun();
        _w.With("01-ok.dib", "02-slow.dib");
        var marker = Path.Combine(_w.Root, "marker");
        var env = new Dictionary<string, string> { ["FIXTURE_MARKER"] = marker, ["FIXTURE_SLEEP_SECONDS"] = "3" };
        using var first = _w.Start(env);
        using var second = _w.Start(env);
        var errors = await Task.WhenAll(first.StandardError.ReadToEndAsync(), second.StandardError.ReadToEndAsync());
        await Task.WhenAll(first.WaitForExitAsync(), second.WaitForExitAsync());
        var codes = new[] { first.ExitCode, second.ExitCode };
        Assert.Equal(new[] { 0, 6 }, codes.Order());
        var busy = errors[Array.IndexOf(codes, 6)];
        Assert.Contains("is in use by another run: process ", busy);
        Assert.Contains("(started 20", busy);
        Assert.Contains("Fix: wait for it to finish", busy);
        // The output is the complete run of the winner, not a mixture.
        Assert.Equal("a\nchanged by the interrupted run\n", File.ReadAllText(Path.Combine(_w.Output, "results", "ok.tsv")));
        Assert.True(File.Exists(Path.Combine(_w.Output, "notebooks", "02-slow.ipynb")));
        Assert.Empty(Directory.GetDirectories(_w.Work, "staging-*"));
    }

    [RootFact]
    public async Task A_full_disk_in_the_middle_of_a_stage_leaves_the_output_exactly_and_frees_the_staging()
    {
        using var disk = new TmpfsMount("8m");
        using var w = new RunnerWorld(Path.Combine(disk.Path, "world"));
        OrganoidBiomarkers.NotebookRunner.OutputFolder.CopyDirectory(await Template.Value, w.Output);
        var before = w.Fingerprint();
        w.With("01-ok.dib", "02-fill.dib");
        var (code, _, err) = await w.RunAsync();
        Assert.Equal(5, code);
        Assert.Contains("No space left on device", err);
        Assert.Single(err.Trim().Split('\n'), l => l.StartsWith("run-pipeline: I/O error", StringComparison.Ordinal));
        Assert.Equal(before, w.Fingerprint());
        Assert.Empty(Directory.GetDirectories(w.Work, "staging-*"));
        Assert.False(Directory.Exists(Path.Combine(w.Work, "failed-run")));
    }

    [RootFact]
    public async Task An_output_on_a_read_only_file_system_is_an_I_O_error_in_one_line()
    {
        using var disk = new TmpfsMount("8m");
        var w = new RunnerWorld(Path.Combine(disk.Path, "world")).With("01-ok.dib");
        OrganoidBiomarkers.NotebookRunner.OutputFolder.CopyDirectory(await Template.Value, w.Output);
        var before = w.Fingerprint();
        disk.Remount(readOnly: true);
        var (code, _, err) = await w.RunAsync();
        Assert.Equal(5, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("run-pipeline: I/O error", err);
        Assert.Contains("Fix:", err);
        Assert.DoesNotContain("   at ", err);
        Assert.Equal(before, w.Fingerprint());
        disk.Remount(readOnly: false);
    }

    [RootFact]
    public async Task A_promotion_that_fails_leaves_the_complete_old_output()
    {
        // The output folder is a mount point: the new output, built beside it, cannot be swapped in.
        var before = await CompleteRun();
        using var mount = new TmpfsMount("8m");
        TmpfsMount.Run("mount", "--bind", mount.Path, _w.Output); // hides the old output behind an empty folder...
        OrganoidBiomarkers.NotebookRunner.OutputFolder.CopyDirectory(await Template.Value, _w.Output); // ...holding the same complete run
        try
        {
            _w.With("01-ok.dib");
            var (code, _, err) = await _w.RunAsync();
            Assert.Equal(5, code);
            Assert.Contains("cannot swap the new output into", err);
            Assert.Contains("is unchanged", err);
            Assert.Equal(before, _w.Fingerprint());
            Assert.Empty(Directory.GetDirectories(_w.Work, "staging-*"));
        }
        finally
        {
            TmpfsMount.Run("umount", "-l", _w.Output);
        }
    }
}
