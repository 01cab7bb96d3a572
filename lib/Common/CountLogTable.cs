namespace OrganoidBiomarkers.Common;

/// <summary>The schema of a stage's counts_log.tsv (output/stages/NN/): step, before, after, rule, one row per entry in order.</summary>
public static class CountLogTable
{
    /// <summary>Every entry of <paramref name="log"/>, in the order recorded.</summary>
    /// <param name="log">The stage's log (notes are not entries, so they are not written).</param>
    public static TsvTable Of(CountLog log) =>
        TsvTable.From(log.Entries, ("step", e => e.Step), ("before", e => e.Before), ("after", e => e.After), ("rule", e => e.Rule));
}
