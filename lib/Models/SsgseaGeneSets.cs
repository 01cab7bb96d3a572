using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Models;

/// <summary>
/// The gene sets an ssGSEA run scores under a <see cref="GeneSetConvention"/>, from sets read with
/// <see cref="Data.GmtLayout.NoDescription"/> (every gene kept).
/// <para>
/// Why the authors' loss needs the expression matrix: the authors first restricted their Reactome GMT to the genes
/// measured in the organoids (their gseapy_input_reactome.gmt, no description column) and only then did gseapy 0.9
/// take field 2 as a description. The gene lost is therefore each set's first MEASURED gene, not the first gene of
/// the original file: reading the original file with <see cref="Data.GmtLayout.Standard"/> loses a different gene
/// whenever the first listed gene is not measured (282 of the 674 Reactome sets on the organoid arrays) and keeps
/// 627 scorable sets instead of the authors' 612.
/// </para>
/// </summary>
public static class SsgseaGeneSets
{
    /// <summary>"authors" or "corrected" (the run parameter <c>gmt</c>), case-insensitive.</summary>
    public static GeneSetConvention ParseConvention(string value) => value?.Trim().ToLowerInvariant() switch
    {
        "authors" => GeneSetConvention.Authors,
        "corrected" => GeneSetConvention.Corrected,
        _ => throw new ArgumentException($"unknown gene-set convention '{value}': use 'authors' (the authors' first-gene loss, for parity) or 'corrected' (every gene)", nameof(value)),
    };

    /// <summary>
    /// The sets to score on <paramref name="expression"/>. <see cref="GeneSetConvention.Corrected"/> returns the input
    /// sets unchanged (ssGSEA itself ignores unmeasured genes). <see cref="GeneSetConvention.Authors"/> restricts each
    /// set to measured genes in its own order, drops sets with none, then drops each set's first remaining gene and
    /// the sets this empties, logging each count. Set order is kept.
    /// </summary>
    public static IReadOnlyList<GeneSet> Prepare(IReadOnlyList<GeneSet> sets, ExpressionMatrix expression, GeneSetConvention convention, CountLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(expression);
        log ??= CountLog.Silent;
        if (sets.Count == 0) throw new ArgumentException("no gene sets given", nameof(sets));
        switch (convention)
        {
            case GeneSetConvention.Corrected:
                return sets;
            case GeneSetConvention.Authors:
                var measured = new List<GeneSet>(sets.Count);
                foreach (var set in sets)
                {
                    var genes = set.Genes.Where(expression.HasGene).ToArray();
                    if (genes.Length > 0) measured.Add(set with { Genes = genes });
                }
                log.Record("gene sets (authors): with a measured gene", sets.Count, measured.Count,
                    $"each set restricted to the {expression.GeneCount} measured genes, in file order; sets with none dropped (the authors' gseapy input file)");
                if (measured.Count == 0)
                    throw new ArgumentException(
                        $"none of the {sets.Count} gene sets has a gene among the {expression.GeneCount} measured genes (e.g. set genes {string.Join(", ", sets.SelectMany(s => s.Genes).Take(3))}; " +
                        $"measured {string.Join(", ", expression.Genes.Take(3))}): check both use gene symbols", nameof(sets));
                var kept = measured.Where(s => s.Genes.Count > 1).Select(s => s with { Description = s.Genes[0], Genes = s.Genes.Skip(1).ToArray() }).ToList();
                log.Record("gene sets (authors): after gseapy 0.9's first-gene loss", measured.Count, kept.Count,
                    "the first measured gene of each set is read as a description (no description column) and lost; sets left empty dropped");
                if (kept.Count == 0) throw new ArgumentException("no gene set keeps a gene after the first-gene loss", nameof(sets));
                return kept;
            default:
                throw new ArgumentOutOfRangeException(nameof(convention), convention, "unknown gene-set convention");
        }
    }
}
