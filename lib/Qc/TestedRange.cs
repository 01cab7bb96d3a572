using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Qc;

/// <summary>Where an IC50 lies relative to the concentrations actually tested.</summary>
public enum RangePosition
{
    /// <summary>Below the lowest tested concentration: the curve was extrapolated downwards.</summary>
    Below,
    /// <summary>Within [lowest, highest] tested concentration, ends included.</summary>
    Within,
    /// <summary>Above the highest tested concentration: 50% inhibition was never reached; the IC50 is an extrapolation.</summary>
    Above,
}

/// <summary>
/// The tested concentration range of a drug: [MaxConcentration / DilutionRange, MaxConcentration] in uM. Table S2a/S2b
/// give only the maximum; the lowest concentration follows from the dilution series, which the caller states (see
/// <see cref="AssumedDilutionRange"/>).
/// </summary>
public sealed record TestedRange
{
    /// <summary>The range [maxConcentration / dilutionRange, maxConcentration].</summary>
    /// <param name="maxConcentration">Highest tested concentration, uM, positive and finite.</param>
    /// <param name="dilutionRange">Ratio of the highest to the lowest tested concentration, finite, >= 1.</param>
    /// <exception cref="ArgumentException">Either value is out of range.</exception>
    public TestedRange(double maxConcentration, double dilutionRange)
    {
        if (!(maxConcentration > 0) || !double.IsFinite(maxConcentration)) throw new ArgumentException($"maximum concentration {maxConcentration} must be positive and finite");
        if (!(dilutionRange >= 1) || !double.IsFinite(dilutionRange)) throw new ArgumentException($"dilution range {dilutionRange} must be a finite ratio >= 1");
        MaxConcentration = maxConcentration;
        DilutionRange = dilutionRange;
    }

    /// <summary>Highest tested concentration (uM).</summary>
    public double MaxConcentration { get; }

    /// <summary>Ratio of the highest to the lowest tested concentration.</summary>
    public double DilutionRange { get; }

    /// <summary>
    /// ASSUMED ratio of highest to lowest tested concentration: 256-fold, the range of the Sanger GDSC cell-line screens
    /// of that period (9 two-fold or 5 four-fold dilutions), with whose team the organoid screen was run. Table S2a/S2b
    /// give only the maximum concentration; a stage that uses this value says so.
    /// </summary>
    public const double AssumedDilutionRange = 256;

    /// <summary>
    /// The tested range of <paramref name="drug"/> in <paramref name="screen"/>: its one highest concentration (Table S2b
    /// has one per drug) and the stated dilution range.
    /// </summary>
    /// <param name="screen">The drug screen.</param>
    /// <param name="drug">Screen drug name (case-insensitive) or Drug_ID.</param>
    /// <param name="dilutionRange">Ratio of the highest to the lowest tested concentration (≥ 1), e.g. <see cref="AssumedDilutionRange"/>.</param>
    /// <exception cref="ArgumentException">The drug is not screened, or has several maximum concentrations.</exception>
    public static TestedRange Of(DrugScreen screen, string drug, double dilutionRange)
    {
        ArgumentNullException.ThrowIfNull(screen);
        var maxima = screen.ForDrug(drug).Select(m => m.MaxConcentration).Distinct().ToList();
        return maxima.Count == 1 ? new TestedRange(maxima[0], dilutionRange)
            : throw new ArgumentException($"drug '{drug}' has {maxima.Count} maximum concentrations: one range per drug is expected");
    }

    /// <summary>
    /// The dilution range a run states (<c>--param dilution_range=N</c>): a number ≥ 1 in invariant notation, or
    /// <see cref="AssumedDilutionRange"/> when the parameter is absent.
    /// </summary>
    /// <param name="text">The parameter's text, or null.</param>
    /// <exception cref="ArgumentException">Not a number, or below 1.</exception>
    public static double DilutionRangeParameter(string? text)
    {
        if (text is null) return AssumedDilutionRange;
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= 1 && double.IsFinite(v) ? v
            : throw new ArgumentException($"--param dilution_range={text}: give the ratio of the highest to the lowest tested concentration, a number >= 1 (default {AssumedDilutionRange})");
    }

    /// <summary>ln of the highest tested concentration (ln uM), the scale of the screen's ln IC50.</summary>
    public double LnMax => Math.Log(MaxConcentration);

