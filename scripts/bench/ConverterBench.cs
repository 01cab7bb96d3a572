using System.Globalization;
using System.IO.Compression;
using System.Text;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Data.Remote;

namespace OrganoidBiomarkers.Bench;

/// <summary>
/// Throughput of the connected run's converters on generated files of the real sizes (generation not timed):
/// a Xena matrix of 60,483 Ensembl genes (the GENCODE v22 count) x 500 samples, gzip, values log2 with 4 decimals and
/// about a third zeros, with its probemap (2% of IDs unmapped, 4% sharing a symbol, 44 _PAR_Y rows), converted by
/// <see cref="XenaMatrix.Convert"/> and read back by the pipeline's reader (<see cref="ExpressionTables.Read"/>,
/// SymbolMatrix layout); and STRING v10.5's sizes: a links file of 11,353,056 rows (both orders) and an aliases file
/// of 2,055,779 rows for 19,500 proteins, converted by <see cref="StringAliases"/> + <see cref="StringNetwork"/>.
/// --quick: 100 samples and 2 million link rows. No reference implementation is timed (ours only).
/// </summary>
public sealed class ConverterBench : IBench
{
    private const ulong Seed = 20261205;

    public string Name => "converters";

    public string Description => "connected-run converters: Xena 60,483 genes x 500 samples (gz) -> symbols, read back; STRING v10.5-size links (11.35M rows) + aliases (2.06M rows) -> edges";

    public Task<BenchResult> RunAsync(BenchContext context)
    {
        int samples = context.Quick ? 100 : 500;
        long linkRows = context.Quick ? 2_000_000 : 11_353_056;
        const int Genes = 60_483, Proteins = 19_500, AliasRows = 2_055_779;
        var dir = Path.Combine(context.WorkDir, "converters");
        Directory.CreateDirectory(dir);

        string matrix = Path.Combine(dir, "TCGA-XXXX.htseq_fpkm-uq.tsv.gz"), probemap = Path.Combine(dir, "probemap");
        double gen1 = BenchContext.Time(() => GenerateXena(matrix, probemap, Genes, samples));
        string links = Path.Combine(dir, "links.txt.gz"), aliases = Path.Combine(dir, "aliases.txt.gz");
        double gen2 = BenchContext.Time(() => GenerateString(links, aliases, Proteins, linkRows, AliasRows));
        Console.WriteLine($"   generated in {gen1 + gen2:F1} s (not timed): {TransferProgress.Bytes(new FileInfo(matrix).Length)} matrix, " +
            $"{TransferProgress.Bytes(new FileInfo(links).Length)} links, {TransferProgress.Bytes(new FileInfo(aliases).Length)} aliases; load average {LoadAverage()}");

        string output = Path.Combine(dir, "symbols.tsv.gz");
        (int S, int G) shape = default;
        var log = new CountLog();
        double xena = 0, reader = 0;
        double xenaCpu = BenchContext.CpuTime(() => xena = BenchContext.Time(() => shape = XenaMatrix.Convert(matrix, Probemap.Read(probemap), output, log)));
        ExpressionMatrix read = null!;
        double readerCpu = BenchContext.CpuTime(() => reader = BenchContext.Time(() => read = ExpressionTables.Read(output, ExpressionTableLayout.SymbolMatrix, CountLog.Silent)));
        Console.WriteLine($"   Xena -> symbols: {xena:F2} s ({shape.G} genes x {shape.S} samples, {(double)Genes * samples / xena / 1e6:F1} M values/s); pipeline reader: {reader:F2} s ({read.GeneCount} x {read.SampleCount})");

        StringNetworkSummary summary = null!;
        double aliasSeconds = 0, linkSeconds = 0;
        double stringSeconds = 0;
        double stringCpu = BenchContext.CpuTime(() => stringSeconds = BenchContext.Time(() =>
        {
            IReadOnlyDictionary<string, string> map = null!;
            aliasSeconds = BenchContext.Time(() => map = StringAliases.ReadSymbols(aliases, StringAliases.DefaultSources, new CountLog()));
            linkSeconds = BenchContext.Time(() => summary = StringNetwork.Convert(links, map, 700, Path.Combine(dir, "edges.tsv"), new CountLog()));
        }));
        Console.WriteLine($"   STRING -> edges: {stringSeconds:F2} s (aliases {aliasSeconds:F2} s, links {linkSeconds:F2} s = {linkRows / linkSeconds / 1e6:F1} M rows/s); {summary.Edges} edges on {summary.Genes} genes");

        string workload = $"Xena {Genes} x {samples} gz -> {shape.G} symbols, read back; STRING {linkRows:N0} link rows + {AliasRows:N0} alias rows -> {summary.Edges} edges";
        string agreement = $"Xena convert {xena:F2} s ({xenaCpu:F2} s CPU) + read {reader:F2} s ({readerCpu:F2} s CPU); STRING aliases {aliasSeconds:F2} s + links {linkSeconds:F2} s ({stringCpu:F2} s CPU); load average {LoadAverage()}";
        return Task.FromResult(new BenchResult(Name, workload, xena + reader + stringSeconds, double.NaN, "none (throughput only)", agreement));
    }

