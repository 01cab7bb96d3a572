using System.Globalization;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Models;

namespace OrganoidBiomarkers.Patients;

/// <summary>One split of the validation grid: an analysis unit, a stage-04 model and k, with its outcome and its validation.tsv row.</summary>
/// <param name="Arm">The arm's inputs.</param>
/// <param name="Unit">The analysis unit.</param>
/// <param name="Model">The model.</param>
/// <param name="Outcome">The split and survival comparison (<see cref="SurvivalValidation.Evaluate"/>).</param>
/// <param name="Row">The row written to validation.tsv.</param>
public sealed record ValidationRun(ArmInputs Arm, AnalysisUnit Unit, StageModel Model, ValidationOutcome Outcome, ValidationRow Row)
{
    /// <summary>True for the arm's pre-specified main setting.</summary>
    public bool IsMain => Row.Main;
}

/// <summary>
/// The patient validation grid (Kong et al. 2020, Fig. 4-5, widened): every analysis unit x every model of its arm x
/// k = 1..<see cref="MaxK"/>, each split at the median and compared by survival; the arm's pre-specified main setting
/// (data/study.json) is marked before any p-value is seen.
/// </summary>
public static class ValidationGrid
{
    /// <summary>The largest k of the grid: the top 10 biomarkers, as far as the paper's figures go.</summary>
    public const int MaxK = 10;

