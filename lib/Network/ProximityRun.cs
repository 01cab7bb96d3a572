using System.Diagnostics;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Network;

/// <summary>The interactome of a recomputed selection, as read and reduced (self-loops and duplicates dropped, largest component kept).</summary>
/// <param name="Selection">The selection's definition.</param>
/// <param name="Graph">The interactome.</param>
public sealed record SelectionNetwork(SelectionDefinition Selection, Interactome Graph);

/// <summary>One drug x pathway proximity on one selection's network (a row of proximity.tsv).</summary>
/// <param name="Selection">Selection id, e.g. "string".</param>
/// <param name="Network">Network name, e.g. "string_v10_notextmining_700".</param>
/// <param name="Result">d, null mean and sd, z.</param>
public sealed record ProximityRow(string Selection, string Network, ProximityResult Result);

/// <summary>How long one network took (all-pairs distances and degree bins, then every drug's proximity).</summary>
/// <param name="Network">Network name.</param>
/// <param name="DegreeBins">Number of degree bins (at least 100 nodes each).</param>
/// <param name="DistanceSeconds">Seconds for the distance matrix and the bins.</param>
/// <param name="ProximitySeconds">Seconds for every drug x pathway on the network.</param>
public sealed record NetworkTiming(string Network, int DegreeBins, double DistanceSeconds, double ProximitySeconds);

/// <summary>Stage 03's proximities: every row, and the time each network took.</summary>
/// <param name="Rows">Networks in selection order, then drugs in the given order, then pathways in GMT order.</param>
/// <param name="Timings">One per network.</param>
public sealed record ProximityComputation(IReadOnlyList<ProximityRow> Rows, IReadOnlyList<NetworkTiming> Timings);

/// <summary>Our z against the authors' z for one drug on one network.</summary>
/// <param name="Drug">Proximity name (pooled drug name), e.g. "FLUOROURACIL".</param>
/// <param name="Network">Network name.</param>
/// <param name="Pathways">Pathways both computed (finite z on both sides).</param>
/// <param name="Rho">Spearman rho (average ranks) of the two z over those pathways.</param>
/// <param name="Overlap">Overlap of the proximal sets (z ≤ −1.2816): authors' = A, ours = B.</param>
/// <param name="Points">(authors' z, our z) per compared pathway, pathways in ordinal order.</param>
public sealed record ProximityAgreement(string Drug, string Network, int Pathways, double Rho, SetOverlap Overlap, IReadOnlyList<(double Authors, double Ours)> Points);

/// <summary>
/// Stage 03 as a run (Guney et al. 2016 proximity, as the authors' toolbox computes it): the study's drugs, the networks
/// of its recomputed selections, the proximity of every drug to every pathway on each network, the agreement with the
/// authors' table, and the proximal pathways of every selection (the features of stages 04 and 05).
/// </summary>
public static class ProximityRun
{
    /// <summary>
    /// Manifest id of the matrix whose Hugo/Entrez pairs map an <see cref="NetworkFormat.EntrezSif"/> network's Entrez IDs
    /// to symbols (the RNAseqDB READ FPKM matrix).
    /// </summary>
    public const string EntrezMapInput = "rnaseqdb_read_fpkm";

    /// <summary>
    /// The drugs whose proximity stage 03 computes: each arm's target row (study order, distinct), or, with
    /// <paramref name="allDrugs"/>, every row of drug_drugTarget.txt (the toolbox's full table).
    /// </summary>
    /// <param name="study">The study.</param>
    /// <param name="targets">drug_drugTarget.txt (<see cref="DrugTargets.Read"/>).</param>
    /// <param name="allDrugs">True for every row (<c>--param proximity_drugs=all</c>).</param>
    /// <exception cref="ArgumentException">An arm's target row has no targets.</exception>
    public static IReadOnlyList<DrugTargetEntry> Drugs(StudyDefinition study, IReadOnlyList<DrugTargetEntry> targets, bool allDrugs) =>
        allDrugs ? targets : study.Arms.Select(a => DrugTargets.Find(targets, a.Drug.TargetRow)).DistinctBy(e => e.PooledName, StringComparer.Ordinal).ToList();

    /// <summary>The authors' proximity z table, read from the input of the study's <see cref="SelectionKind.AuthorsTable"/> selection.</summary>
    /// <param name="study">The study.</param>
    /// <param name="pathOf">Manifest id to local path.</param>
    /// <exception cref="ArgumentException">The study has no authors' table selection.</exception>
    public static AuthorsProximityTable AuthorsTable(StudyDefinition study, Func<string, string> pathOf) =>
        AuthorsProximityTable.Read(pathOf((study.Selections.FirstOrDefault(s => s.Kind == SelectionKind.AuthorsTable)
            ?? throw new ArgumentException("the study has no selection of kind AuthorsTable: stage 03 compares with the authors' z table")).Input));

