using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;

namespace OrganoidBiomarkers.Reporting;

/// <summary>How one of our numbers compares with a published or authors'-code number.</summary>
public enum ParityStatus
{
    /// <summary>Ours agrees with the reference (to <see cref="Parity.RelativeTolerance"/>, or at the reference's stated precision).</summary>
    Match,
    /// <summary>Ours and the reference disagree; the row's reason says why.</summary>
    Differs,
    /// <summary>Ours is missing: the stage that computes it did not run or its inputs are not available.</summary>
    NotComputableHere,
    /// <summary>Ours exists but nothing this project can read states a reference value.</summary>
    NoReferenceValue,
}

/// <summary>What a parity row is about: the verdict finds its claims' rows by topic, arm and setting.</summary>
public enum ParityTopic
{
    /// <summary>Organoids with expression and a response to the arm's drug (stage 01 cohort).</summary>
    TrainingOrganoids,
    /// <summary>TCGA patients treated with the arm's drug (stage 01 cohort).</summary>
    TreatedPatients,
    /// <summary>Deaths in that cohort.</summary>
    CohortDeaths,
    /// <summary>Proximal pathways of the drug in one selection (stage 03).</summary>
    ProximalPathways,
    /// <summary>Pathways scored on the organoids (stage 04).</summary>
    OrganoidScores,
    /// <summary>Training-set size, features or hyper-parameters of an organoid model (stage 04).</summary>
    OrganoidModel,
    /// <summary>The top biomarker of one model (stage 04).</summary>
    TopBiomarker,
    /// <summary>The ranked top-k biomarkers of one model (stage 04), against the authors' top-k lists.</summary>
    TopKBiomarkers,
    /// <summary>One number of a patient split (stage 05).</summary>
    PatientSplit,
}

/// <summary>Identifies a parity row for lookups: topic, arm id, variant (selection or model), k and measure (a validation.tsv column).</summary>
/// <param name="Topic">What the row is about.</param>
/// <param name="Arm">The study arm's id; empty for study-wide rows (e.g. <see cref="ParityTopic.OrganoidScores"/>).</param>
/// <param name="Variant">The selection id or model name the row is about; empty when none.</param>
/// <param name="K">Number of top biomarkers of a patient split or top-k list; 0 when not applicable.</param>
/// <param name="Measure">The measure within the topic (e.g. "n_features", "alpha", or a validation.tsv column such as
/// "logrank_p"); empty when the topic has one.</param>
public sealed record ParityKey(ParityTopic Topic, string Arm = "", string Variant = "", int K = 0, string Measure = "");

/// <summary>
/// A reference value and where it comes from. <paramref name="Source"/> is "paper" or "authors' code";
/// <paramref name="SourceFile"/> names the file (and row) it was read from. When <paramref name="Stated"/> is set the
/// value is compared at its stated precision (numbers read from a figure), otherwise to <see cref="Parity.RelativeTolerance"/>.
/// </summary>
/// <param name="Source"><see cref="Parity.PaperSource"/> or <see cref="Parity.AuthorsCodeSource"/> (possibly with a qualifier).</param>
/// <param name="SourceFile">The file (and row) the value was read from.</param>
/// <param name="Text">The value as the reference writes it (invariant culture); a number or a name such as a pathway.</param>
/// <param name="Stated">The value with its stated precision, or null to compare to <see cref="Parity.RelativeTolerance"/>.</param>
public sealed record ReferenceValue(string Source, string SourceFile, string Text, StatedNumber? Stated = null)
{
    /// <summary>
    /// Whether <paramref name="ours"/> agrees with this reference: with <see cref="Stated"/>, ours must be a number that
    /// rounds to it at its stated precision; otherwise two numbers agree when |reference - ours| &lt;=
    /// <see cref="Parity.RelativeTolerance"/> x max(1, |reference|), and anything else when the texts are equal (ordinal).
    /// </summary>
    /// <param name="ours">Our value as written in the results (invariant culture).</param>
    public bool Agrees(string ours)
    {
        bool numbers = double.TryParse(ours, NumberStyles.Float, CultureInfo.InvariantCulture, out var o);
        if (Stated is not null) return numbers && Stated.Agrees(o);
        return numbers && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
            ? Math.Abs(r - o) <= Parity.RelativeTolerance * Math.Max(1, Math.Abs(r))
            : string.Equals(Text, ours, StringComparison.Ordinal);
    }
}

