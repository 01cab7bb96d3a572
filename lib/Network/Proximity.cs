using System.Runtime.CompilerServices;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Network;

/// <summary>
/// Network proximity of drug targets to a gene set, the 'closest' measure of Guney et al. 2016 (Nat Commun 7:10331),
/// as the toolbox computes it (emreg00/toolbox <c>wrappers.calculate_proximity</c> and
/// <c>calculate_closest_distance</c>): d = mean over targets t of the distance from t to the nearest pathway gene, and a
/// z-score against degree-matched random target and pathway sets. d equals the toolbox's bit for bit
/// (tests/…/Golden/network/closest.tsv); the null mean and sd, drawn from another generator, agree with the toolbox's
/// within sampling error (mean within 4 sd / sqrt(n), sd within 4 standard errors of the difference; z by propagation
/// of both; Golden/network/null_stats.tsv).
/// </summary>
/// <remarks>
/// Deviations from the toolbox, none of which changes d or the null distribution: the toolbox seeds Python's generator
/// with the same seed (452456) before drawing the random target sets and again before the random pathway sets, so the
/// two series reuse one random sequence and every pathway of a drug sees the same random target sets; here each
/// (drug, pathway) pair has its own stream (<see cref="Rng.ForStream"/>) from which the target and pathway sets of each
/// randomisation are drawn in turn. Within a set the toolbox visits nodes in Python set order; here in index order.
/// </remarks>
public static class Proximity
{
    /// <summary>The toolbox's default number of randomisations.</summary>
    public const int DefaultRandomisations = 1000;

    /// <summary>
    /// The paper's cut-off: a pathway is proximal to a drug when z &lt;= -1.2816, the one-sided 10% quantile of the
    /// standard normal.
    /// </summary>
    public const double ProximalZ = -1.2816;

