namespace OrganoidBiomarkers.Network;

/// <summary>
/// Agreement of two sets (e.g. our proximal pathways and the authors'): sizes, intersection, and the Jaccard index
/// |A and B| / |A or B| (1 when both are empty: two empty selections agree).
/// </summary>
public sealed record SetOverlap(int SizeA, int SizeB, int Shared, double Jaccard)
{
    public static SetOverlap Of(IEnumerable<string> a, IEnumerable<string> b)
    {
        var setA = a.ToHashSet(StringComparer.Ordinal);
        var setB = b.ToHashSet(StringComparer.Ordinal);
        int shared = setA.Count(setB.Contains);
        int union = setA.Count + setB.Count - shared;
        return new SetOverlap(setA.Count, setB.Count, shared, union == 0 ? 1.0 : (double)shared / union);
    }
}
