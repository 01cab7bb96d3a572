namespace OrganoidBiomarkers.Common;

/// <summary>One filter, join or policy decision, with the counts before and after.</summary>
/// <param name="Step">Short name of the filter or join (e.g. "ssgsea: sets with a measured gene").</param>
/// <param name="Before">Items going into the step.</param>
/// <param name="After">Items coming out of it.</param>
/// <param name="Rule">The rule applied, in words, as printed in the notebook and written to counts_log.tsv.</param>
public sealed record CountEntry(string Step, int Before, int After, string Rule)
{
    /// <summary>Items dropped: <see cref="Before"/> - <see cref="After"/>.</summary>
    public int Removed => Before - After;

    /// <summary>One line, "[step] before -> after (rule)", as the sink prints it.</summary>
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

    /// <summary>An empty log.</summary>
    /// <param name="sink">Receives each entry's line as it is recorded (e.g. Console.WriteLine); null prints nothing.</param>
    public CountLog(Action<string>? sink = null) => _sink = sink;

    /// <summary>The entries recorded so far, in order (notes are printed only, not kept).</summary>
    public IReadOnlyList<CountEntry> Entries => _entries;

    /// <summary>Records one filter or join and prints it to the sink.</summary>
    /// <param name="step">Short name of the step.</param>
    /// <param name="before">Items going in.</param>
    /// <param name="after">Items kept.</param>
    /// <param name="rule">The rule applied, in words.</param>
    public void Record(string step, int before, int after, string rule)
    {
        var e = new CountEntry(step, before, after, rule);
        _entries.Add(e);
        _sink?.Invoke(e.ToString());
    }

    /// <summary>A note without counts (e.g. a policy applied to zero rows): printed to the sink, not kept in <see cref="Entries"/>.</summary>
    /// <param name="step">Short name of the step.</param>
    /// <param name="message">What was decided, in words.</param>
    public void Note(string step, string message) => _sink?.Invoke($"[{step}] {message}");

    /// <summary>A new log without a sink, for callers that do not need counts (entries are still kept; notes are dropped).</summary>
    public static CountLog Silent => new();
}
