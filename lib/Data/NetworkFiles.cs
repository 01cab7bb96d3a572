using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// Readers for interactome edge lists. They return the edges as written (self-loops and duplicates included);
/// <c>Network.Interactome.FromEdges</c> (a later stage)
/// simplifies them and reports the counts. Any malformed line stops the read with an <see cref="InputException"/>.
/// </summary>
public static class NetworkFiles
{
    /// <summary>
    /// A tab-separated edge list with a header naming <c>gene_a</c> and <c>gene_b</c> (e.g. the STRING export
    /// <c>gene_a gene_b weight</c>). Other columns are checked for field count only, except <c>weight</c>, which must
    /// be a finite number (it is not used: proximity distances are unweighted, but a non-number there means shifted
    /// columns). Blank lines are skipped.
    /// </summary>
    /// <param name="path">The edge table.</param>
    /// <returns>(gene_a, gene_b) per line in file order, names trimmed.</returns>
    /// <exception cref="InputException">The file is missing or empty, the header lacks gene_a or gene_b, a line has
    /// another field count, an empty node name, a non-numeric weight, or no edge at all (names the line).</exception>
    public static IReadOnlyList<(string A, string B)> ReadEdgeTable(string path)
    {
        var edges = new List<(string A, string B)>();
        int lineNo = 0;
        string[]? header = null;
        int ia = -1, ib = -1, iw = -1;
        foreach (var line in ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split('\t');
            if (header is null)
            {
                header = fields;
                ia = Array.IndexOf(header, "gene_a");
                ib = Array.IndexOf(header, "gene_b");
                iw = Array.IndexOf(header, "weight");
                if (ia < 0 || ib < 0)
                    throw new InputException(path, lineNo, $"the header '{Show(line)}' lacks the column {(ia < 0 ? "gene_a" : "gene_b")}",
                        "give a tab-separated header naming the two node columns gene_a and gene_b");
                continue;
            }
            if (fields.Length != header.Length)
                throw new InputException(path, lineNo, $"{fields.Length} tab-separated fields where the header has {header.Length} ('{Show(line)}')",
                    "check for a truncated file or a missing/extra tab on this line");
            string a = fields[ia].Trim(), b = fields[ib].Trim();
            if (a.Length == 0 || b.Length == 0)
                throw new InputException(path, lineNo, "an empty node name", "every edge needs both gene_a and gene_b");
            if (iw >= 0 && !(double.TryParse(fields[iw], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && double.IsFinite(w)))
                throw new InputException(path, lineNo, $"weight '{fields[iw]}' is not a finite number",
                    "check the columns are not shifted (the weight itself is not used)");
            edges.Add((a, b));
        }
        if (header is null) throw new InputException(path, 0, "the file is empty", "give a header line (gene_a, gene_b, ...) and one edge per line");
        if (edges.Count == 0) throw new InputException(path, 0, "the file has a header but no edge", "check the file was written completely");
        return edges;
    }

    /// <summary>
    /// A SIF edge list: one edge per line, <c>A &lt;interaction type&gt; B</c>, separated by any whitespace, no header
    /// (e.g. the Menche 2015 interactome <c>entrezA 1 entrezB</c>). The interaction type is ignored. Blank lines are
    /// skipped; a line with other than three fields is an error (the toolbox silently skipped such lines).
    /// </summary>
    /// <param name="path">The SIF file.</param>
    /// <returns>(first, third field) per line in file order.</returns>
    /// <exception cref="InputException">The file is missing or empty, or a line has other than three fields (names the line).</exception>
    public static IReadOnlyList<(string A, string B)> ReadSif(string path)
    {
        var edges = new List<(string A, string B)>();
        int lineNo = 0;
        bool anyLine = false;
        foreach (var line in ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            anyLine = true;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 3)
                throw new InputException(path, lineNo, $"{fields.Length} whitespace-separated fields where SIF has 3 ('{Show(line)}')",
                    "write each edge as 'nodeA interactionType nodeB' (check for a truncated file)");
            edges.Add((fields[0], fields[2]));
        }
        if (!anyLine) throw new InputException(path, 0, "the file is empty", "give one edge per line as 'nodeA interactionType nodeB'");
        return edges;
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new InputException(path, 0, "the file does not exist", "check the path (or the data mirror location)");
        return File.ReadLines(path);
    }

    private static string Show(string line) => line.Length <= 80 ? line : line[..77] + "...";
}