    /// <summary>ln of the lowest tested concentration, ln(MaxConcentration / DilutionRange) (ln uM).</summary>
    public double LnMin => Math.Log(MaxConcentration / DilutionRange);

    /// <summary>
    /// Below when ln IC50 &lt; ln(min), Above when ln IC50 &gt; ln(max) (strict: an IC50 at a tested concentration is within).
    /// </summary>
    /// <param name="lnIc50">An ln IC50 in ln uM, finite.</param>
    /// <exception cref="ArgumentException"><paramref name="lnIc50"/> is not finite.</exception>
    public RangePosition Classify(double lnIc50)
    {
        if (!double.IsFinite(lnIc50)) throw new ArgumentException($"ln IC50 {lnIc50} is not finite");
        return OrganoidResponseSummary.AboveHighestTested(lnIc50, MaxConcentration) ? RangePosition.Above : lnIc50 < LnMin ? RangePosition.Below : RangePosition.Within;
    }
}

/// <summary>
/// Per drug: how many replicate IC50s, and how many organoids' median IC50s (the paper's response), fall below, within or
/// above the tested range.
/// </summary>
/// <param name="Drug">Screen drug name.</param>
/// <param name="MaxConcentration">Highest tested concentration, uM.</param>
/// <param name="Replicates">Replicate IC50s of the drug (>= 1).</param>
/// <param name="ReplicatesBelow">Replicates below the lowest tested concentration.</param>
/// <param name="ReplicatesAbove">Replicates above the highest tested concentration.</param>
/// <param name="Organoids">Organoids with a median IC50 for the drug.</param>
/// <param name="MediansBelow">Organoid medians below the range.</param>
/// <param name="MediansAbove">Organoid medians above the range.</param>
public sealed record DrugRangeCounts(string Drug, double MaxConcentration, int Replicates, int ReplicatesBelow, int ReplicatesAbove,
    int Organoids, int MediansBelow, int MediansAbove)
{
    /// <summary>ReplicatesAbove / Replicates, in [0, 1].</summary>
    public double FractionReplicatesAbove => (double)ReplicatesAbove / Replicates;
}

/// <summary>Out-of-range counts for a drug screen.</summary>
public static class OutOfRange
{
    /// <summary>Counts for one drug. A drug must have one maximum concentration (Table S2b has one per drug).</summary>
    /// <param name="screen">The drug screen.</param>
    /// <param name="drug">Screen drug name (case-insensitive) or Drug_ID.</param>
    /// <param name="dilutionRange">Ratio of the highest to the lowest tested concentration, >= 1.</param>
    /// <exception cref="ArgumentException">The drug is not screened, has several maximum concentrations, or the range is invalid.</exception>
    public static DrugRangeCounts ForDrug(DrugScreen screen, string drug, double dilutionRange)
    {
        ArgumentNullException.ThrowIfNull(screen);
        var m = screen.ForDrug(drug);
        if (m.Count == 0) throw new ArgumentException($"drug '{drug}' is not in the screen");
        var maxima = m.Select(x => x.MaxConcentration).Distinct().ToList();
        if (maxima.Count != 1) throw new ArgumentException($"drug '{drug}' has {maxima.Count} different maximum concentrations ({string.Join(", ", maxima)}): one range per drug is expected");
        var range = new TestedRange(maxima[0], dilutionRange);
        var positions = m.Select(x => range.Classify(x.LnIc50)).ToList();
        var medians = screen.MedianIc50(drug).Select(r => range.Classify(r.MedianLnIc50)).ToList();
        return new DrugRangeCounts(m[0].DrugName, maxima[0], m.Count,
            positions.Count(p => p == RangePosition.Below), positions.Count(p => p == RangePosition.Above),
            medians.Count, medians.Count(p => p == RangePosition.Below), medians.Count(p => p == RangePosition.Above));
    }

    /// <summary>Counts for every drug, in ordinal drug-name order.</summary>
    /// <param name="screen">The drug screen.</param>
    /// <param name="dilutionRange">Ratio of the highest to the lowest tested concentration, >= 1.</param>
    /// <exception cref="ArgumentException">A drug has several maximum concentrations.</exception>
    public static IReadOnlyList<DrugRangeCounts> ForAllDrugs(DrugScreen screen, double dilutionRange) =>
        screen.Drugs.Select(d => ForDrug(screen, d, dilutionRange)).ToList();
}