/// <summary>One row of the parity table: a quantity, its reference value and source file, ours, and why they differ.</summary>
/// <param name="Quantity">The quantity in words.</param>
/// <param name="Source">The reference's source (<see cref="ReferenceValue.Source"/>); empty without a reference.</param>
/// <param name="SourceFile">The reference's file (and row); empty without a reference.</param>
/// <param name="Reference">The reference value as text; empty without a reference.</param>
/// <param name="Ours">Our value as written in the results; empty when not computable here.</param>
/// <param name="Inputs">The inputs our value rests on, in words.</param>
/// <param name="Status">How the two compare.</param>
/// <param name="Reason">Why they differ, why there is no reference, or why ours is missing; empty for a plain match.</param>
public sealed record ParityRow(string Quantity, string Source, string SourceFile, string Reference, string Ours, string Inputs, ParityStatus Status, string Reason)
{
    /// <summary>What the row is about (not written to parity.tsv except the arm).</summary>
    public ParityKey Key { get; init; } = new(ParityTopic.PatientSplit);

    /// <summary>The status as parity.tsv writes it: "match", "differs", "not computable here" or "no reference value".</summary>
    /// <param name="s">The status.</param>
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
/// state) or from the authors' own output files in the data mirror (read through the manifest, sha256 checked); ours are
/// read from the run's outputs. Nothing here is typed by hand except the reasons, which explain differences in words.
/// </summary>
public static class Parity
{
    /// <summary>Source of a number the paper prints (data/paper_values.tsv source column).</summary>
    public const string PaperSource = "paper";

    /// <summary>Source of a number from the authors' public code or its outputs.</summary>
    public const string AuthorsCodeSource = "authors' code";

    /// <summary>True for references from the authors' code (including "authors' code (z table)"-style variants).</summary>
    public static bool IsAuthorsCode(string source) => source.StartsWith(AuthorsCodeSource, StringComparison.Ordinal);

    /// <summary>Numbers compare equal when within this relative tolerance (they are read back from text files).</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>
    /// Compares <paramref name="ours"/> with <paramref name="reference"/>. Null <paramref name="ours"/>: not computable here
    /// (the stage did not run or its inputs are missing); no reference: "no reference value" (the number exists nowhere
    /// this project can read). <paramref name="substitute"/> is added to the reason where ours rests on a substitute.
    /// </summary>
    /// <param name="key">Which paper value this row compares (figure, arm, quantity).</param>
    /// <param name="quantity">The quantity in words, as the parity table shows it.</param>
    /// <param name="reference">The paper's or the authors' value, or null when none exists.</param>
    /// <param name="ours">Our value as written in the results (invariant text), or null when not computable here.</param>
    /// <param name="inputs">The inputs our value rests on, in words.</param>
    /// <param name="reasonIfDifferent">Why ours may differ, in words (shown only when it does).</param>
    /// <param name="reasonIfNoReference">Why no reference exists.</param>
    /// <param name="substitute">Ours rests on a substitute (e.g. "trained on CRC organoids: bladder organoid expression not available"), or null.</param>
    public static ParityRow Compare(ParityKey key, string quantity, ReferenceValue? reference, string? ours, string inputs, string reasonIfDifferent,
        string? reasonIfNoReference = null, string? substitute = null)
    {
        string source = reference?.Source ?? "", file = reference?.SourceFile ?? "", text = reference?.Text ?? "";
        ParityRow Row(string o, ParityStatus s, string reason) => new(quantity, source, file, text, o, inputs, s, reason) { Key = key };
        if (ours is null) return Row("", ParityStatus.NotComputableHere, "the stage that computes it did not run or its inputs are not available");
        if (reference is null || text.Length == 0)
            return Row(ours, ParityStatus.NoReferenceValue,
                string.Join("; ", new[] { reasonIfNoReference ?? "no reference value in data/paper_values.tsv", substitute }.OfType<string>()));
        bool same = reference.Agrees(ours);
        string why = same ? "" : substitute is null ? reasonIfDifferent : $"{reasonIfDifferent}; {substitute}";
        if (same && reference.Stated is not null && reference.Stated.Decimals > 0) why = $"agrees at the reference's stated precision ({reference.Stated.Decimals} decimals)";
        return Row(ours, same ? ParityStatus.Match : ParityStatus.Differs, why);
    }

    /// <summary>
    /// The rows as parity.tsv: quantity, arm (<see cref="ParityKey.Arm"/>), source, source_file, reference, ours, inputs,
    /// status (<see cref="ParityRow.StatusText"/>), reason; one line per row, in the given order.
    /// </summary>
    /// <param name="rows">The parity rows.</param>
    public static TsvTable ToTable(IEnumerable<ParityRow> rows) =>
        TsvTable.From(rows, ("quantity", r => r.Quantity), ("arm", r => r.Key.Arm), ("source", r => r.Source), ("source_file", r => r.SourceFile),
            ("reference", r => r.Reference), ("ours", r => r.Ours), ("inputs", r => r.Inputs), ("status", r => ParityRow.StatusText(r.Status)), ("reason", r => r.Reason));
}
