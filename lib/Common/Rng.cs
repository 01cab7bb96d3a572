using System.Text;

namespace OrganoidBiomarkers.Common;

/// <summary>
/// xoshiro256** (Blackman and Vigna 2018) seeded through SplitMix64: a small, documented generator whose sequence
/// is fixed by its algorithm, unlike System.Random whose seeded sequence is not promised across runtime versions.
/// Every random draw in the project goes through this type, so the same seed gives byte-identical results.
/// <see cref="NextUInt64"/> reproduces the reference C implementation exactly (tests/…/Golden/rng/xoshiro256starstar.c, seed 42).
/// </summary>
public sealed class Rng
{
    /// <summary>Default seed of every random draw in the pipeline (the paper's publication date, 2020-10-30).</summary>
    public const ulong DefaultSeed = 20201030;

    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the four state words from SplitMix64(seed), as the reference implementation recommends.</summary>
    /// <param name="seed">Any 64-bit value (0 included: SplitMix64 never yields the all-zero state).</param>
    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>
    /// An independent stream for one unit of work (e.g. one drug x pathway pair), derived from the run seed and stable
    /// string IDs, so results do not depend on thread count or iteration order.
    /// </summary>
    /// <param name="seed">The run seed (<see cref="DefaultSeed"/> unless the user sets <c>seed</c>).</param>
    /// <param name="streamIds">Stable IDs of the unit of work, e.g. ("FLUOROURACIL", "REACTOME_X"); their order and
    /// boundaries matter (("AB", "C") differs from ("A", "BC")).</param>
    public static Rng ForStream(ulong seed, params string[] streamIds)
    {
        // FNV-1a over the UTF-8 bytes of the IDs (0-separated): stable across processes, unlike string.GetHashCode.
        ulong h = 14695981039346656037UL;
        foreach (var id in streamIds)
        {
            foreach (var b in Encoding.UTF8.GetBytes(id)) { h ^= b; h *= 1099511628211UL; }
            h ^= 0; h *= 1099511628211UL;
        }
        ulong x = seed ^ 0x9E3779B97F4A7C15UL;
        return new Rng(SplitMix64(ref x) ^ h);
    }

    /// <summary>SplitMix64 step (Steele, Lea and Flood 2014), used for seeding.</summary>
    /// <param name="x">The SplitMix64 state, advanced in place by the golden-ratio increment.</param>
    /// <returns>The next 64 mixed bits.</returns>
    public static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits (xoshiro256** output function).</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [0, maxExclusive), without modulo bias (Lemire 2019, multiply-and-reject).</summary>
    /// <param name="maxExclusive">Upper bound, >= 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is 0 or negative.</exception>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), "must be positive");
        ulong range = (ulong)maxExclusive;
        UInt128 m = (UInt128)NextUInt64() * range;
        ulong low = (ulong)m;
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold)
            {
                m = (UInt128)NextUInt64() * range;
                low = (ulong)m;
            }
        }
        return (int)(m >> 64);
    }

    /// <summary>Uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Fisher-Yates shuffle, in place (every permutation equally likely).</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="items">The array to permute.</param>
    public void ShuffleInplace<T>(T[] items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A shuffled copy; the input is left untouched. Draws as <see cref="ShuffleInplace{T}"/> does.</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="items">The items to permute.</param>
    public T[] Shuffled<T>(IReadOnlyList<T> items)
    {
        var copy = items.ToArray();
        ShuffleInplace(copy);
        return copy;
    }
}