    /// <summary>Reads and reduces the network of every recomputed selection, in study order (each step counted in <paramref name="log"/>).</summary>
    /// <param name="study">The study.</param>
    /// <param name="pathOf">Manifest id to local path.</param>
    /// <param name="log">Receives the counts of reading, mapping and reduction.</param>
    public static IReadOnlyList<SelectionNetwork> Networks(StudyDefinition study, Func<string, string> pathOf, CountLog log)
    {
        IReadOnlyDictionary<string, string>? entrez = null;
        return study.Selections.Where(s => s.Kind == SelectionKind.Recomputed).Select(s => new SelectionNetwork(s, s.Format switch
        {
            NetworkFormat.EdgeTable => Interactome.FromEdges(NetworkFiles.ReadEdgeTable(pathOf(s.Input)), log),
            NetworkFormat.EntrezSif => Interactome.FromEdges(NetworkFiles.ReadSif(pathOf(s.Input)), entrez ??= GeneIdMaps.ReadEntrezFromRnaseqDb(pathOf(EntrezMapInput), log), log),
            _ => throw new ArgumentException($"selection {s.Id}: a recomputed selection needs a network format (EdgeTable or EntrezSif)"),
        })).ToList();
    }

    /// <summary>For display: each network's nodes, edges, mean degree, the Reactome genes it holds, and each drug's targets in it.</summary>
    /// <param name="networks">The networks.</param>
    /// <param name="pathways">The Reactome gene sets.</param>
    /// <param name="drugs">The drugs.</param>
    public static TsvTable NetworkTable(IReadOnlyList<SelectionNetwork> networks, IReadOnlyList<GeneSet> pathways, IReadOnlyList<DrugTargetEntry> drugs)
    {
        var genes = pathways.SelectMany(p => p.Genes).Distinct(StringComparer.Ordinal).ToList();
        return TsvTable.From(networks,
            ("network", n => n.Selection.Network), ("selection", n => n.Selection.Id), ("nodes", n => n.Graph.NodeCount), ("edges", n => n.Graph.EdgeCount),
            ("mean degree", n => Math.Round(2.0 * n.Graph.EdgeCount / n.Graph.NodeCount, 2)),
            ("Reactome genes in network", n => $"{genes.Count(n.Graph.Contains)} of {genes.Count}"),
            ("targets in network", n => string.Join(" ", drugs.Select(d => $"{d.PooledName}:{d.Targets.Count(n.Graph.Contains)}/{d.Targets.Count}"))));
    }

    /// <summary>
    /// Proximity (closest distance, degree-matched z) of every drug to every pathway on every network:
    /// <see cref="Proximity.ForDrug"/>, whose random streams derive from <paramref name="seed"/> and the (drug, pathway)
    /// names, so rows do not depend on thread count or network order.
    /// </summary>
    /// <param name="networks">The networks (selection order).</param>
    /// <param name="drugs">The drugs.</param>
    /// <param name="pathways">Reactome gene sets (unique names).</param>
    /// <param name="nRandom">Randomisations per pair (≥ 1; the toolbox's 1000).</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="log">Receives the targets and pathway genes absent from each network.</param>
    public static ProximityComputation Compute(IReadOnlyList<SelectionNetwork> networks, IReadOnlyList<DrugTargetEntry> drugs, IReadOnlyList<GeneSet> pathways,
        int nRandom, ulong seed, CountLog log)
    {
        var rows = new List<ProximityRow>();
        var timings = new List<NetworkTiming>();
        foreach (var n in networks)
        {
            var clock = Stopwatch.StartNew();
            var context = ProximityContext.Create(n.Graph);
            double distances = clock.Elapsed.TotalSeconds;
            foreach (var drug in drugs)
                rows.AddRange(Proximity.ForDrug(context, drug.PooledName, drug.Targets, pathways, nRandom, seed, log).Select(r => new ProximityRow(n.Selection.Id, n.Selection.Network, r)));
            timings.Add(new NetworkTiming(n.Selection.Network, context.Bins.Bins.Count, distances, clock.Elapsed.TotalSeconds - distances));
        }
        return new ProximityComputation(rows, timings);
    }