    private static void GenerateXena(string matrix, string probemap, int genes, int samples)
    {
        var rng = Rng.ForStream(Seed, "converters", "xena");
        var ids = new string[genes];
        using (var p = new StreamWriter(probemap, false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            p.WriteLine("id\tgene\tchrom\tchromStart\tchromEnd\tstrand");
            for (int g = 0; g < genes; g++)
            {
                ids[g] = g < 44 ? $"ENSG{g:D11}.1_PAR_Y" : $"ENSG{g:D11}.{1 + g % 17}";
                if (g % 50 == 7) continue; // 2% unmapped
                string symbol = g % 25 == 3 ? $"DUP{g / 100}" : g < 44 ? $"PAR{g}" : $"GENE{g}";
                p.WriteLine($"{ids[g]}\t{symbol}\tchr1\t{g * 1000}\t{g * 1000 + 900}\t+");
            }
        }
        using var file = File.Create(matrix);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        using var w = new StreamWriter(gz, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        w.Write("Ensembl_ID");
        for (int s = 0; s < samples; s++) w.Write($"\tTCGA-{s / 100 % 100:D2}-{s:D4}-{(s % 10 == 9 ? 11 : 1):D2}A");
        w.Write('\n');
        for (int g = 0; g < genes; g++)
        {
            w.Write(ids[g]);
            for (int s = 0; s < samples; s++)
            {
                w.Write('\t');
                double v = rng.NextDouble() < 0.33 ? 0 : Math.Round(rng.NextDouble() * 14, 4);
                w.Write(v.ToString("R", CultureInfo.InvariantCulture));
            }
            w.Write('\n');
        }
    }

    private static void GenerateString(string links, string aliases, int proteins, long rows, int aliasRows)
    {
        var rng = Rng.ForStream(Seed, "converters", "string");
        string P(int i) => $"9606.ENSP{i:D11}";
        using (var file = File.Create(aliases))
        using (var gz = new GZipStream(file, CompressionLevel.Fastest))
        using (var w = new StreamWriter(gz, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" })
        {
            w.Write("## string_protein_id ## alias ## source ##\n");
            for (int r = 0; r < aliasRows; r++)
            {
                int i = r % proteins;
                string source = r < proteins ? (i % 20 == 0 ? "Ensembl_HGNC Ensembl_UniProt_GN" : "BLAST_UniProt_GN BioMart_HUGO Ensembl_HGNC Ensembl_WikiGene") : "BLAST_UniProt_DE Ensembl_UniProt_DE";
                w.Write($"{P(i)}\t{(r < proteins ? $"SYM{i % 18_000}" : $"protein {r}")}\t{source}\n");
            }
        }
        using (var file = File.Create(links))
        using (var gz = new GZipStream(file, CompressionLevel.Fastest))
        using (var w = new StreamWriter(gz, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" })
        {
            w.Write("protein1 protein2 combined_score\n");
            // Each pair in both orders, as in STRING; scores mostly low (about 8% >= 700).
            for (long r = 0; r < rows; r += 2)
            {
                int a = rng.NextInt(proteins), b = rng.NextInt(proteins);
                int score = rng.NextDouble() < 0.08 ? 700 + rng.NextInt(300) : 150 + rng.NextInt(550);
                w.Write($"{P(a)} {P(b)} {score}\n{P(b)} {P(a)} {score}\n");
            }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
