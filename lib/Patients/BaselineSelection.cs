using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Network;

namespace OrganoidBiomarkers.Patients;

/// <summary>Which genes make up a drug's first-neighbour neighbourhood.</summary>
public enum Neighbourhood
{
    /// <summary>The targets and every gene one edge away from a target (network distance &lt;= 1).</summary>
    TargetsAndNeighbours,
    /// <summary>Only the genes one edge away from a target (the targets themselves excluded unless adjacent to another target).</summary>
    NeighboursOnly,
}

/// <summary>A first-neighbour selection: the targets found in the network, the neighbourhood genes, and the pathways selected.</summary>
/// <param name="TargetsInNetwork">Drug targets that are nodes of the network, in ordinal order.</param>
/// <param name="TargetsNotInNetwork">Drug targets absent from the network (they contribute no neighbours), in ordinal order.</param>
/// <param name="NeighbourhoodGenes">The genes of the <see cref="Neighbourhood"/> rule, in ordinal order.</param>
/// <param name="Pathways">Candidate pathways with at least one neighbourhood gene, in ordinal order.</param>
public sealed record FirstNeighbourSelection(
    IReadOnlyList<string> TargetsInNetwork,
    IReadOnlyList<string> TargetsNotInNetwork,
    IReadOnlyList<string> NeighbourhoodGenes,
    IReadOnlyList<string> Pathways);

/// <summary>One candidate pathway's Pearson correlation between organoid NES and ln IC50.</summary>
/// <param name="Pathway">The pathway's name.</param>
/// <param name="R">Pearson r in [-1, 1] across the training organoids.</param>
public sealed record PathwayCorrelation(string Pathway, double R)
{
    /// <summary>|r|, the ranking key of <see cref="BaselineSelection.ResponseCorrelations"/>.</summary>
    public double AbsoluteR => Math.Abs(R);
}

/// <summary>
/// Feature sets of the baselines the paper compares network proximity with, each selected among candidate pathways
/// (those scored in the organoids): pathways holding a drug target's first network neighbours, and pathways most
/// correlated with the organoids' response. All outputs are in ordinal name order, whatever the input order.
/// </summary>
public static class BaselineSelection
{
    /// <summary>
    /// Pathways (among <paramref name="candidates"/>) with at least one gene in the targets' neighbourhood on the
    /// undirected graph <paramref name="edges"/> (self-loops ignored; the whole graph, not only its largest component,
    /// since a first neighbour needs no path beyond one edge).
    /// </summary>
    /// <param name="targets">The drug's target genes (at least one).</param>
    /// <param name="sets">The pathway gene sets (e.g. the 674 Reactome pathways).</param>
    /// <param name="candidates">The pathways that may be selected (those scored in the organoids).</param>
    /// <param name="rule">Whether the targets themselves belong to the neighbourhood.</param>
    /// <param name="log">Receives the selection's count (candidates before, pathways selected after).</param>
    /// <param name="edges">The network's undirected edges as gene-symbol pairs.</param>
    /// <exception cref="ArgumentException">An unknown rule, no target, a network without edges, or no target with an edge.</exception>
    public static FirstNeighbourSelection FirstNeighbourPathways(
        IReadOnlyCollection<string> targets, IEnumerable<(string A, string B)> edges, IReadOnlyList<GeneSet> sets,
        IReadOnlyCollection<string> candidates, Neighbourhood rule, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(log);
        if (!Enum.IsDefined(rule)) throw new ArgumentException($"unknown rule {rule}", nameof(rule));
        if (targets.Count == 0) throw new ArgumentException("no drug targets given", nameof(targets));
        var targetSet = new HashSet<string>(targets, StringComparer.Ordinal);
        var inNetwork = new HashSet<string>(StringComparer.Ordinal);
        var neighbours = new HashSet<string>(StringComparer.Ordinal);
        int edgeCount = 0;
        foreach (var (a, b) in edges)
        {
            edgeCount++;
            if (string.Equals(a, b, StringComparison.Ordinal)) continue;
            if (targetSet.Contains(a)) { inNetwork.Add(a); neighbours.Add(b); }
            if (targetSet.Contains(b)) { inNetwork.Add(b); neighbours.Add(a); }
        }
        if (edgeCount == 0) throw new ArgumentException("the network has no edges", nameof(edges));
        var genes = new HashSet<string>(neighbours, StringComparer.Ordinal);
        if (rule == Neighbourhood.TargetsAndNeighbours) genes.UnionWith(inNetwork);
        var missing = targetSet.Where(t => !inNetwork.Contains(t)).Order(StringComparer.Ordinal).ToArray();
        if (inNetwork.Count == 0)
            throw new ArgumentException($"none of the targets ({string.Join(", ", targetSet.Order(StringComparer.Ordinal))}) has an edge in the network");

        var candidateSet = new HashSet<string>(candidates, StringComparer.Ordinal);
        var selected = sets.Where(s => candidateSet.Contains(s.Name) && s.Genes.Any(g => genes.Contains(g)))
            .Select(s => s.Name).Order(StringComparer.Ordinal).ToArray();
        log.Record("first-neighbour pathways", candidateSet.Count, selected.Length,
            $"{inNetwork.Count} of {targetSet.Count} target(s) in the network{(missing.Length > 0 ? $" (not: {string.Join(", ", missing)})" : "")}; " +
            $"{genes.Count} neighbourhood gene(s) ({rule}); candidate pathways holding one of them kept");
        return new FirstNeighbourSelection(inNetwork.Order(StringComparer.Ordinal).ToArray(), missing, genes.Order(StringComparer.Ordinal).ToArray(), selected);
    }

