namespace OrganoidBiomarkers.Common;

/// <summary>Pathway scores (e.g. ssGSEA NES), pathways x samples, with names. Values indexed [pathway, sample].</summary>
/// <param name="Pathways">Pathway names, one per row of <paramref name="Values"/>.</param>
/// <param name="Samples">Sample names, one per column of <paramref name="Values"/>.</param>
/// <param name="Values">pathways x samples scores; not checked for shape or finiteness here.</param>
public sealed record PathwayScores(IReadOnlyList<string> Pathways, IReadOnlyList<string> Samples, double[,] Values)
{
    /// <summary>Row of <paramref name="pathway"/> (ordinal match; the first, if repeated), or -1 when it is not scored.</summary>
    /// <param name="pathway">A pathway name.</param>
    public int PathwayIndex(string pathway) => IndexOf(Pathways, pathway);

    /// <summary>Column of <paramref name="sample"/> (ordinal match; the first, if repeated), or -1 when it is not scored.</summary>
    /// <param name="sample">A sample name.</param>
    public int SampleIndex(string sample) => IndexOf(Samples, sample);

    // Name -> first position of each name list, built on first use and kept while the list lives: hits are O(1)
    // (splits and random-set baselines look names up millions of times). Keyed by the list instance, not stored in the
    // record, so 'with' copies and record equality are unaffected. The lists are immutable by contract (as every
    // record's). As a safeguard against a list changed behind the record's back, a hit is checked against the list
    // and a miss is confirmed by a scan (misses are rare: unscorable biomarkers), re-indexing when they disagree.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<string>, NameIndex> Indexes = new();

    private sealed record NameIndex(Dictionary<string, int> Positions);

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        var index = Indexes.GetValue(names, Build);
        if (index.Positions.TryGetValue(name, out var at))
        {
            if (at < names.Count && string.Equals(names[at], name, StringComparison.Ordinal)) return at;
        }
        else if (!names.Contains(name, StringComparer.Ordinal)) return -1;
        index = Build(names);
        Indexes.AddOrUpdate(names, index);
        return index.Positions.TryGetValue(name, out at) ? at : -1;
    }

    private static NameIndex Build(IReadOnlyList<string> names)
    {
        var d = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++) d.TryAdd(names[i], i);
        return new NameIndex(d);
    }

    /// <summary>Samples x features matrix of the given pathways and samples (the layout models are fitted on).</summary>
    /// <param name="pathways">Scored pathways, one per column of the result, in this order.</param>
    /// <param name="samples">Scored samples, one per row of the result, in this order.</param>
    /// <returns>A new samples x pathways array (the transpose of the selected block of <see cref="Values"/>).</returns>
    /// <exception cref="ArgumentException">A pathway or sample is not scored (the message names it).</exception>
    public double[,] Features(IReadOnlyList<string> pathways, IReadOnlyList<string> samples)
    {
        var p = pathways.Select(x => PathwayIndex(x) is var i and >= 0 ? i : throw new ArgumentException($"pathway '{x}' is not scored")).ToArray();
        var s = samples.Select(x => SampleIndex(x) is var i and >= 0 ? i : throw new ArgumentException($"sample '{x}' is not scored")).ToArray();
        var m = new double[s.Length, p.Length];
        for (int i = 0; i < s.Length; i++)
            for (int j = 0; j < p.Length; j++) m[i, j] = Values[p[j], s[i]];
        return m;
    }

    /// <summary>The given pathways only, in the given order (e.g. sorted by name, as gseapy writes its output).</summary>
    /// <param name="pathways">Scored pathways.</param>
    /// <exception cref="ArgumentException">A pathway is not scored.</exception>
    public PathwayScores SelectPathways(IReadOnlyList<string> pathways)
    {
        var p = pathways.Select(x => PathwayIndex(x) is var i and >= 0 ? i : throw new ArgumentException($"pathway '{x}' is not scored")).ToArray();
        var v = new double[p.Length, Samples.Count];
        for (int i = 0; i < p.Length; i++)
            for (int j = 0; j < Samples.Count; j++) v[i, j] = Values[p[i], j];
        return new PathwayScores(pathways.ToArray(), Samples, v);
    }

    /// <summary>The given samples only, in the given order.</summary>
    /// <param name="samples">Scored samples.</param>
    /// <exception cref="ArgumentException">A sample is not scored.</exception>
    public PathwayScores SelectSamples(IReadOnlyList<string> samples)
    {
        var s = samples.Select(x => SampleIndex(x) is var i and >= 0 ? i : throw new ArgumentException($"sample '{x}' is not scored")).ToArray();
        var v = new double[Pathways.Count, s.Length];
        for (int p = 0; p < Pathways.Count; p++)
            for (int j = 0; j < s.Length; j++) v[p, j] = Values[p, s[j]];
        return new PathwayScores(Pathways, samples.ToArray(), v);
    }
}
