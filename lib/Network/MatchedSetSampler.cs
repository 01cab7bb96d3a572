using System.Runtime.CompilerServices;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Network;

/// <summary>
/// Degree-matched random sets for one fixed node set (the toolbox's <c>pick_random_nodes_matching_selected</c>, see
/// <see cref="DegreeBins.DrawMatchedSet"/>), with each node's bin and position looked up once for the thousand draws.
/// </summary>
internal sealed class MatchedSetSampler
{
    private readonly int[][] _bins;
    private readonly int[] _positions;

    public MatchedSetSampler(DegreeBins bins, ReadOnlySpan<int> nodes)
    {
        _bins = new int[nodes.Length][];
        _positions = new int[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            (_bins[i], _positions[i]) = bins.Equivalents(nodes[i]);
            if (_bins[i].Length < 2) throw bins.AloneInBin(nodes[i]);
        }
    }

    /// <summary>
    /// Draws one set into <paramref name="into"/> and returns its size. Membership is "mark[v] == stamp": the caller
    /// passes a fresh stamp for every set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Draw(Rng rng, Span<int> into, int[] mark, int stamp)
    {
        int count = 0;
        for (int i = 0; i < _bins.Length; i++)
        {
            var bin = _bins[i];
            int position = _positions[i];
            int chosen = Equivalent(bin, position, rng);
            for (int k = 0; k < DegreeBins.RetriesForDistinct && mark[chosen] == stamp; k++) chosen = Equivalent(bin, position, rng);
            if (mark[chosen] != stamp)
            {
                mark[chosen] = stamp;
                into[count++] = chosen;
            }
        }
        return count;
    }

    /// <summary>A uniformly random node of the bin other than the one at <paramref name="position"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Equivalent(int[] bin, int position, Rng rng)
    {
        int k = Below(rng, bin.Length - 1);
        return bin[k >= position ? k + 1 : k];
    }

    /// <summary>
    /// The same draw as <see cref="Rng.NextInt"/> (Lemire's multiply-and-reject on one 64-bit output), written with
    /// Math.BigMul so the hot loop runs optimised from its first call instead of waiting for UInt128 code to tier up.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Below(Rng rng, int maxExclusive)
    {
        ulong range = (ulong)maxExclusive;
        ulong high = Math.BigMul(rng.NextUInt64(), range, out ulong low);
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold) high = Math.BigMul(rng.NextUInt64(), range, out low);
        }
        return (int)high;
    }
}
