namespace OrganoidBiomarkers.Network;

/// <summary>
/// Agreement of two sets (e.g. our proximal pathways and the authors'): sizes, intersection, and the Jaccard index
/// |A and B| / |A or B| (1 when both are empty: two empty selections agree).
/// </summary>
/// <param name="SizeA">Distinct members of A.</param>
/// <param name="SizeB">Distinct members of B.</param>
/// <param name="Shared">Members of both.</param>
/// <param name="Jaccard">Shared / union, in [0, 1]; 1 when both sets are empty.</param>
public sealed record SetOverlap(int SizeA, int SizeB, int Shared, double Jaccard)
{
    /// <summary>The overlap of two name collections (duplicates ignored; ordinal, case-sensitive match).</summary>
    /// <param name="a">Set A (e.g. the authors' proximal pathways).</param>
    /// <param name="b">Set B (e.g. ours).</param>
    public static SetOverlap Of(IEnumerable<string> a, IEnumerable<string> b)
    {
        var setA = a.ToHashSet(StringComparer.Ordinal);
        var setB = b.ToHashSet(StringComparer.Ordinal);
        int shared = setA.Count(setB.Contains);
        int union = setA.Count + setB.Count - shared;
        return new SetOverlap(setA.Count, setB.Count, shared, union == 0 ? 1.0 : (double)shared / union);
    }
}
