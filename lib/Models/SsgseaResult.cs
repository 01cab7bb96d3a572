namespace OrganoidBiomarkers.Models;

/// <summary>What happened to one input gene set.</summary>
public enum SsgseaSetStatus
{
    /// <summary>Scored.</summary>
    Kept,
    /// <summary>None of its genes is measured in the expression matrix.</summary>
    NoMeasuredGene,
    /// <summary>Fewer measured genes than <see cref="SsgseaOptions.MinSize"/>.</summary>
    BelowMinSize,
    /// <summary>More measured genes than <see cref="SsgseaOptions.MaxSize"/>.</summary>
    AboveMaxSize,
    /// <summary>Every measured gene is in the set: with no gene outside it the running sum is undefined (0/0).</summary>
    CoversAllGenes,
}

/// <summary>One input set: its size in the input, how many of its genes are measured, and whether it was scored.</summary>
/// <param name="Name">The set's name.</param>
/// <param name="Genes">Genes listed in the input set.</param>
/// <param name="MeasuredGenes">Those found in the expression matrix (the size compared with the size limits).</param>
/// <param name="Status">Whether it was scored, or why not.</param>
public sealed record SsgseaSetOutcome(string Name, int Genes, int MeasuredGenes, SsgseaSetStatus Status)
{
    /// <summary>The set was scored (<see cref="SsgseaSetStatus.Kept"/>).</summary>
    public bool Kept => Status == SsgseaSetStatus.Kept;
}

/// <summary>
/// ssGSEA scores, sets x samples. Rows are the kept sets in input order (gseapy's output files list them sorted by
/// name; compare by name). <see cref="EnrichmentScores"/> is the raw ES (gseapy "gseapy.samples.raw.es.txt", GSVA with
/// ssgsea.norm=FALSE); <see cref="NormalizedScores"/> = ES / <see cref="Range"/>, the range (max - min) of the whole ES
/// matrix (gseapy "normalized.es", GSVA's default output). When every ES is equal the range is 0 and every NES is NaN.
/// </summary>
/// <param name="Variant">The ssGSEA variant computed.</param>
/// <param name="SetNames">The kept sets, in input order (rows of both matrices).</param>
/// <param name="Samples">The expression matrix's samples, in its order (columns of both matrices).</param>
/// <param name="EnrichmentScores">Raw ES, sets x samples.</param>
/// <param name="NormalizedScores">NES = ES / <paramref name="Range"/>, sets x samples.</param>
/// <param name="Range">max - min of <paramref name="EnrichmentScores"/> over the whole matrix.</param>
/// <param name="Sets">One outcome per input set, in input order, kept or not.</param>
public sealed record SsgseaResult(
    SsgseaVariant Variant,
    IReadOnlyList<string> SetNames,
    IReadOnlyList<string> Samples,
    double[,] EnrichmentScores,
    double[,] NormalizedScores,
    double Range,
    IReadOnlyList<SsgseaSetOutcome> Sets)
{
    /// <summary>Row of a kept set, or -1.</summary>
    public int SetIndex(string name)
    {
        for (int i = 0; i < SetNames.Count; i++) if (string.Equals(SetNames[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>The input sets that were not scored, with the reason.</summary>
    public IEnumerable<SsgseaSetOutcome> Dropped => Sets.Where(s => !s.Kept);
}
