using System.Globalization;
using System.Text;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>What the STRING conversion counted (every number is also in the count log).</summary>
/// <param name="Rows">Data rows of the links file (each pair appears in both orders).</param>
/// <param name="RowsKept">Rows with combined_score &gt;= the threshold.</param>
/// <param name="ProteinPairs">Distinct unordered protein pairs among them.</param>
/// <param name="OneOrderOnly">Pairs listed in one order only (STRING lists both; expected 0).</param>
/// <param name="ScoreMismatch">Pairs whose two orders carry different scores (the larger is kept).</param>
/// <param name="PairsAtThreshold">Protein pairs scoring exactly the threshold (kept by &gt;=, dropped by &gt;).</param>
/// <param name="PairsUnmapped">Pairs with a protein that has no symbol (dropped).</param>
/// <param name="UnmappedProteins">Distinct proteins of kept pairs without a symbol.</param>
/// <param name="SelfLoops">Pairs whose two proteins map to one symbol (dropped).</param>
/// <param name="MergedPairs">Symbol pairs made from more than one protein pair (merged, highest score kept).</param>
/// <param name="SymbolsFromSeveralProteins">Symbols that more than one protein of the network maps to.</param>
/// <param name="Edges">Edges written (unordered symbol pairs).</param>
/// <param name="Genes">Distinct symbols in the edges.</param>
/// <param name="EdgesAtThreshold">Written edges whose highest score is exactly the threshold.</param>
public sealed record StringNetworkSummary(long Rows, long RowsKept, int ProteinPairs, int OneOrderOnly, int ScoreMismatch, int PairsAtThreshold,
    int PairsUnmapped, int UnmappedProteins, int SelfLoops, int MergedPairs, int SymbolsFromSeveralProteins, int Edges, int Genes, int EdgesAtThreshold);

/// <summary>
/// STRING protein links -> a gene-symbol edge list in the layout of the mirror's STRING stand-in
/// (<c>gene_a TAB gene_b TAB weight</c>, one line per undirected edge, <c>gene_a &lt; gene_b</c> in ordinal order, sorted),
/// so <see cref="NetworkFiles.ReadEdgeTable"/> reads it. The input is the space-separated links file
/// (<c>protein1 protein2 combined_score</c>; the links.detailed/full files also work: the score is the last column).
/// <para>
/// Boundary: a pair is kept when combined_score &gt;= <c>minScore</c> (default 700: STRING's own "high confidence"
/// cut-off is score &gt;= 0.700, and the glmSparseNet stand-in used &gt;= 700; the authors' README says "&gt;700", so the
/// number of pairs at exactly 700 is counted to show what the other reading would change). Both orders of a pair are
/// merged; pairs with an unmapped protein are dropped; two proteins mapping to one symbol give no self-loop; several
/// protein pairs mapping to one symbol pair give one edge whose weight is the highest combined score (the weight is not
/// used by proximity, which is unweighted).
/// </para>
/// </summary>
public static class StringNetwork
{
    /// <summary>Checks the header (protein1 protein2 ... combined_score) and the first rows.</summary>
    /// <param name="path">The links file, plain or gzip.</param>
    /// <exception cref="InputException">The header or one of the first five rows is not in the layout.</exception>
    public static void CheckFormat(string path)
    {
        using var reader = TextFiles.Open(path);
        string? header = reader.ReadLine();
        var h = header?.Split(' ') ?? [];
        if (h.Length < 3 || h[0] != "protein1" || h[1] != "protein2" || h[^1] != "combined_score")
            throw new InputException(path, 1, $"the header '{header ?? "(end of file)"}' is not 'protein1 protein2 ... combined_score' (space-separated)", "use 9606.protein.links.v10.5.txt.gz from STRING");
        for (int i = 2; i <= 6 && reader.ReadLine() is { } line; i++)
            if (line.Split(' ').Length != h.Length || !line.StartsWith("9606.", StringComparison.Ordinal))
                throw new InputException(path, i, $"'{line}' does not have the header's {h.Length} space-separated fields of a human (9606.) pair", "use 9606.protein.links.v10.5.txt.gz");
    }

