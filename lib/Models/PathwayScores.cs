namespace OrganoidBiomarkers.Models;

/// <summary>Pathway scores (e.g. ssGSEA NES), pathways x samples, with names. Values indexed [pathway, sample].</summary>
public sealed record PathwayScores(IReadOnlyList<string> Pathways, IReadOnlyList<string> Samples, double[,] Values)
{
    public int PathwayIndex(string pathway)
    {
        for (int i = 0; i < Pathways.Count; i++) if (string.Equals(Pathways[i], pathway, StringComparison.Ordinal)) return i;
        return -1;
    }

    public int SampleIndex(string sample)
    {
        for (int i = 0; i < Samples.Count; i++) if (string.Equals(Samples[i], sample, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>Samples x features matrix of the given pathways and samples (the layout models are fitted on).</summary>
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
    public PathwayScores SelectPathways(IReadOnlyList<string> pathways)
    {
        var p = pathways.Select(x => PathwayIndex(x) is var i and >= 0 ? i : throw new ArgumentException($"pathway '{x}' is not scored")).ToArray();
        var v = new double[p.Length, Samples.Count];
        for (int i = 0; i < p.Length; i++)
            for (int j = 0; j < Samples.Count; j++) v[i, j] = Values[p[i], j];
        return new PathwayScores(pathways.ToArray(), Samples, v);
    }

    /// <summary>The given samples only, in the given order.</summary>
    public PathwayScores SelectSamples(IReadOnlyList<string> samples)
    {
        var s = samples.Select(x => SampleIndex(x) is var i and >= 0 ? i : throw new ArgumentException($"sample '{x}' is not scored")).ToArray();
        var v = new double[Pathways.Count, s.Length];
        for (int p = 0; p < Pathways.Count; p++)
            for (int j = 0; j < s.Length; j++) v[p, j] = Values[p, s[j]];
        return new PathwayScores(Pathways, samples.ToArray(), v);
    }
}
