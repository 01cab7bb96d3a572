namespace OrganoidBiomarkers.Bench;

/// <summary>
/// One benchmark: times our implementation and the reference implementation (Python/R, started as a child process) on
/// the same inputs in the same run, checks they agree, and reports the speed ratio. Discovered by reflection.
/// </summary>
public interface IBench
{
    string Name { get; }
    string Description { get; }
    Task<BenchResult> RunAsync(BenchContext context);
}

/// <summary>What one benchmark measured. Seconds are wall-clock; Agreement says how the two outputs compare.</summary>
public sealed record BenchResult(string Name, string Workload, double OursSeconds, double ReferenceSeconds, string ReferenceName, string Agreement)
{
    public double SpeedUp => ReferenceSeconds / OursSeconds;
}
