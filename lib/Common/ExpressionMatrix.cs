namespace OrganoidBiomarkers.Common;

/// <summary>
/// A genes x samples matrix of finite values. Gene and sample names are unique (duplicates are resolved by the reader
/// under a stated policy before a matrix is built). Values are indexed [gene, sample].
/// </summary>
public sealed record ExpressionMatrix
{
    public IReadOnlyList<string> Genes { get; }
    public IReadOnlyList<string> Samples { get; }
    public double[,] Values { get; }
    private readonly Dictionary<string, int> _geneIndex;
    private readonly Dictionary<string, int> _sampleIndex;

    public ExpressionMatrix(IReadOnlyList<string> genes, IReadOnlyList<string> samples, double[,] values)
    {
        if (values.GetLength(0) != genes.Count || values.GetLength(1) != samples.Count)
            throw new ArgumentException($"values are {values.GetLength(0)} x {values.GetLength(1)} but there are {genes.Count} genes and {samples.Count} samples");
        Genes = genes.ToArray();
        Samples = samples.ToArray();
        Values = values;
        _geneIndex = IndexOf(Genes, "gene");
        _sampleIndex = IndexOf(Samples, "sample");
        for (int g = 0; g < genes.Count; g++)
            for (int s = 0; s < samples.Count; s++)
                if (!double.IsFinite(values[g, s]))
                    throw new ArgumentException($"non-finite value {values[g, s]} for gene {genes[g]}, sample {samples[s]}");
    }

    private static Dictionary<string, int> IndexOf(IReadOnlyList<string> names, string what)
    {
        var index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
            if (!index.TryAdd(names[i], i))
                throw new ArgumentException($"duplicated {what} name '{names[i]}'");
        return index;
    }

    public int GeneCount => Genes.Count;
    public int SampleCount => Samples.Count;

    public bool HasGene(string gene) => _geneIndex.ContainsKey(gene);
    public int GeneIndex(string gene) => _geneIndex.TryGetValue(gene, out var i) ? i : -1;
    public int SampleIndex(string sample) => _sampleIndex.TryGetValue(sample, out var i) ? i : -1;

    public double this[string gene, string sample] => Values[_geneIndex[gene], _sampleIndex[sample]];

    /// <summary>All genes' values for one sample (a copy).</summary>
    public double[] Column(int sample)
    {
        var col = new double[GeneCount];
        for (int g = 0; g < col.Length; g++) col[g] = Values[g, sample];
        return col;
    }

    /// <summary>One gene's values across samples (a copy).</summary>
    public double[] Row(int gene)
    {
        var row = new double[SampleCount];
        for (int s = 0; s < row.Length; s++) row[s] = Values[gene, s];
        return row;
    }

    /// <summary>The given samples, in the given order. Unknown names are an error.</summary>
    public ExpressionMatrix SelectSamples(IReadOnlyList<string> samples)
    {
        var idx = samples.Select(s => SampleIndex(s) is var i and >= 0 ? i : throw new ArgumentException($"unknown sample '{s}'")).ToArray();
        var v = new double[GeneCount, idx.Length];
        for (int g = 0; g < GeneCount; g++)
            for (int j = 0; j < idx.Length; j++) v[g, j] = Values[g, idx[j]];
        return new ExpressionMatrix(Genes, samples, v);
    }

    /// <summary>The given genes, in the given order. Unknown names are an error.</summary>
    public ExpressionMatrix SelectGenes(IReadOnlyList<string> genes)
    {
        var idx = genes.Select(x => GeneIndex(x) is var i and >= 0 ? i : throw new ArgumentException($"unknown gene '{x}'")).ToArray();
        var v = new double[idx.Length, SampleCount];
        for (int j = 0; j < idx.Length; j++)
            for (int s = 0; s < SampleCount; s++) v[j, s] = Values[idx[j], s];
        return new ExpressionMatrix(genes, Samples, v);
    }
}