    /// <summary>
    /// Converts a STRING links file into the symbol edge list described above, written to <paramref name="outPath"/>,
    /// and records each filter and merge in <paramref name="log"/>.
    /// </summary>
    /// <param name="linksPath">The links file (space-separated, plain or gzip).</param>
    /// <param name="symbols">STRING protein id (e.g. 9606.ENSP...) -> gene symbol (<see cref="StringAliases.ReadSymbols"/>).</param>
    /// <param name="minScore">Pairs with combined_score &gt;= this are kept, 0..1000 (STRING's scale; 700 = high confidence).</param>
    /// <param name="outPath">The edge list to write, plain UTF-8 text with a <c>gene_a gene_b weight</c> header (its folder is created).</param>
    /// <param name="log">Receives the counts.</param>
    /// <exception cref="InputException">A bad header, a wrong field count, a score that is not an integer 0-1000, a
    /// broken gzip stream, no data row, or no edge left after filtering and mapping (names the line).</exception>
    public static StringNetworkSummary Convert(string linksPath, IReadOnlyDictionary<string, string> symbols, int minScore, string outPath, CountLog log)
    {
        var proteinIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = proteinIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        var proteins = new List<string>();
        // Unordered protein pair (low index << 32 | high index) -> orders seen (bit 1: low first, bit 2: high first) and score.
        var pairs = new Dictionary<long, (byte Orders, short Score, bool Mismatch)>();
        long rows = 0, kept = 0;
        int lineNo = 0, fields = 0;
        using (var reader = TextFiles.Open(linksPath))
        {
            try
            {
                string? header = reader.ReadLine();
                lineNo = 1;
                var h = header?.Split(' ') ?? [];
                if (h.Length < 3 || h[0] != "protein1" || h[1] != "protein2" || h[^1] != "combined_score")
                    throw new InputException(linksPath, 1, $"the header '{header ?? "(end of file)"}' is not 'protein1 protein2 ... combined_score'", "use the STRING protein.links file");
                fields = h.Length;
                for (string? line; (line = reader.ReadLine()) is not null;)
                {
                    lineNo++;
                    if (line.Length == 0) continue;
                    var span = line.AsSpan();
                    if (span.Count(' ') != fields - 1)
                        throw new InputException(linksPath, lineNo, $"{span.Count(' ') + 1} space-separated fields where the header has {fields} ('{Show(line)}')", "re-download the file (truncated?)");
                    rows++;
                    int last = span.LastIndexOf(' ');
                    if (!int.TryParse(span[(last + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int score) || score > 1000)
                        throw new InputException(linksPath, lineNo, $"combined_score '{span[(last + 1)..].ToString()}' is not an integer 0-1000", "re-download the file");
                    if (score < minScore) continue;
                    kept++;
                    int s1 = span.IndexOf(' ');
                    int s2 = s1 + 1 + span[(s1 + 1)..].IndexOf(' ');
                    int a = Index(span[..s1]), b = Index(span[(s1 + 1)..s2]);
                    if (a == b) continue; // STRING has no self-pairs; a stray one would only add a self-loop.
                    long key = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
                    byte order = a < b ? (byte)1 : (byte)2;
                    if (pairs.TryGetValue(key, out var p))
                        pairs[key] = ((byte)(p.Orders | order), Math.Max(p.Score, (short)score), p.Mismatch || p.Score != score);
                    else pairs[key] = (order, (short)score, false);
                }
            }
            catch (InvalidDataException e)
            {
                throw new InputException(linksPath, lineNo, $"not a valid gzip stream ({e.Message})", "re-download the file; it is truncated or not gzip");
            }
        }
        if (rows == 0) throw new InputException(linksPath, lineNo, "no data rows", "re-download the file");

        int Index(ReadOnlySpan<char> id)
        {
            if (lookup.TryGetValue(id, out int i)) return i;
            string s = id.ToString();
            proteinIndex[s] = proteins.Count;
            proteins.Add(s);
            return proteins.Count - 1;
        }

        // Map proteins to symbols.
        var symbolOf = new string?[proteins.Count];
        for (int i = 0; i < proteins.Count; i++) symbolOf[i] = symbols.TryGetValue(proteins[i], out var sym) ? sym : null;

        int oneOrder = 0, mismatch = 0, atThreshold = 0, unmappedPairs = 0, selfLoops = 0;
        var unmapped = new HashSet<int>();
        var edges = new Dictionary<(string, string), (int Score, int Pairs)>();
        var proteinsOfSymbol = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var (key, p) in pairs)
        {
            int a = (int)(key >> 32), b = (int)(key & 0xFFFFFFFF);
            if (p.Orders != 3) oneOrder++;
            if (p.Mismatch) mismatch++;
            if (p.Score == minScore) atThreshold++;
            string? sa = symbolOf[a], sb = symbolOf[b];
            if (sa is null || sb is null)
            {
                unmappedPairs++;
                if (sa is null) unmapped.Add(a);
                if (sb is null) unmapped.Add(b);
                continue;
            }
            if (sa == sb) { selfLoops++; continue; }
            Add(sa, a);
            Add(sb, b);
            var edge = string.CompareOrdinal(sa, sb) < 0 ? (sa, sb) : (sb, sa);
            edges[edge] = edges.TryGetValue(edge, out var e) ? (Math.Max(e.Score, p.Score), e.Pairs + 1) : (p.Score, 1);
        }

        void Add(string symbol, int protein)
        {
            if (!proteinsOfSymbol.TryGetValue(symbol, out var set)) proteinsOfSymbol[symbol] = set = [];
            set.Add(protein);
        }

        var ordered = edges.OrderBy(e => e.Key.Item1, StringComparer.Ordinal).ThenBy(e => e.Key.Item2, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
            throw new InputException(linksPath, 0, $"no edge is left after the combined_score >= {minScore} filter and the symbol mapping", "check the aliases file belongs to the same STRING version");
        var text = new StringBuilder(ordered.Count * 24);
        text.Append("gene_a\tgene_b\tweight\n");
        foreach (var (edge, value) in ordered)
            text.Append(edge.Item1).Append('\t').Append(edge.Item2).Append('\t').Append(value.Score.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        File.WriteAllText(outPath, text.ToString(), new UTF8Encoding(false));

        int merged = edges.Values.Count(v => v.Pairs > 1);
        int severalProteins = proteinsOfSymbol.Values.Count(s => s.Count > 1);
        int genes = proteinsOfSymbol.Count;
        int edgesAtThreshold = edges.Values.Count(v => v.Score == minScore);
        var summary = new StringNetworkSummary(rows, kept, pairs.Count, oneOrder, mismatch, atThreshold, unmappedPairs, unmapped.Count, selfLoops,
            merged, severalProteins, ordered.Count, genes, edgesAtThreshold);

        string file = Path.GetFileName(linksPath);
        log.Record($"{file}: combined_score >= {minScore}", (int)Math.Min(rows, int.MaxValue), (int)Math.Min(kept, int.MaxValue),
            $"rows (each pair in both orders); {atThreshold} protein pair(s) score exactly {minScore} (kept by >=, dropped by >)");
        log.Record($"{file}: both orders merged", (int)Math.Min(kept, int.MaxValue), pairs.Count,
            $"distinct unordered protein pairs; {oneOrder} listed in one order only; {mismatch} with different scores in the two orders (highest kept)");
        log.Record($"{file}: both proteins mapped to a symbol", pairs.Count, pairs.Count - unmappedPairs,
            $"{unmappedPairs} pair(s) dropped: {unmapped.Count} distinct protein(s) without a symbol");
        log.Record($"{file}: no self-loop after mapping", pairs.Count - unmappedPairs, pairs.Count - unmappedPairs - selfLoops,
            $"{selfLoops} pair(s) of two proteins of one symbol dropped");
        log.Record($"{file}: one edge per symbol pair", pairs.Count - unmappedPairs - selfLoops, ordered.Count,
            $"{merged} symbol pair(s) made from several protein pairs (highest score kept); {severalProteins} symbol(s) carry more than one protein");
        log.Record($"{file}: genes", proteins.Count, genes, $"distinct symbols with an edge; {edgesAtThreshold} edge(s) whose best score is exactly {minScore}");
        return summary;
    }

    private static string Show(string line) => line.Length <= 80 ? line : line[..77] + "...";
}