    /// <summary>The schema of proximity.tsv: drug, network, pathway, n_targets_in_network, n_pathway_genes_in_network, d, mean, sd, z.</summary>
    /// <param name="rows">The rows of <see cref="Compute"/>.</param>
    public static TsvTable ProximityTable(IReadOnlyList<ProximityRow> rows) => TsvTable.From(rows,
        ("drug", x => x.Result.Drug), ("network", x => x.Network), ("pathway", x => x.Result.Pathway),
        ("n_targets_in_network", x => x.Result.TargetsInNetwork), ("n_pathway_genes_in_network", x => x.Result.PathwayGenesInNetwork),
        ("d", x => x.Result.D), ("mean", x => x.Result.Mean), ("sd", x => x.Result.Sd), ("z", x => x.Result.Z));

    /// <summary>
    /// For every drug with a column in the authors' table and every network: Spearman rho between our z and theirs over
    /// the pathways both computed, and the overlap of the proximal sets (z ≤ <paramref name="proximalZ"/>).
    /// </summary>
    /// <param name="rows">Our proximities.</param>
    /// <param name="authors">The authors' z table.</param>
    /// <param name="drugs">The drugs (their order is the table's).</param>
    /// <param name="networks">The networks (their order within a drug).</param>
    /// <param name="proximalZ">The proximal cut-off (<see cref="Proximity.ProximalZ"/>).</param>
    public static IReadOnlyList<ProximityAgreement> Agreement(IReadOnlyList<ProximityRow> rows, AuthorsProximityTable authors, IReadOnlyList<DrugTargetEntry> drugs,
        IReadOnlyList<SelectionNetwork> networks, double proximalZ = Proximity.ProximalZ)
    {
        var result = new List<ProximityAgreement>();
        foreach (var drug in drugs)
        {
            if (authors.ColumnFor(drug) is not string column) continue;
            var theirs = authors.Column(column);
            foreach (var n in networks)
            {
                var ours = rows.Where(x => x.Network == n.Selection.Network && x.Result.Drug == drug.PooledName && x.Result.IsComputed).ToDictionary(x => x.Result.Pathway, x => x.Result.Z, StringComparer.Ordinal);
                var shared = ours.Keys.Where(theirs.ContainsKey).Order(StringComparer.Ordinal).ToList();
                double rho = Correlation.Spearman(shared.Select(p => theirs[p]).ToArray(), shared.Select(p => ours[p]).ToArray());
                var overlap = SetOverlap.Of(authors.Pathways.Where(p => theirs[p] <= proximalZ), ours.Where(kv => kv.Value <= proximalZ).Select(kv => kv.Key));
                result.Add(new ProximityAgreement(drug.PooledName, n.Selection.Network, shared.Count, rho, overlap, shared.Select(p => (theirs[p], ours[p])).ToList()));
            }
        }
        return result;
    }

    /// <summary>
    /// The schema of proximity_agreement.tsv: drug, network, pathways compared, spearman_rho and jaccard (rounded to 3
    /// decimals), proximal (authors), proximal (ours), shared.
    /// </summary>
    /// <param name="agreement">What <see cref="Agreement"/> returns.</param>
    public static TsvTable AgreementTable(IReadOnlyList<ProximityAgreement> agreement) => TsvTable.From(agreement,
        ("drug", c => c.Drug), ("network", c => c.Network), ("pathways compared", c => c.Pathways), ("spearman_rho", c => Math.Round(c.Rho, 3)),
        ("proximal (authors)", c => c.Overlap.SizeA), ("proximal (ours)", c => c.Overlap.SizeB), ("shared", c => c.Overlap.Shared), ("jaccard", c => Math.Round(c.Overlap.Jaccard, 3)));

    /// <summary>
    /// The proximal pathways of every drug in every selection of the study, drugs outermost, selections in study order:
    /// an <see cref="SelectionKind.AuthorsTable"/> selection reads the drug's column of the authors' table, a recomputed
    /// one takes our z on its network; pathways with z ≤ <paramref name="proximalZ"/>, closest first (ties in table or
    /// GMT order). A drug without a column in the authors' table has no authors selection.
    /// </summary>
    /// <param name="study">The study (its selections).</param>
    /// <param name="rows">Our proximities.</param>
    /// <param name="authors">The authors' z table.</param>
    /// <param name="drugs">The drugs.</param>
    /// <param name="proximalZ">The proximal cut-off (<see cref="Proximity.ProximalZ"/>, the one-sided 10% normal quantile).</param>
    public static IReadOnlyList<ProximalPathway> ProximalPathways(StudyDefinition study, IReadOnlyList<ProximityRow> rows, AuthorsProximityTable authors,
        IReadOnlyList<DrugTargetEntry> drugs, double proximalZ = Proximity.ProximalZ)
    {
        var result = new List<ProximalPathway>();
        foreach (var drug in drugs)
            foreach (var s in study.Selections)
            {
                if (s.Kind == SelectionKind.AuthorsTable)
                {
                    if (authors.ColumnFor(drug) is not string column) continue;
                    var z = authors.Column(column);
                    result.AddRange(authors.Pathways.Where(p => z[p] <= proximalZ).OrderBy(p => z[p]).Select(p => new ProximalPathway(drug.PooledName, s.Id, s.Network, p, z[p])));
                }
                else
                    result.AddRange(rows.Where(x => x.Selection == s.Id && x.Result.Drug == drug.PooledName && x.Result.IsComputed && x.Result.Z <= proximalZ)
                        .OrderBy(x => x.Result.Z).Select(x => new ProximalPathway(drug.PooledName, s.Id, s.Network, x.Result.Pathway, x.Result.Z)));
            }
        return result;
    }

