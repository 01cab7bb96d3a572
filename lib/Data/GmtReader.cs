using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// Reads a GMT gene-set file (one set per line, tab-separated) into <see cref="GeneSet"/> records, in file order,
/// under a named <see cref="GmtLayout"/>.
/// <para>Rules, each applied with a count in the <see cref="CountLog"/>:</para>
/// <list type="bullet">
/// <item>A trailing carriage return (CRLF files) is removed; blank lines are skipped.</item>
/// <item>Fields are trimmed of surrounding spaces; empty gene fields (double or trailing tabs) are skipped.</item>
/// <item>A gene listed twice in one set is kept once, at its first position.</item>
/// <item>A set with no genes (after the layout is applied) is dropped: no method can score it.</item>
/// <item>An empty set name, a duplicated set name, or a <see cref="GmtLayout.Standard"/> line without a description
/// field are errors (<see cref="InputException"/>): gseapy would silently keep the last of two equal names.</item>
/// <item>A file with no set left is an error.</item>
/// </list>
/// Reading a no-description file with <see cref="GmtLayout.Standard"/> reproduces gseapy 0.9's loss of each set's first
/// gene; when most "descriptions" also occur as genes elsewhere in the file, the log gets a note saying so.
/// </summary>
public static class GmtReader
{
    /// <summary>Reads the GMT file at <paramref name="path"/>.</summary>
    /// <param name="path">The GMT file.</param>
    /// <param name="layout">Which fields hold the name, description and genes.</param>
    /// <param name="log">Receives the counts of every rule; null for none.</param>
    /// <returns>The sets with at least one gene, in file order.</returns>
    /// <exception cref="InputException">The file is missing, or breaks a rule above (names the line).</exception>
    public static IReadOnlyList<GeneSet> Read(string path, GmtLayout layout, CountLog? log = null)
    {
        if (!File.Exists(path))
            throw new InputException(path, 0, "GMT file not found", "check the path (mirror files sit under the data mirror's pathways/ folder)");
        using var reader = new StreamReader(path);
        return Parse(reader, path, layout, log);
    }

    /// <summary>Parses GMT text; <paramref name="fileName"/> is only used in messages.</summary>
    /// <param name="reader">The GMT text.</param>
    /// <param name="fileName">The name used in messages.</param>
    /// <param name="layout">Which fields hold the name, description and genes.</param>
    /// <param name="log">Receives the counts of every rule; null for none.</param>
    /// <exception cref="InputException">A rule above is broken (names the line).</exception>
    public static IReadOnlyList<GeneSet> Parse(TextReader reader, string fileName, GmtLayout layout, CountLog? log = null)
    {
        log ??= CountLog.Silent;
        int firstGeneField = layout switch
        {
            GmtLayout.Standard => 2,
            GmtLayout.NoDescription => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(layout)),
        };
        var sets = new List<GeneSet>();
        var lineOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        int lines = 0, blank = 0, emptyGeneFields = 0, duplicatedGenes = 0, genesRead = 0, emptySets = 0;
        var emptySetExamples = new List<string>();
        string? text;
        int lineNo = 0;
        while ((text = reader.ReadLine()) is not null)
        {
            lineNo++;
            text = text.TrimEnd('\r');
            if (text.Trim().Length == 0) { blank++; continue; }
            lines++;
            var fields = text.Split('\t');
            var name = fields[0].Trim(' ');
            if (name.Length == 0)
                throw new InputException(fileName, lineNo, "empty gene-set name in field 1", "give every line a set name before the first tab");
            if (lineOfName.TryGetValue(name, out var earlier))
                throw new InputException(fileName, lineNo, $"gene-set name '{name}' already used on line {earlier}",
                    "make set names unique (or remove the duplicated line): a duplicated name would make scores ambiguous");
            lineOfName[name] = lineNo;
            if (layout == GmtLayout.Standard && fields.Length < 2)
                throw new InputException(fileName, lineNo, $"set '{name}' has no description field (GmtLayout.Standard expects name, description, genes)",
                    "read the file with GmtLayout.NoDescription if it has no description column");
            string? description = layout == GmtLayout.Standard && fields[1].Trim(' ').Length > 0 ? fields[1].Trim(' ') : null;

            var genes = new List<string>(Math.Max(0, fields.Length - firstGeneField));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int f = firstGeneField; f < fields.Length; f++)
            {
                var gene = fields[f].Trim(' ');
                if (gene.Length == 0) { emptyGeneFields++; continue; }
                genesRead++;
                if (!seen.Add(gene)) { duplicatedGenes++; continue; }
                genes.Add(gene);
            }
            if (genes.Count == 0)
            {
                emptySets++;
                if (emptySetExamples.Count < 3) emptySetExamples.Add(name);
                continue;
            }
            sets.Add(new GeneSet(name, description, genes));
        }

        if (blank > 0) log.Note("gmt", $"{fileName}: {blank} blank lines skipped");
        if (emptyGeneFields > 0) log.Note("gmt", $"{fileName}: {emptyGeneFields} empty gene fields (double or trailing tabs) skipped");
        log.Record("gmt: genes within sets", genesRead, genesRead - duplicatedGenes, "a gene listed twice in one set is kept once");
        log.Record("gmt: sets with at least one gene", lines, sets.Count,
            $"sets with no gene dropped{(emptySets > 0 ? $" (e.g. {string.Join(", ", emptySetExamples)})" : "")}");
        if (sets.Count == 0)
            throw new InputException(fileName, 0, $"no gene set with genes ({lines} lines read, layout {layout})",
                layout == GmtLayout.Standard ? "check the file is a GMT; if it has no description column use GmtLayout.NoDescription" : "check the file is a GMT (name<TAB>gene<TAB>gene...)");
        if (layout == GmtLayout.Standard) NoteDescriptionsThatLookLikeGenes(sets, fileName, log);
        return sets;
    }

    // A file without a description column read as Standard turns each set's first gene into its "description": those
    // then mostly also occur as genes in other sets. Say so, without guessing the layout for the caller.
    private static void NoteDescriptionsThatLookLikeGenes(List<GeneSet> sets, string fileName, CountLog log)
    {
        var allGenes = new HashSet<string>(sets.SelectMany(s => s.Genes), StringComparer.Ordinal);
        int looksLikeGene = sets.Count(s => s.Description is { } d && allGenes.Contains(d));
        if (looksLikeGene * 2 > sets.Count)
            log.Note("gmt", $"{fileName}: {looksLikeGene} of {sets.Count} descriptions (field 2) are gene symbols found in other sets: " +
                            "the file may have no description column (GmtLayout.NoDescription); with GmtLayout.Standard each set lost its first gene, as in gseapy 0.9");
    }
}
