namespace OrganoidBiomarkers.Common;

/// <summary>One filter, join or policy decision, with the counts before and after.</summary>
public sealed record CountEntry(string Step, int Before, int After, string Rule)
{
    public int Removed => Before - After;
    public override string ToString() => $"[{Step}] {Before} -> {After} ({Rule})";
}

/// <summary>
/// Every filter and join reports its counts here, so nothing is dropped silently. The sink (e.g. Console.WriteLine in a
/// notebook) sees each entry as it happens; <see cref="Entries"/> keeps them for tables.
/// </summary>
public sealed class CountLog
{
    private readonly List<CountEntry> _entries = new();
    private readonly Action<string>? _sink;

    public CountLog(Action<string>? sink = null) => _sink = sink;

    public IReadOnlyList<CountEntry> Entries => _entries;

    public void Record(string step, int before, int after, string rule)
    {
        var e = new CountEntry(step, before, after, rule);
        _entries.Add(e);
        _sink?.Invoke(e.ToString());
    }

    /// <summary>A note without counts (e.g. a policy applied to zero rows).</summary>
    public void Note(string step, string message) => _sink?.Invoke($"[{step}] {message}");

    /// <summary>A log that discards everything, for callers that do not need counts.</summary>
    public static CountLog Silent => new();
}
