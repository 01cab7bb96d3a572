using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Models;
using OrganoidBiomarkers.Network;
using OrganoidBiomarkers.Study;

namespace OrganoidBiomarkers.Patients;

/// <summary>
/// An arm's baseline models (<see cref="BaselineNames.Retrained"/>), each trained like the main model (same regressor,
/// <see cref="ArmInputs.Train"/>) on another feature set, with what selected it.
/// </summary>
/// <param name="Arm">The arm's inputs.</param>
/// <param name="Models">The trained baseline models by name, in <see cref="BaselineNames.Retrained"/> order.</param>
/// <param name="Targets">The drug's targets (drug_drugTarget.txt).</param>
/// <param name="Neighbours">The first-neighbour selection on the network.</param>
/// <param name="Correlated">The pathways most correlated with the response (as many as the network selection has).</param>
/// <param name="OrganoidPathways">Every pathway the organoids score (the all-pathways baseline's features).</param>
public sealed record ArmBaselines(ArmInputs Arm, IReadOnlyList<(string Name, OrganoidModel Model)> Models, IReadOnlyList<string> Targets,
    FirstNeighbourSelection Neighbours, IReadOnlyList<string> Correlated, int OrganoidPathways)
{
    /// <summary>The network selection's size: the main model's feature count.</summary>
    public int SelectionSize => Arm.MainModel.Biomarkers.Count;

    /// <summary>The baseline model named <paramref name="name"/>.</summary>
    /// <param name="name">One of the retrained baselines' names (<see cref="BaselineNames"/>).</param>
    /// <exception cref="InvalidOperationException">No model, or several, of that name.</exception>
    public OrganoidModel Model(string name) => Models.Single(m => m.Name == name).Model;
}

/// <summary>One split of baselines.tsv: a baseline's model split on an analysis unit's treated (or control) patients.</summary>
/// <param name="Baseline">The baseline (<see cref="BaselineNames"/>).</param>
/// <param name="Unit">The analysis unit.</param>
/// <param name="Patients">The patients split: the unit's treated patients, or its control for the negative control.</param>
/// <param name="Features">Features of the model.</param>
/// <param name="Outcome">The split and comparison.</param>
/// <param name="Row">The row written to baselines.tsv.</param>
public sealed record BaselineRun(string Baseline, AnalysisUnit Unit, ValidationUnit Patients, int Features, ValidationOutcome Outcome, BaselineRow Row);

/// <summary>
/// The baselines the paper's network selection is compared with (Kong et al. 2020, Fig. 5 and Supplementary Fig. 8,
/// widened): the negative control (the main model on untreated patients), models trained on all pathways, on the
/// drug targets' first network neighbours' pathways, and on the pathways most correlated with the organoid response.
/// </summary>
public static class PatientBaselines
{
    /// <summary>
    /// The network the first-neighbour baseline uses: the first of the study's first_neighbour_networks (a recomputed
    /// selection's interactome, largest connected component as <see cref="Interactome.FromEdges(IEnumerable{ValueTuple{string, string}}, CountLog)"/> builds it).
    /// </summary>
    /// <param name="study">The (usable) study; its first first-neighbour network is taken.</param>
    /// <param name="data">Resolves the network file (and, for an Entrez SIF, the Entrez map).</param>
    /// <param name="log">Receives the network's counts.</param>
    /// <exception cref="ArgumentException">The study names no first-neighbour network, or that selection has no network format.</exception>
    public static Interactome FirstNeighbourNetwork(StudyDefinition study, DataStore data, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(data);
        string id = study.FirstNeighbourNetworks.FirstOrDefault() ?? throw new ArgumentException("the study names no first_neighbour_networks");
        var selection = study.Selections.Single(s => s.Id == id);
        return selection.Format switch
        {
            NetworkFormat.EdgeTable => Interactome.FromEdges(NetworkFiles.ReadEdgeTable(data.PathOf(selection.Input)), log),
            NetworkFormat.EntrezSif => Interactome.FromEdges(NetworkFiles.ReadSif(data.PathOf(selection.Input)),
                GeneIdMaps.ReadEntrezFromRnaseqDb(data.PathOf(PatientExpressionSources.EntrezMapInput), log), log),
            _ => throw new ArgumentException($"selection '{id}' has no network to take first neighbours on"),
        };
    }