    /// <summary>For display: per drug and selection, the number of proximal pathways and the closest three (short names).</summary>
    /// <param name="proximal">What <see cref="ProximalPathways"/> returns.</param>
    public static TsvTable ProximalSummary(IReadOnlyList<ProximalPathway> proximal) =>
        TsvTable.From(proximal.GroupBy(p => (p.Drug, p.Selection)).OrderBy(g => g.Key.Drug, StringComparer.Ordinal).ThenBy(g => g.Key.Selection, StringComparer.Ordinal).ToList(),
            ("drug", g => g.Key.Drug), ("selection", g => g.Key.Selection), ("proximal pathways", g => g.Count()),
            ("closest three", g => string.Join(", ", g.OrderBy(p => p.Z).Take(3).Select(p => p.Pathway.Replace("REACTOME_", "")))));

    /// <summary>For display: per network, its degree bins and the seconds for distances and for every drug's proximity.</summary>
    /// <param name="computation">What <see cref="Compute"/> returns.</param>
    public static TsvTable TimingTable(ProximityComputation computation) => TsvTable.From(computation.Timings,
        ("network", t => t.Network), ("degree bins", t => t.DegreeBins), ("distances and bins (s)", t => Math.Round(t.DistanceSeconds, 1)),
        ("proximity, every drug x pathway (s)", t => Math.Round(t.ProximitySeconds, 1)),
        ("rows", t => computation.Rows.Count(r => r.Network == t.Network)),
        ("rows without a gene or target in the network (NaN)", t => computation.Rows.Count(r => r.Network == t.Network && !r.Result.IsComputed)));

    /// <summary>
    /// Recomputes one drug on one network with the same seed and compares row by row with <paramref name="rows"/>: the
    /// determinism check (same seed, byte-identical results).
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="drug">The drug.</param>
    /// <param name="pathways">The gene sets used for <paramref name="rows"/>.</param>
    /// <param name="nRandom">Randomisations used.</param>
    /// <param name="seed">Seed used.</param>
    /// <param name="rows">The rows computed before.</param>
    public static DeterminismCheck Recompute(SelectionNetwork network, DrugTargetEntry drug, IReadOnlyList<GeneSet> pathways, int nRandom, ulong seed,
        IReadOnlyList<ProximityRow> rows)
    {
        var again = Proximity.ForDrug(ProximityContext.Create(network.Graph), drug.PooledName, drug.Targets, pathways, nRandom, seed, CountLog.Silent);
        var before = rows.Where(x => x.Network == network.Selection.Network && x.Result.Drug == drug.PooledName).Select(x => x.Result).ToList();
        return new DeterminismCheck(drug.PooledName, network.Selection.Network, seed, again.Count, again.SequenceEqual(before));
    }
}

/// <summary>The outcome of recomputing one drug on one network with the run's seed.</summary>
/// <param name="Drug">Proximity name.</param>
/// <param name="Network">Network name.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Rows">Rows recomputed.</param>
/// <param name="Identical">True when every row equals the first computation's.</param>
public sealed record DeterminismCheck(string Drug, string Network, ulong Seed, int Rows, bool Identical)
{
    /// <summary>This check as a one-row table; throws when the rows differ (a run that is not reproducible must not pass).</summary>
    /// <exception cref="InvalidOperationException">The recomputed rows differ.</exception>
    public TsvTable Table() => Identical
        ? TsvTable.From([this], ("drug", c => c.Drug), ("network", c => c.Network), ("seed", c => c.Seed), ("rows recomputed", c => c.Rows), ("identical", c => c.Identical ? "yes" : "NO"))
        : throw new InvalidOperationException($"proximity of {Drug} on {Network} is not reproducible with seed {Seed}");
}