    /// <summary>
    /// Evaluates every unit (in order) x model of its arm (stage 04's file order) x k = 1..<paramref name="maxK"/>.
    /// </summary>
    /// <param name="arms">The arms' inputs.</param>
    /// <param name="units">The analysis units (<see cref="AnalysisUnits.Build"/>).</param>
    /// <param name="maxK">Largest k, ≥ 1.</param>
    /// <returns>The runs in table order; exactly one per arm is the main setting.</returns>
    /// <exception cref="ArgumentException">An arm without exactly one main run.</exception>
    public static IReadOnlyList<ValidationRun> Evaluate(IReadOnlyList<ArmInputs> arms, IReadOnlyList<AnalysisUnit> units, int maxK = MaxK)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(units);
        if (maxK < 1) throw new ArgumentException($"maxK must be at least 1, got {maxK}", nameof(maxK));
        var mainUnits = arms.ToDictionary(a => a.Arm.Id, a => AnalysisUnits.Main(a.Arm, units), StringComparer.Ordinal);
        var runs = new List<ValidationRun>();
        foreach (var unit in units)
        {
            var primary = arms.Single(a => a.Arm.Id == unit.Arm.Id);
            // The arm's main training set, then its alternatives (labelled sensitivity rows, never main).
            foreach (var arm in primary.WithAlternatives)
                foreach (var m in arm.Models.Where(m => m.Gmt == unit.Mode))
                    for (int k = 1; k <= maxK; k++)
                    {
                        var outcome = SurvivalValidation.Evaluate(m.Biomarkers, k, unit.Treated);
                        bool main = ReferenceEquals(arm, primary) && ReferenceEquals(unit, mainUnits[arm.Arm.Id]) && m == arm.MainModel && k == arm.Arm.Main.K;
                        var row = new ValidationRow(SplitSummary.Of(unit.Treated, unit.Mode, m.Model, outcome, arm.TrainingLabel), m.Selection, main);
                        runs.Add(new ValidationRun(arm, unit, m, outcome, row));
                    }
        }
        foreach (var a in arms)
        {
            int n = runs.Count(r => r.IsMain && r.Arm.Arm.Id == a.Arm.Id);
            if (n != 1) throw new ArgumentException($"arm {a.Arm.Id}: {n} runs with the main setting (k = {a.Arm.Main.K} beyond {maxK}?)");
        }
        return runs;
    }

    /// <summary>The main run of each arm, in the arms' order.</summary>
    /// <param name="arms">The arms' inputs.</param>
    /// <param name="runs">The grid's runs, with exactly one main run per arm.</param>
    /// <exception cref="InvalidOperationException">An arm has no main run, or several.</exception>
    public static IReadOnlyList<ValidationRun> MainRuns(IReadOnlyList<ArmInputs> arms, IReadOnlyList<ValidationRun> runs) =>
        arms.Select(a => runs.Single(r => r.IsMain && r.Arm.Arm.Id == a.Arm.Id)).ToList();

    /// <summary>
    /// The order in which the k grid lists an arm's runs: by cohort (ordinal); the main setting's expression sources
    /// before the others, then by source (ordinal); the main survival source first; the main selection first, then by
    /// selection (ordinal); the main model first, then by model (ordinal); the main training set before alternative ones.
    /// So the first row of each arm is its main setting.
    /// </summary>
    /// <param name="a">A run.</param>
    /// <param name="b">Another run of the same arm.</param>
    /// <returns>Negative when <paramref name="a"/> is listed first, 0 when tied, positive otherwise.</returns>
    public static int CompareForDisplay(ValidationRun a, ValidationRun b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var main = a.Arm.Arm.Main;
        int c = StringComparer.Ordinal.Compare(a.Unit.Analysis.Cohort, b.Unit.Analysis.Cohort);
        if (c == 0) c = MainFirst(a.Unit.ExpressionSource, b.Unit.ExpressionSource, s => main.Expression.Contains(s, StringComparer.Ordinal));
        if (c == 0) c = StringComparer.Ordinal.Compare(a.Unit.ExpressionSource, b.Unit.ExpressionSource);
        if (c == 0) c = MainFirst(a.Unit.Analysis.Survival, b.Unit.Analysis.Survival, s => s == main.Survival);
        if (c == 0) c = MainFirst(a.Model.Selection, b.Model.Selection, s => s == main.Selection);
        if (c == 0) c = StringComparer.Ordinal.Compare(a.Model.Selection, b.Model.Selection);
        if (c == 0) c = MainFirst(a.Model.Model, b.Model.Model, s => s == main.Model);
        if (c == 0) c = (a.Arm.AlternativeTo is null ? 0 : 1).CompareTo(b.Arm.AlternativeTo is null ? 0 : 1);
        if (c == 0) c = StringComparer.Ordinal.Compare(a.Arm.TrainingLabel, b.Arm.TrainingLabel);
        return c;
    }

    private static int MainFirst(string a, string b, Func<string, bool> isMain) => (isMain(a) ? 0 : 1).CompareTo(isMain(b) ? 0 : 1);

    /// <summary>
    /// The k grid of one arm's runs on the given expression sources (one row per unit x selection x model, in
    /// <see cref="CompareForDisplay"/> order; a column per k with the log-rank p, "↓" marking splits in the opposite
    /// direction to the paper's, "NA" where undefined).
    /// </summary>
    /// <param name="runs">The grid's runs (all arms).</param>
    /// <param name="arm">The arm's id.</param>
    /// <param name="expressionSource">Which expression sources to list.</param>
    public static TsvTable KGrid(IReadOnlyList<ValidationRun> runs, string arm, Func<string, bool> expressionSource)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(expressionSource);
        var mine = runs.Where(r => r.Arm.Arm.Id == arm && expressionSource(r.Unit.ExpressionSource)).ToList();
        int maxK = mine.Count == 0 ? MaxK : mine.Max(r => r.Outcome.K);
        var rows = mine.GroupBy(r => (r.Unit, r.Model)).Select(g => g.OrderBy(r => r.Outcome.K).ToList())
            .OrderBy(g => g[0], Comparer<ValidationRun>.Create(CompareForDisplay)).ToList();
        // The training column appears when an alternative training set is in the grid (a connected run's CRC-trained cisplatin).
        bool training = mine.Any(r => r.Arm.AlternativeTo is not null);
        string[] columns = ["drug", "cohort", "expression", "survival", "selection", "model", .. training ? ["training"] : Array.Empty<string>(), "n", "events",
            .. Enumerable.Range(1, maxK).Select(k => $"k={k}")];
        return new TsvTable(columns, rows.Select(g => (IReadOnlyList<string>)[g[0].Arm.Drug, g[0].Unit.Analysis.Cohort, g[0].Unit.ExpressionSource,
            g[0].Unit.Analysis.Survival, g[0].Model.Selection, g[0].Model.Model, .. training ? [g[0].Arm.TrainingLabel] : Array.Empty<string>(),
            TsvTable.Cell(g[0].Unit.Treated.Patients.Count), TsvTable.Cell(g[0].Unit.Treated.Events), .. g.Select(r => PCell(r.Outcome))]).ToArray());
    }

    /// <summary>
    /// Every arm's k grids, for display: the runs on the arm's main expression sources first, then, when the arm has
    /// other sources, the runs on those (<see cref="KGrid"/>).
    /// </summary>
    /// <param name="arms">The arms, in display order.</param>
    /// <param name="runs">The grid's runs (all arms).</param>
    public static IReadOnlyList<TitledGrid> KGrids(IReadOnlyList<ArmInputs> arms, IReadOnlyList<ValidationRun> runs)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var grids = new List<TitledGrid>();
        foreach (var a in arms)
        {
            bool IsMainSource(string source) => a.Arm.Main.Expression.Contains(source);
            grids.Add(new TitledGrid($"{a.Arm.Drug.Label} ({a.TrainingLabel}), main expression source(s):", KGrid(runs, a.Arm.Id, IsMainSource)));
            if (!a.Arm.Expression.All(IsMainSource))
                grids.Add(new TitledGrid($"{a.Arm.Drug.Label}, other sources:", KGrid(runs, a.Arm.Id, s => !IsMainSource(s))));
        }
        return grids;
    }

    /// <summary>"0.123", with "↓" when the split goes in the opposite direction to the paper's; "NA" when undefined.</summary>
    /// <param name="outcome">A split's outcome, or null.</param>
    public static string PCell(ValidationOutcome? outcome) => outcome?.Comparison is null ? "NA"
        : outcome.Comparison.LogRankP.ToString("0.000", CultureInfo.InvariantCulture) + (outcome.SignedLogRank < 0 ? "↓" : "");

    /// <summary>
    /// How many of the grid's defined runs reach log-rank p &lt; 0.05, and how many of those in the paper's direction.
    /// The runs share patients and biomarkers, so the count describes the grid; it is not a test.
    /// </summary>
    /// <param name="runs">The grid's runs.</param>
    public static TsvTable NominalCount(IReadOnlyList<ValidationRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var defined = runs.Where(r => r.Outcome.Comparison is not null).ToList();
        int nominal = defined.Count(r => r.Outcome.Comparison!.LogRankP < 0.05);
        int paper = defined.Count(r => r.Outcome.Comparison!.LogRankP < 0.05 && r.Outcome.SignedLogRank > 0);
        return TsvTable.From([defined.Count], ("runs with a defined test", n => n), ("p < 0.05", _ => nominal),
            ("share", n => n == 0 ? "NA" : (100.0 * nominal / n).ToString("0.0", CultureInfo.InvariantCulture) + "%"),
            ("of them in the paper's direction", _ => paper), ("expected with no effect", _ => "about 5% (2.5% per direction)"));
    }
}

/// <summary>A display table with the line that introduces it.</summary>
/// <param name="Title">What the table shows, e.g. "5-FU (crc_organoids_5fu), main expression source(s):".</param>
/// <param name="Grid">The table.</param>
public sealed record TitledGrid(string Title, TsvTable Grid);