    /// <summary>
    /// Trains each arm's baseline models on the organoids: every organoid-scored pathway; the organoid-scored pathways
    /// holding a target or a first neighbour on <paramref name="network"/> (<see cref="BaselineSelection.FirstNeighbourPathways(IReadOnlyCollection{string}, Interactome, IReadOnlyList{GeneSet}, IReadOnlyCollection{string}, Neighbourhood, CountLog)"/>,
    /// targets included); and the network selection's size of pathways most correlated (|Pearson r|) with the response.
    /// </summary>
    /// <param name="arms">The arms' inputs; each baseline uses the arm's main model name.</param>
    /// <param name="organoidScores">The run's organoid pathway scores (an arm's own scores take precedence).</param>
    /// <param name="geneSets">The pathway gene sets.</param>
    /// <param name="network">The first-neighbour network (<see cref="FirstNeighbourNetwork"/>).</param>
    /// <param name="drugTargets">The drug-target table; each arm's target row must be in it.</param>
    /// <param name="log">Receives the selections' counts.</param>
    public static IReadOnlyList<ArmBaselines> Train(IReadOnlyList<ArmInputs> arms, PathwayScores organoidScores, IReadOnlyList<GeneSet> geneSets,
        Interactome network, IReadOnlyList<DrugTargetEntry> drugTargets, CountLog log)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(organoidScores);
        return arms.Select(a =>
        {
            // The arm's own training collection's scores (a connected run trains cisplatin on the bladder organoids).
            var scores = a.ScoresOr(organoidScores);
            var pathways = scores.Pathways.ToList();
            int size = a.MainModel.Biomarkers.Count;
            var targets = DrugTargets.Find(drugTargets, a.Arm.Drug.TargetRow).Targets;
            var neighbours = BaselineSelection.FirstNeighbourPathways(targets, network, geneSets, pathways, Neighbourhood.TargetsAndNeighbours, log);
            var correlated = BaselineSelection.ByResponseCorrelation(scores, a.Response, pathways, size);
            string model = a.MainModel.Model;
            var models = new List<(string, OrganoidModel)>
            {
                (BaselineNames.AllPathways, a.Train(scores, pathways, model)),
                (BaselineNames.FirstNeighbours, a.Train(scores, neighbours.Pathways, model)),
                (BaselineNames.Correlation, a.Train(scores, correlated, model)),
            };
            return new ArmBaselines(a, models, targets, neighbours, correlated, pathways.Count);
        }).ToList();
    }

    /// <summary>What each arm's baseline feature sets are and how they overlap the network selection (a display table).</summary>
    /// <param name="baselines">The arms' baselines (<see cref="Train"/>).</param>
    public static TsvTable Summary(IReadOnlyList<ArmBaselines> baselines)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        return TsvTable.From(baselines,
            ("arm", b => b.Arm.Arm.Drug.Label), ("network selection", b => b.SelectionSize), ("targets", b => string.Join(", ", b.Targets)),
            ("targets in network", b => b.Neighbours.TargetsInNetwork.Count), ("genes at distance <= 1", b => b.Neighbours.NeighbourhoodGenes.Count),
            ("first-neighbour pathways", b => b.Neighbours.Pathways.Count), ("of them network-selected", b => Shared(b, b.Neighbours.Pathways)),
            ("correlation top", b => b.Correlated.Count), ("of them network-selected ", b => Shared(b, b.Correlated)),
            ("all pathways", b => b.OrganoidPathways));
    }

    private static int Shared(ArmBaselines b, IEnumerable<string> pathways) =>
        pathways.Intersect(b.Arm.MainModel.Biomarkers.Select(x => x.Name), StringComparer.Ordinal).Count();

    /// <summary>
    /// Every baseline split of the units in <paramref name="mode"/> (unit order, then k = 1..<paramref name="maxK"/>):
    /// the network selection (the main model), the negative control when the unit has one, then the retrained baselines.
    /// </summary>
    /// <param name="baselines">The arms' baselines; every unit's arm must have one.</param>
    /// <param name="units">The analysis units; those of other gene-set conventions are skipped.</param>
    /// <param name="mode">The gene-set convention of the run.</param>
    /// <param name="maxK">Largest number of top biomarkers, &gt;= 1 (default <see cref="ValidationGrid.MaxK"/>).</param>
    public static IReadOnlyList<BaselineRun> Evaluate(IReadOnlyList<ArmBaselines> baselines, IReadOnlyList<AnalysisUnit> units, string mode, int maxK = ValidationGrid.MaxK)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        ArgumentNullException.ThrowIfNull(units);
        var runs = new List<BaselineRun>();
        foreach (var unit in units.Where(u => u.Mode == mode))
        {
            var b = baselines.Single(x => x.Arm.Arm.Id == unit.Arm.Id);
            var main = b.Arm.MainModel;
            BaselineRun Run(string name, ValidationUnit who, IReadOnlyList<RankedBiomarker> ranked, int features, int k)
            {
                var outcome = SurvivalValidation.Evaluate(ranked, k, who);
                var row = new BaselineRow(name, SplitSummary.Of(who, mode, main.Model, outcome, b.Arm.TrainingLabel), features);
                return new BaselineRun(name, unit, who, features, outcome, row);
            }
            for (int k = 1; k <= maxK; k++)
            {
                runs.Add(Run(BaselineNames.Network, unit.Treated, main.Biomarkers, main.Biomarkers.Count, k));
                if (unit.Control is not null) runs.Add(Run(BaselineNames.NegativeControl, unit.Control, main.Biomarkers, main.Biomarkers.Count, k));
                foreach (var (name, model) in b.Models) runs.Add(Run(name, unit.Treated, model.Ranking, model.Features.Count, k));
            }
        }
        return runs;
    }
}
