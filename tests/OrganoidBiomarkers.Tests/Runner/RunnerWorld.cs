using System.Diagnostics;
using System.Security.Cryptography;
using OrganoidBiomarkers.NotebookRunner;

namespace OrganoidBiomarkers.Tests.Runner;

/// <summary>
/// A throwaway folder with tiny fixture notebooks (Fixtures/runner/notebooks) and an output folder, for runner tests
/// that take seconds: run the pipeline in-process or as a separate process (to kill it), and fingerprint the output.
/// </summary>
internal sealed class RunnerWorld : IDisposable
{
    public string Root { get; }
    public string Notebooks => Path.Combine(Root, "notebooks");
    public string Output { get; }
    public string Work => Path.Combine(Path.GetDirectoryName(Output)!, "." + Path.GetFileName(Output) + "-work");

    public RunnerWorld(string? root = null)
    {
        Root = root ?? Directory.CreateTempSubdirectory("runner-").FullName;
        Directory.CreateDirectory(Notebooks);
        Output = Path.Combine(Root, "output");
    }

    /// <summary>Makes the notebooks folder hold exactly these fixture notebooks (stage NN = the name's first two characters).</summary>
    public RunnerWorld With(params string[] fixtures)
    {
        foreach (var f in Directory.GetFiles(Notebooks)) File.Delete(f);
        foreach (var n in fixtures) File.Copy(TestPaths.Fixture("runner", "notebooks", n), Path.Combine(Notebooks, n));
        return this;
    }

    public string[] Args(params string[] extra) => ["--notebooks", Notebooks, "--output", Output, "--timeout-seconds", "300", .. extra];

    /// <summary>Runs the pipeline in this process; returns the exit code and what it printed.</summary>
    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] extra)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code;
        try
        {
            var options = CommandLine.Parse(Args(extra), o)!;
            code = await new PipelineCommand(options, o, e).RunAsync();
        }
        catch (Exception ex)
        {
            code = OrganoidBiomarkers.Cli.ErrorReport.Report(CommandLine.Tool, ex, e);
        }
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>Starts the runner as its own process (dotnet NotebookRunner.dll ...), output and error captured.</summary>
    public Process Start(IDictionary<string, string>? environment = null, params string[] extra)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        psi.ArgumentList.Add(typeof(PipelineCommand).Assembly.Location);
        foreach (var a in Args(extra)) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        return Process.Start(psi)!;
    }

    /// <summary>sha256 of every file under the output folder (hidden ones included), by relative path.</summary>
    public SortedDictionary<string, string> Fingerprint() => Fingerprint(Output);

    public static SortedDictionary<string, string> Fingerprint(string dir)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(dir)) return result;
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(dir, f)] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)));
        return result;
    }

    public static bool Alive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static async Task WaitFor(Func<bool> condition, double seconds, string what)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            if (sw.Elapsed.TotalSeconds > seconds) throw new TimeoutException($"waited {seconds} s for {what}");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A test that needs root (mounting a tmpfs, permissions that root would bypass otherwise): skipped, with the reason, otherwise.</summary>
public sealed class RootFactAttribute : Xunit.FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("USER") != "root")
            Skip = "needs root to mount a small tmpfs (full disk) or a read-only file system; CI runs as root";
    }
}

/// <summary>A tmpfs of the given size mounted on a temporary folder, unmounted on dispose.</summary>
internal sealed class TmpfsMount : IDisposable
{
    public string Path { get; }

    public TmpfsMount(string sizeOption, bool readOnly = false)
    {
        Path = Directory.CreateTempSubdirectory("tmpfs-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={sizeOption}{(readOnly ? ",ro" : "")}", "tmpfs", Path);
    }

    public void Remount(bool readOnly) => Run("mount", "-o", $"remount,{(readOnly ? "ro" : "rw")}", Path);

    public static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {p.StandardError.ReadToEnd()}");
    }

    public void Dispose()
    {
        try { Run("umount", "-l", Path); } catch (InvalidOperationException) { }
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
