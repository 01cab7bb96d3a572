using System.Diagnostics;
using System.Globalization;

namespace OrganoidBiomarkers.Common;

/// <summary>
/// Wall and CPU time of a piece of work since <see cref="Start"/>: the two differ on a shared or multi-core machine
/// (parallel draws use more CPU than wall time; a busy machine the other way round), so notebooks report both.
/// CPU time is the whole process's (<see cref="Process.TotalProcessorTime"/>), including other threads' work meanwhile.
/// </summary>
public sealed class WorkTimer
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    private WorkTimer() { }

    /// <summary>A timer started now.</summary>
    public static WorkTimer Start() => new();

    /// <summary>Wall-clock seconds since the start (≥ 0).</summary>
    public double WallSeconds => _wall.Elapsed.TotalSeconds;

    /// <summary>CPU seconds the process used since the start, all threads (≥ 0).</summary>
    public double CpuSeconds => (Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalSeconds;

    /// <summary>"12.3 s wall, 20.1 s CPU on 2 core(s)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{WallSeconds:0.0} s wall, {CpuSeconds:0.0} s CPU on {Environment.ProcessorCount} core(s)");
}
