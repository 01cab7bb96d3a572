namespace OrganoidBiomarkers.Common;

/// <summary>
/// A genes x samples matrix of finite values. Gene and sample names are unique (duplicates are resolved by the reader
/// under a stated policy before a matrix is built). Values are indexed [gene, sample].
/// </summary>
public sealed record ExpressionMatrix
{
    /// <summary>Gene names (row labels), unique, in row order.</summary>
    public IReadOnlyList<string> Genes { get; }

    /// <summary>Sample names (column labels), unique, in column order.</summary>
    public IReadOnlyList<string> Samples { get; }

    /// <summary>The values, genes x samples, all finite, in the source's scale (the reader checks the stated ValueScale, log2 or linear).</summary>
    public double[,] Values { get; }
    private readonly Dictionary<string, int> _geneIndex;
    private readonly Dictionary<string, int> _sampleIndex;

    /// <summary>A matrix over the given names; <paramref name="values"/> is kept, not copied, and the name lists are copied.</summary>
    /// <param name="genes">Unique gene names, one per row of <paramref name="values"/>.</param>
    /// <param name="samples">Unique sample names, one per column of <paramref name="values"/>.</param>
    /// <param name="values">genes x samples, every value finite.</param>
    /// <exception cref="ArgumentException">The shape does not match the names, a name is duplicated, or a value is NaN or infinite (the message names the gene and sample).</exception>
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

    /// <summary>Number of genes (rows).</summary>
    public int GeneCount => Genes.Count;

    /// <summary>Number of samples (columns).</summary>
    public int SampleCount => Samples.Count;

    /// <summary>Whether <paramref name="gene"/> is a row (ordinal, case-sensitive match).</summary>
    /// <param name="gene">A gene name.</param>
    public bool HasGene(string gene) => _geneIndex.ContainsKey(gene);

    /// <summary>Row of <paramref name="gene"/> (ordinal match), or -1 when it is not measured.</summary>
    /// <param name="gene">A gene name.</param>
    public int GeneIndex(string gene) => _geneIndex.TryGetValue(gene, out var i) ? i : -1;

    /// <summary>Column of <paramref name="sample"/> (ordinal match), or -1 when it is not in the matrix.</summary>
    /// <param name="sample">A sample name.</param>
    public int SampleIndex(string sample) => _sampleIndex.TryGetValue(sample, out var i) ? i : -1;

    /// <summary>The value of one gene in one sample.</summary>
    /// <param name="gene">A gene of <see cref="Genes"/>.</param>
    /// <param name="sample">A sample of <see cref="Samples"/>.</param>
    /// <exception cref="KeyNotFoundException">Either name is not in the matrix.</exception>
    public double this[string gene, string sample] => Values[_geneIndex[gene], _sampleIndex[sample]];

    /// <summary>All genes' values for one sample (a copy), in gene order.</summary>
    /// <param name="sample">Column index, 0 &lt;= sample &lt; <see cref="SampleCount"/>.</param>
    public double[] Column(int sample)
    {
        var col = new double[GeneCount];
        for (int g = 0; g < col.Length; g++) col[g] = Values[g, sample];
        return col;
    }

    /// <summary>One gene's values across samples (a copy), in sample order.</summary>
    /// <param name="gene">Row index, 0 &lt;= gene &lt; <see cref="GeneCount"/>.</param>
    public double[] Row(int gene)
    {
        var row = new double[SampleCount];
        for (int s = 0; s < row.Length; s++) row[s] = Values[gene, s];
        return row;
    }

    /// <summary>The given samples, in the given order, with every gene.</summary>
    /// <param name="samples">Names of <see cref="Samples"/>, each at most once.</param>
    /// <exception cref="ArgumentException">A name is unknown or repeated.</exception>
    public ExpressionMatrix SelectSamples(IReadOnlyList<string> samples)
    {
        var idx = samples.Select(s => SampleIndex(s) is var i and >= 0 ? i : throw new ArgumentException($"unknown sample '{s}'")).ToArray();
        var v = new double[GeneCount, idx.Length];
        for (int g = 0; g < GeneCount; g++)
            for (int j = 0; j < idx.Length; j++) v[g, j] = Values[g, idx[j]];
        return new ExpressionMatrix(Genes, samples, v);
    }

    /// <summary>The given genes, in the given order, with every sample.</summary>
    /// <param name="genes">Names of <see cref="Genes"/>, each at most once.</param>
    /// <exception cref="ArgumentException">A name is unknown or repeated.</exception>
    public ExpressionMatrix SelectGenes(IReadOnlyList<string> genes)
    {
        var idx = genes.Select(x => GeneIndex(x) is var i and >= 0 ? i : throw new ArgumentException($"unknown gene '{x}'")).ToArray();
        var v = new double[idx.Length, SampleCount];
        for (int j = 0; j < idx.Length; j++)
            for (int s = 0; s < SampleCount; s++) v[j, s] = Values[idx[j], s];
        return new ExpressionMatrix(genes, Samples, v);
    }
}
