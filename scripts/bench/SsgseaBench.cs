using System.Globalization;
using System.IO.Compression;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;

namespace OrganoidBiomarkers.Bench;

/// <summary>
/// Our ssGSEA (GSVA variant) against GSVA 1.46 gsva(method = "ssgsea") on the same matrix, both on every core.
/// Matrix: the mirror's tcga/expression/rnaseqdb_read_tumor_fpkm.txt.gz (RNAseqDB TCGA READ tumours, 19,096 Hugo
/// symbols x 87 samples, quantile-normalised FPKM), log2(FPKM + 1), columns drawn with replacement from the 87 with
/// Rng(20201203) to 500 samples (60 with --quick). Sets: pathways/reactome_msigdb_v6.1.gmt read as
/// GmtLayout.NoDescription (674 sets). Times exclude reading files; ours is the second of two identical calls (the
/// first, reported too, includes JIT tiering); GSVA's is the gsva() call alone, with MulticoreParam on every core.
/// Agreement: Pearson r and max |diff| between the two normalised ES matrices, set by set by name.
/// </summary>
public sealed class SsgseaBench : IBench
{
    private const ulong Seed = 20201203;

    public string Name => "ssgsea";
    public string Description => "ssGSEA (GSVA variant) vs GSVA 1.46 gsva(method='ssgsea'), READ FPKM resampled to 500 samples (60 with --quick) x 674 Reactome sets";

    public async Task<BenchResult> RunAsync(BenchContext context)
    {
        int samples = context.Quick ? 60 : 500;
        var source = ReadLog2Fpkm(context.Mirror("tcga/expression/rnaseqdb_read_tumor_fpkm.txt.gz"));
        var expression = Resample(source, samples, new Rng(Seed));
        var gmtPath = context.Mirror("pathways/reactome_msigdb_v6.1.gmt");
        var sets = GmtReader.Read(gmtPath, GmtLayout.NoDescription);
        string workload = $"{expression.GeneCount} genes x {samples} samples x {sets.Count} sets";
        Console.WriteLine($"   {workload}");

        // First call (JIT tiering still under way) reported beside the timed, warmed second call.
        double firstCallSeconds = BenchContext.Time(() => Ssgsea.Score(expression, sets, SsgseaOptions.Gsva));
        SsgseaResult ours = null!;
        double oursSeconds = BenchContext.Time(() => ours = Ssgsea.Score(expression, sets, SsgseaOptions.Gsva));

        var prefix = Path.Combine(context.WorkDir, "ssgsea");
        WriteMatrix(expression, prefix + ".matrix.bin");
        await File.WriteAllLinesAsync(prefix + ".genes.txt", expression.Genes);
        int workers = Environment.ProcessorCount;
        BenchContext.TimeProcess("Rscript", Path.Combine(BenchContext.ReferenceDir, "gsva_ssgsea.R"),
            prefix + ".matrix.bin", prefix + ".genes.txt", samples.ToString(CultureInfo.InvariantCulture), gmtPath,
            prefix + ".gsva", workers.ToString(CultureInfo.InvariantCulture));
        double gsvaSeconds = double.Parse(File.ReadAllText(prefix + ".gsva.seconds").Trim(), CultureInfo.InvariantCulture);
        var gsvaSets = File.ReadAllLines(prefix + ".gsva.sets");
        var gsva = ReadDoubles(prefix + ".gsva.bin", gsvaSets.Length * samples);

        if (!gsvaSets.Order(StringComparer.Ordinal).SequenceEqual(ours.SetNames.Order(StringComparer.Ordinal)))
            throw new InvalidOperationException($"set lists differ: GSVA kept {gsvaSets.Length}, we kept {ours.SetNames.Count}");
        var x = new List<double>();
        var y = new List<double>();
        for (int r = 0; r < gsvaSets.Length; r++)
        {
            int s = ours.SetIndex(gsvaSets[r]);
            for (int j = 0; j < samples; j++) { x.Add(ours.NormalizedScores[s, j]); y.Add(gsva[j * gsvaSets.Length + r]); }
        }
        double maxDiff = x.Zip(y, (a, b) => Math.Abs(a - b)).Max();
        string agreement = $"Pearson r {Pearson(x, y):F12}, max |NES diff| {maxDiff:G3} over {gsvaSets.Length} sets x {samples} samples; GSVA on {workers} workers; our first (cold) call {firstCallSeconds:F2} s";
        return new BenchResult(Name, workload, oursSeconds, gsvaSeconds, "R GSVA 1.46 (gsva() call only)", agreement);
    }

    /// <summary>Hugo_Symbol, Entrez_Gene_Id, then one FPKM column per sample; returns log2(FPKM + 1). Duplicated symbols: first kept.</summary>
    private static ExpressionMatrix ReadLog2Fpkm(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var header = reader.ReadLine()!.Split('\t');
        var samples = header.Skip(2).ToArray();
        var genes = new List<string>();
        var rows = new List<double[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int duplicated = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var f = line.Split('\t');
            if (!seen.Add(f[0])) { duplicated++; continue; }
            genes.Add(f[0]);
            rows.Add(f.Skip(2).Select(v => Math.Log2(double.Parse(v, CultureInfo.InvariantCulture) + 1)).ToArray());
        }
        if (duplicated > 0) Console.WriteLine($"   {duplicated} duplicated symbols: first kept");
        var values = new double[genes.Count, samples.Length];
        for (int g = 0; g < genes.Count; g++)
            for (int s = 0; s < samples.Length; s++) values[g, s] = rows[g][s];
        return new ExpressionMatrix(genes, samples, values);
    }

    private static ExpressionMatrix Resample(ExpressionMatrix source, int samples, Rng rng)
    {
        var values = new double[source.GeneCount, samples];
        for (int j = 0; j < samples; j++)
        {
            int from = rng.NextInt(source.SampleCount);
            for (int g = 0; g < source.GeneCount; g++) values[g, j] = source.Values[g, from];
        }
        return new ExpressionMatrix(source.Genes, Enumerable.Range(1, samples).Select(i => $"S{i:D3}").ToArray(), values);
    }

    private static void WriteMatrix(ExpressionMatrix m, string path)
    {
        using var w = new BinaryWriter(File.Create(path));
        for (int s = 0; s < m.SampleCount; s++)
            for (int g = 0; g < m.GeneCount; g++) w.Write(m.Values[g, s]);
    }

    private static double[] ReadDoubles(string path, int count)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length != count * 8) throw new InvalidOperationException($"{path}: {bytes.Length} bytes, expected {count * 8}");
        var d = new double[count];
        Buffer.BlockCopy(bytes, 0, d, 0, bytes.Length);
        return d;
    }

    private static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Count; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); syy += (y[i] - my) * (y[i] - my); }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