    /// <summary>
    /// <see cref="FirstNeighbourPathways(IReadOnlyCollection{string}, IEnumerable{ValueTuple{string, string}}, IReadOnlyList{GeneSet}, IReadOnlyCollection{string}, Neighbourhood, CountLog)"/>
    /// on an <see cref="Interactome"/> (the largest connected component the proximity of stage 03 is measured on).
    /// </summary>
    /// <param name="targets">The drug's target genes (at least one).</param>
    /// <param name="sets">The pathway gene sets (e.g. the 674 Reactome pathways).</param>
    /// <param name="candidates">The pathways that may be selected (those scored in the organoids).</param>
    /// <param name="rule">Whether the targets themselves belong to the neighbourhood.</param>
    /// <param name="log">Receives the selection's count (candidates before, pathways selected after).</param>
    /// <param name="network">The interactome whose edges are used.</param>
    public static FirstNeighbourSelection FirstNeighbourPathways(
        IReadOnlyCollection<string> targets, Interactome network, IReadOnlyList<GeneSet> sets,
        IReadOnlyCollection<string> candidates, Neighbourhood rule, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(network);
        return FirstNeighbourPathways(targets, network.Edges(), sets, candidates, rule, log);
    }

    /// <summary>
    /// Every candidate pathway's Pearson r between its organoid score and the response (ln IC50) over the organoids of
    /// <paramref name="organoidScores"/> that have a response, ordered by |r| descending, ties by name (ordinal).
    /// Candidates the organoids do not score, and pathways constant over the organoids (r undefined), are left out.
    /// </summary>
    /// <param name="organoidScores">Pathway scores (NES) of the training organoids.</param>
    /// <param name="response">Organoid -> response (ln IC50); organoids without one are left out.</param>
    /// <param name="candidates">The pathways to correlate (duplicates ignored).</param>
    /// <exception cref="ArgumentException">Fewer than 3 organoids have both scores and a response.</exception>
    public static IReadOnlyList<PathwayCorrelation> ResponseCorrelations(PathwayScores organoidScores, IReadOnlyDictionary<string, double> response,
        IReadOnlyCollection<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(organoidScores);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(candidates);
        var organoids = organoidScores.Samples.Where(response.ContainsKey).ToArray();
        if (organoids.Length < 3) throw new ArgumentException($"{organoids.Length} organoid(s) with scores and a response: a correlation needs at least 3");
        var y = organoids.Select(o => response[o]).ToArray();
        var result = new List<PathwayCorrelation>();
        foreach (var p in candidates.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            int row = organoidScores.PathwayIndex(p);
            if (row < 0) continue;
            var v = organoids.Select(o => organoidScores.Values[row, organoidScores.SampleIndex(o)]).ToArray();
            double r = Pearson(v, y);
            if (double.IsFinite(r)) result.Add(new PathwayCorrelation(p, r));
        }
        result.Sort((a, b) =>
        {
            int c = b.AbsoluteR.CompareTo(a.AbsoluteR);
            return c != 0 ? c : StringComparer.Ordinal.Compare(a.Pathway, b.Pathway);
        });
        return result;
    }

    /// <summary>The <paramref name="count"/> candidates most correlated with the response (<see cref="ResponseCorrelations"/>), in name order.</summary>
    /// <param name="organoidScores">Pathway scores (NES) of the training organoids.</param>
    /// <param name="response">Organoid -> response (ln IC50).</param>
    /// <param name="candidates">The pathways to choose among.</param>
    /// <param name="count">Pathways to select, &gt;= 1 (the network selection's size, for a like-for-like baseline).</param>
    /// <exception cref="ArgumentException"><paramref name="count"/> &lt; 1, fewer candidates with a defined correlation
    /// than requested, or fewer than 3 organoids.</exception>
    public static IReadOnlyList<string> ByResponseCorrelation(PathwayScores organoidScores, IReadOnlyDictionary<string, double> response,
        IReadOnlyCollection<string> candidates, int count)
    {
        if (count < 1) throw new ArgumentException($"count must be at least 1, got {count}", nameof(count));
        var ranked = ResponseCorrelations(organoidScores, response, candidates);
        if (ranked.Count < count) throw new ArgumentException($"only {ranked.Count} candidate pathways have a defined correlation, {count} requested");
        return ranked.Take(count).Select(c => c.Pathway).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Pearson r (<see cref="Correlation.Pearson"/>); NaN when either vector is constant.</summary>
    internal static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count < 2) throw new ArgumentException("correlation needs at least 2 values");
        // Constancy is tested exactly: the computed mean of equal values can be an ulp off them, leaving a spurious
        // tiny variance and a meaningless r.
        if (x.All(v => v == x[0]) || y.All(v => v == y[0])) return double.NaN;
        return Correlation.Pearson(x, y);
    }
}
