using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// One random-set null (<see cref="RandomSetBaseline.Run"/>) shared by the units of an arm whose sources score the same
/// pool of pathways: the same random sets and retrained models, split on each unit's patients.
/// </summary>
/// <param name="Arm">The arm's inputs.</param>
/// <param name="Units">The units split, in unit order (index u of <see cref="RandomSetNull"/>).</param>
/// <param name="Sources">The units' expression sources, distinct, ordinal, joined by '+' (part of the random stream's name).</param>
/// <param name="Null">The null statistics.</param>
public sealed record RandomSetGroup(ArmInputs Arm, IReadOnlyList<AnalysisUnit> Units, string Sources, RandomSetNull Null);

/// <summary>The network selection's split of one unit at one k against its random-set null.</summary>
/// <param name="Group">The null it was compared with.</param>
/// <param name="Unit">The unit.</param>
/// <param name="K">k.</param>
/// <param name="Observed">The network selection's log-rank chi-square (NaN when undefined).</param>
/// <param name="ObservedSigned">Its signed root.</param>
/// <param name="Defined">Random sets with a defined chi-square.</param>
/// <param name="P">Two-sided empirical p (<see cref="RandomPathwaySets.EmpiricalP"/>); NaN when undefined.</param>
/// <param name="PDirectional">Directional empirical p of the signed root.</param>
/// <param name="Network">The network selection's baseline run at this unit and k.</param>
public sealed record RandomSetComparison(RandomSetGroup Group, AnalysisUnit Unit, int K, double Observed, double ObservedSigned, int Defined,
    double P, double PDirectional, BaselineRun Network)
{
    /// <summary>The defined random-set chi-squares this comparison ranked the observed one among, in draw order.</summary>
    public IReadOnlyList<double> NullChiSquares => Group.Null.ChiSquares(Group.Units.ToList().IndexOf(Unit), K);

    /// <summary>The baselines.tsv row (baseline random_sets; the split is the network selection's).</summary>
    public BaselineRow Row => new(BaselineNames.RandomSets, Network.Row.Split, Group.Null.SetSize, Defined, P, PDirectional);
}

/// <summary>
/// The random-set baseline of every unit: random pathway sets of the network selection's size from the pathways
/// scored both in the organoids and in the unit's source, each retrained with the main model's regressor and split
/// like the main result; the network selection's statistic is ranked among them (empirical p).
/// </summary>
public static class RandomSetRun
{
    /// <summary>
    /// Groups the units in <paramref name="mode"/> by arm and pool (units whose sources score the same organoid
    /// pathways share one null), ordered by drug then pool (ordinal), and runs <paramref name="draws"/> random sets for
    /// each with the stream <c>Rng.ForStream(seed, "stage05", "random-sets", drug, sources, "draw", d)</c>.
    /// </summary>
    /// <param name="arms">The arms' inputs.</param>
    /// <param name="units">The analysis units.</param>
    /// <param name="scores">Patient pathway scores of every source.</param>
    /// <param name="organoidScores">The organoid scores (stage 04).</param>
    /// <param name="mode">The gene-set convention.</param>
    /// <param name="draws">Random sets per group, ≥ 1 (the pipeline's default 1000).</param>
    /// <param name="seed">The run seed.</param>
    /// <param name="maxK">Largest k.</param>
    public static IReadOnlyList<RandomSetGroup> Run(IReadOnlyList<ArmInputs> arms, IReadOnlyList<AnalysisUnit> units, IReadOnlyList<SourcePathwayScores> scores,
        PathwayScores organoidScores, string mode, int draws, ulong seed, int maxK = ValidationGrid.MaxK)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(organoidScores);
        // Each arm's own training collection's scores (a connected run trains cisplatin on the bladder organoids).
        PathwayScores OrganoidScoresOf(AnalysisUnit u) => arms.Single(a => a.Arm.Id == u.Arm.Id).ScoresOr(organoidScores);
        var groups = units.Where(u => u.Mode == mode)
            .Select(u => (Unit: u, Pool: OrganoidScoresOf(u).Pathways.Where(p => scores.Single(s => s.Source == u.ExpressionSource && s.Mode == mode).Nes.PathwayIndex(p) >= 0).ToList()))
            .GroupBy(x => (Drug: x.Unit.Arm.Drug.TargetRow, Pool: string.Join("\n", x.Pool)))
            .OrderBy(g => g.Key.Drug, StringComparer.Ordinal).ThenBy(g => g.Key.Pool, StringComparer.Ordinal);
        var result = new List<RandomSetGroup>();
        foreach (var group in groups)
        {
            var list = group.Select(x => x.Unit).ToList();
            var arm = arms.Single(a => a.Arm.Id == list[0].Arm.Id);
            string sources = string.Join("+", list.Select(u => u.ExpressionSource).Distinct().Order(StringComparer.Ordinal));
            var nul = RandomSetBaseline.Run(arm.ScoresOr(organoidScores), arm.Response, arm.MainModel.Model, group.First().Pool, arm.MainModel.Biomarkers.Count,
                list.Select(u => u.Treated).ToList(), maxK, draws, seed, ["stage05", "random-sets", group.Key.Drug, sources]);
            result.Add(new RandomSetGroup(arm, list, sources, nul));
        }
        return result;
    }

    /// <summary>
    /// The network selection's split of every unit and k of every group, ranked among its random sets: empirical p,
    /// two-sided (chi-square) and directional (signed root); NaN when the observed split or every random split is undefined.
    /// </summary>
    /// <param name="groups">The nulls.</param>
    /// <param name="baselines">The baseline runs, which hold the network selection's split of each unit and k.</param>
    public static IReadOnlyList<RandomSetComparison> Compare(IReadOnlyList<RandomSetGroup> groups, IReadOnlyList<BaselineRun> baselines)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(baselines);
        var rows = new List<RandomSetComparison>();
        foreach (var g in groups)
            for (int u = 0; u < g.Units.Count; u++)
                for (int k = 1; k <= g.Null.MaxK; k++)
                {
                    var network = baselines.Single(r => r.Baseline == BaselineNames.Network && ReferenceEquals(r.Unit, g.Units[u]) && r.Outcome.K == k);
                    var chi = g.Null.ChiSquares(u, k);
                    var signed = g.Null.SignedStatistics(u, k);
                    double obs = network.Outcome.Comparison?.LogRankChiSquare ?? double.NaN;
                    bool defined = !double.IsNaN(obs) && chi.Count > 0;
                    rows.Add(new RandomSetComparison(g, g.Units[u], k, obs, network.Outcome.SignedLogRank, chi.Count,
                        defined ? RandomPathwaySets.EmpiricalP(obs, chi) : double.NaN,
                        defined ? RandomPathwaySets.EmpiricalP(network.Outcome.SignedLogRank, signed) : double.NaN, network));
                }
        return rows;
    }

    /// <summary>The groups as a display table (arm, sources, draws, set size, pool, units).</summary>
    /// <param name="groups">The random-set groups of the run.</param>
    public static TsvTable Summary(IReadOnlyList<RandomSetGroup> groups) => TsvTable.From(groups,
        ("arm", g => g.Arm.Arm.Drug.Label), ("sources", g => g.Sources), ("random sets", g => g.Null.Draws), ("set size", g => g.Null.SetSize),
        ("pool (scored in organoids and source)", g => g.Null.PoolSize), ("units", g => g.Units.Count));
}
