namespace OrganoidBiomarkers.Models;

/// <summary>
/// Settings of one ssGSEA run. Start from <see cref="Gseapy09"/> or <see cref="Gsva"/> (each reference's defaults) and
/// change fields with <c>with</c>. Validation happens in <see cref="Ssgsea.Score"/>.
/// </summary>
public sealed record SsgseaOptions
{
    /// <summary>The reference behaviour to reproduce (ranking, tie order, scaling).</summary>
    public required SsgseaVariant Variant { get; init; }

    /// <summary>Exponent on the rank weights (gseapy <c>weighted_score_type</c>, GSVA <c>tau</c>); 0.25 in both.</summary>
    public double Weight { get; init; } = 0.25;

    /// <summary>Smallest number of measured genes a set needs to be scored (gseapy <c>min_size</c>, GSVA <c>min.sz</c>); at least 1.</summary>
    public required int MinSize { get; init; }

    /// <summary>Largest number of measured genes a set may have (gseapy <c>max_size</c>, GSVA <c>max.sz</c>).</summary>
    public required int MaxSize { get; init; }

    /// <summary>Worker threads over samples (null: all cores). Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>The authors' settings: gseapy 0.9 ssgsea with weight 0.25, min_size 2, max_size 2000.</summary>
    public static SsgseaOptions Gseapy09 => new() { Variant = SsgseaVariant.Gseapy09, MinSize = 2, MaxSize = 2000 };

    /// <summary>GSVA 1.46 defaults for method='ssgsea': tau 0.25, min.sz 1, max.sz Inf.</summary>
    public static SsgseaOptions Gsva => new() { Variant = SsgseaVariant.Gsva, MinSize = 1, MaxSize = int.MaxValue };
}