    /// <summary>
    /// The closest distance d_c(T, S) = mean over t in T of min over s in S of dist(t, s), after intersecting both
    /// sets with the network (duplicates ignored). Asymmetric: T are the drug targets ('nodes_from').
    /// </summary>
    /// <param name="distances">All-pairs distances of the network.</param>
    /// <param name="targets">The drug's target genes; names absent from the network are ignored.</param>
    /// <param name="pathwayGenes">The pathway's genes; names absent from the network are ignored.</param>
    /// <returns>d in hops, >= 0 (0 when every target is itself a pathway gene).</returns>
    /// <exception cref="ArgumentException">No target or no pathway gene is in the network.</exception>
    public static double Closest(DistanceMatrix distances, IEnumerable<string> targets, IEnumerable<string> pathwayGenes)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var t = InNetwork(distances.Network, targets, out int tCount);
        var s = InNetwork(distances.Network, pathwayGenes, out int sCount);
        if (t.Length == 0) throw new ArgumentException($"none of the {tCount} targets is in the network", nameof(targets));
        if (s.Length == 0) throw new ArgumentException($"none of the {sCount} pathway genes is in the network", nameof(pathwayGenes));
        return Closest(distances, t, s);
    }

    /// <summary>The closest distance on node indices; both spans must hold distinct nodes.</summary>
    /// <param name="distances">All-pairs distances of the network.</param>
    /// <param name="targets">Distinct target node indices, at least one.</param>
    /// <param name="pathwayGenes">Distinct pathway node indices, at least one.</param>
    /// <exception cref="ArgumentException">Either span is empty.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Closest(DistanceMatrix distances, ReadOnlySpan<int> targets, ReadOnlySpan<int> pathwayGenes)
    {
        if (targets.IsEmpty) throw new ArgumentException("no target node", nameof(targets));
        if (pathwayGenes.IsEmpty) throw new ArgumentException("no pathway node", nameof(pathwayGenes));
        // Integer sum, then one division: the same double numpy.mean gives for these small integers.
        long sum = 0;
        foreach (int t in targets)
        {
            var row = distances.Row(t);
            int min = int.MaxValue;
            foreach (int s in pathwayGenes)
            {
                int d = row[s];
                if (d < min) { min = d; if (d == 0) break; }
            }
            sum += min;
        }
        return (double)sum / targets.Length;
    }

    /// <summary>
    /// Proximity of one target set to one pathway with its z-score: d, then <paramref name="nRandom"/> degree-matched
    /// random (target set, pathway set) pairs drawn from <paramref name="rng"/>; Z = (d - mean) / sd with the
    /// population sd, 0 when sd = 0. A pair with no target or no pathway gene in the network gets NaN statistics.
    /// </summary>
    /// <param name="context">The network's distances and degree bins.</param>
    /// <param name="drug">Drug name, copied into the result.</param>
    /// <param name="targets">The drug's target genes (absent and duplicated names ignored).</param>
    /// <param name="pathway">The gene set (absent and duplicated genes ignored).</param>
    /// <param name="nRandom">Randomisations, >= 1 (the toolbox's 1000).</param>
    /// <param name="rng">The stream the random sets are drawn from (<see cref="ForDrug"/> uses <c>Rng.ForStream(seed, drug, pathway)</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="nRandom"/> &lt; 1, or a node alone in its degree bin.</exception>
    public static ProximityResult ZScore(ProximityContext context, string drug, IEnumerable<string> targets, GeneSet pathway, int nRandom, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pathway);
        ArgumentNullException.ThrowIfNull(rng);
        CheckRandomisations(nRandom);
        var t = InNetwork(context.Network, targets, out _);
        var s = InNetwork(context.Network, pathway.Genes, out _);
        return Compute(context, drug, pathway.Name, t, s, nRandom, rng);
    }

    /// <summary>
    /// Proximity of one drug's targets to every pathway, in parallel over pathways. Pathway p draws from
    /// <c>Rng.ForStream(seed, drug, p.Name)</c>, so the results do not depend on the number of threads or on the order
    /// of the pathways. Targets and pathway genes absent from the network are dropped and counted in
    /// <paramref name="log"/>; pathways left without a gene (or a drug without a target) in the network are returned
    /// with NaN statistics, in input order.
    /// </summary>
    /// <param name="context">The network's distances and degree bins.</param>
    /// <param name="drug">Drug name (non-blank; part of each random stream's ID).</param>
    /// <param name="targets">The drug's target genes.</param>
    /// <param name="pathways">Gene sets with unique names (each name is part of a random stream's ID).</param>
    /// <param name="nRandom">Randomisations per pathway, >= 1 (the toolbox's 1000).</param>
    /// <param name="seed">The run seed.</param>
    /// <param name="log">Receives the target and pathway-gene counts before and after intersecting with the network.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores (the results do not depend on it).</param>
    /// <returns>One result per pathway, in the order of <paramref name="pathways"/>.</returns>
    /// <exception cref="ArgumentException">Duplicated pathway names, an empty drug name or nRandom &lt; 1.</exception>
    public static IReadOnlyList<ProximityResult> ForDrug(
        ProximityContext context, string drug, IReadOnlyList<string> targets, IReadOnlyList<GeneSet> pathways,
        int nRandom, ulong seed, CountLog log, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(pathways);
        ArgumentNullException.ThrowIfNull(log);
        if (string.IsNullOrWhiteSpace(drug)) throw new ArgumentException("the drug name is empty", nameof(drug));
        CheckRandomisations(nRandom);
        var duplicated = pathways.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        if (duplicated.Count > 0)
            throw new ArgumentException($"pathway names must be unique (each names a random stream): {string.Join(", ", duplicated.Take(5))}", nameof(pathways));

        var t = InNetwork(context.Network, targets, out int distinctTargets);
        log.Record($"proximity {drug}: targets", distinctTargets, t.Length, "targets absent from the network dropped");
        if (t.Length == 0) log.Note($"proximity {drug}: targets", "no target in the network: every pathway gets NaN d and z");

        var genes = new int[pathways.Count][];
        int genesBefore = 0, genesAfter = 0, withGenes = 0;
        for (int p = 0; p < pathways.Count; p++)
        {
            genes[p] = InNetwork(context.Network, pathways[p].Genes, out int distinct);
            genesBefore += distinct;
            genesAfter += genes[p].Length;
            if (genes[p].Length > 0) withGenes++;
        }
        log.Record($"proximity {drug}: pathway genes", genesBefore, genesAfter, $"pathway genes absent from the network dropped (summed over {pathways.Count} pathways)");
        log.Record($"proximity {drug}: pathways with a gene in the network", pathways.Count, withGenes, "pathways with no gene in the network are kept with NaN d and z");

        var results = new ProximityResult[pathways.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, pathways.Count, options, p =>
            results[p] = Compute(context, drug, pathways[p].Name, t, genes[p], nRandom, Rng.ForStream(seed, drug, pathways[p].Name)));
        return results;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ProximityResult Compute(ProximityContext context, string drug, string pathway, int[] targets, int[] genes, int nRandom, Rng rng)
    {
        if (targets.Length == 0 || genes.Length == 0)
            return new ProximityResult(drug, pathway, targets.Length, genes.Length, double.NaN, double.NaN, double.NaN, double.NaN, 0);

        double d = Closest(context.Distances, targets, genes);
        var targetSampler = new MatchedSetSampler(context.Bins, targets);
        var geneSampler = new MatchedSetSampler(context.Bins, genes);
        var mark = new int[context.Network.NodeCount];
        var randomTargets = new int[targets.Length];
        var randomGenes = new int[genes.Length];
        var values = new double[nRandom];
        int stamp = 0;
        for (int i = 0; i < nRandom; i++)
        {
            int nt = targetSampler.Draw(rng, randomTargets, mark, ++stamp);
            int ns = geneSampler.Draw(rng, randomGenes, mark, ++stamp);
            values[i] = Closest(context.Distances, randomTargets.AsSpan(0, nt), randomGenes.AsSpan(0, ns));
        }
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values) { sum += v; min = Math.Min(min, v); max = Math.Max(max, v); }
        double mean = sum / nRandom;
        double squares = 0;
        foreach (var v in values) squares += (v - mean) * (v - mean);
        // A constant null has sd 0 exactly (z = 0), not the rounding residue of summing 1000 copies of e.g. 7/3.
        double sd = min == max ? 0.0 : Math.Sqrt(squares / nRandom);
        double z = sd == 0 ? 0.0 : (d - mean) / sd;
        return new ProximityResult(drug, pathway, targets.Length, genes.Length, d, mean, sd, z, nRandom);
    }

    private static void CheckRandomisations(int nRandom)
    {
        if (nRandom < 1) throw new ArgumentException($"nRandom must be at least 1, got {nRandom}", nameof(nRandom));
    }

    /// <summary>Distinct names that are network nodes, as ascending indices; <paramref name="distinct"/> counts the distinct names given.</summary>
    private static int[] InNetwork(Interactome network, IEnumerable<string> names, out int distinct)
    {
        ArgumentNullException.ThrowIfNull(names);
        var unique = new HashSet<string>(names, StringComparer.Ordinal);
        distinct = unique.Count;
        var idx = new List<int>(unique.Count);
        foreach (var name in unique)
            if (network.IndexOf(name) is var i and >= 0) idx.Add(i);
        idx.Sort();
        return idx.ToArray();
    }
}
