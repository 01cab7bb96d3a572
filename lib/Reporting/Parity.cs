using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Reporting;

/// <summary>How one of our numbers compares with a published or authors'-code number.</summary>
public enum ParityStatus { Match, Differs, NotComputableHere, NoReferenceValue }

/// <summary>One row of the parity table: a quantity, its reference value and source, ours, and why they differ.</summary>
public sealed record ParityRow(string Quantity, string Source, string Reference, string Ours, string Inputs, ParityStatus Status, string Reason)
{
    public static string StatusText(ParityStatus s) => s switch
    {
        ParityStatus.Match => "match",
        ParityStatus.Differs => "differs",
        ParityStatus.NotComputableHere => "not computable here",
        _ => "no reference value",
    };
}

/// <summary>
/// Builds parity rows. Reference values come from data/paper_values.tsv (numbers the paper or the authors' public code
/// state) or are computed from the authors' own output files in the mirror; ours are read from the run's outputs.
/// Nothing here is typed by hand except the reasons, which explain differences in words.
/// </summary>
public static class Parity
{
    /// <summary>Numbers compare equal when within this relative tolerance (they are read back from text files).</summary>
    public const double RelativeTolerance = 1e-9;

    public static ParityRow Compare(string quantity, string source, string? reference, string? ours, string inputs, string reasonIfDifferent,
        string? reasonIfNoReference = null, string? reasonIfNotComputable = null)
    {
        if (ours is null) return new(quantity, source, reference ?? "", "", inputs, ParityStatus.NotComputableHere, reasonIfNotComputable ?? "the stage that computes it did not run or its inputs are not available");
        if (string.IsNullOrEmpty(reference)) return new(quantity, source, "", ours, inputs, ParityStatus.NoReferenceValue, reasonIfNoReference ?? "no reference value in data/paper_values.tsv");
        bool same = double.TryParse(reference, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && double.TryParse(ours, NumberStyles.Float, CultureInfo.InvariantCulture, out var o)
            ? Math.Abs(r - o) <= RelativeTolerance * Math.Max(1, Math.Abs(r))
            : string.Equals(reference, ours, StringComparison.Ordinal);
        return new(quantity, source, reference, ours, inputs, same ? ParityStatus.Match : ParityStatus.Differs, same ? "" : reasonIfDifferent);
    }

    public static TsvTable ToTable(IEnumerable<ParityRow> rows) =>
        TsvTable.From(rows, ("quantity", r => r.Quantity), ("source", r => r.Source), ("reference", r => r.Reference), ("ours", r => r.Ours),
            ("inputs", r => r.Inputs), ("status", r => ParityRow.StatusText(r.Status)), ("reason", r => r.Reason));
}
