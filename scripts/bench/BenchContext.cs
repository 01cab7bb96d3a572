using System.Diagnostics;

namespace OrganoidBiomarkers.Bench;

/// <summary>Paths and helpers shared by the benchmarks.</summary>
public sealed class BenchContext
{
    public required string DataMirror { get; init; }
    public required string WorkDir { get; init; }
    public bool Quick { get; init; }

    /// <summary>The folder of the reference scripts copied beside the bench binary.</summary>
    public static string ReferenceDir => Path.Combine(AppContext.BaseDirectory, "reference");

    public string Mirror(string relative)
    {
        var path = Path.Combine(DataMirror, relative);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: mirror file missing. Fix: pass the data mirror with --data-mirror DIR or DATA_MIRROR");
        return path;
    }

    /// <summary>Runs an external reference command; returns its wall time. Throws with its stderr on failure.</summary>
    public static double TimeProcess(string fileName, params string[] args)
    {
        var psi = new ProcessStartInfo(fileName) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        var sw = Stopwatch.StartNew();
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new FileNotFoundException($"cannot start the reference program {fileName} ({e.Message}). Fix: install the reference tools (environment/apt-packages.txt)", e);
        }
        using var _ = p;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        sw.Stop();
        if (p.ExitCode != 0)
            throw new IOException($"the reference program {fileName} {string.Join(' ', args)} exited {p.ExitCode}: {stderr.Result.Trim().Split('\n')[^1]}. Fix: run it by hand to see why (environment/apt-packages.txt lists the reference tools)");
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>CPU seconds (user + system, all threads) this process spent in <paramref name="action"/>: on a shared machine
    /// it shows the work done when the wall time is inflated by other processes.</summary>
    public static double CpuTime(Action action)
    {
        var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        action();
        return (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
    }

    public static double Time(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalSeconds;
    }
}
