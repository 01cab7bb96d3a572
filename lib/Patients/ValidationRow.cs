using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Patients;

/// <summary>One row of output/results/validation.tsv: a split of the validation grid (<see cref="ValidationGrid"/>).</summary>
/// <param name="Split">The split and its survival comparison (n_treated = treated patients split).</param>
/// <param name="Selection">The model's proximal-pathway selection (stage 03).</param>
/// <param name="Main">True for the pre-specified main setting of its arm (one row per arm).</param>
public sealed record ValidationRow(SplitSummary Split, string Selection, bool Main)
{
    /// <summary>validation.tsv's columns, in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. SplitSummary.Columns("n_treated"), "selection", "main"];

    /// <summary>The rows as validation.tsv (cells as <see cref="TsvTable.Cell"/> formats them).</summary>
    /// <param name="rows">The rows, written in the order given.</param>
    public static TsvTable Table(IEnumerable<ValidationRow> rows) =>
        new(Columns, rows.Select(r => (IReadOnlyList<string>)[.. r.Split.Cells(), r.Selection, TsvTable.Cell(r.Main)]).ToArray());

    /// <summary>Reads rows back from a table with <see cref="Columns"/> (e.g. stage 05's copy of validation.tsv); bit-exact numbers.</summary>
    /// <param name="table">The table as read.</param>
    /// <param name="path">The file it was read from, for error messages.</param>
    /// <exception cref="InputException">Other columns, or a cell that does not parse (names the file, line and column).</exception>
    public static IReadOnlyList<ValidationRow> Parse(TsvTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableCells.RequireColumns(table, Columns, path, "05");
        return TableCells.Rows(table, path, "05").Select(c => new ValidationRow(SplitSummary.Read(c, 0), c.Text(23), c.Bool(24))).ToArray();
    }
}

/// <summary>
/// One row of output/results/baselines.tsv: the same split for another feature set or other patients
/// (<see cref="BaselineNames"/>), with the random-set empirical p-values on <see cref="BaselineNames.RandomSets"/> rows.
/// </summary>
/// <param name="Baseline">Which baseline (<see cref="BaselineNames"/>).</param>
/// <param name="Split">The split (n_patients: untreated patients for the negative control).</param>
/// <param name="Features">Features of the model that made the split (the random sets' size for random_sets rows).</param>
/// <param name="RandomDraws">Random sets with a defined statistic (random_sets rows only).</param>
/// <param name="RandomP">Two-sided empirical p of the network selection among the random sets (NaN when undefined).</param>
/// <param name="RandomPDirectional">Directional empirical p (the paper's direction).</param>
public sealed record BaselineRow(string Baseline, SplitSummary Split, int Features, int? RandomDraws = null, double? RandomP = null, double? RandomPDirectional = null)
{
    /// <summary>baselines.tsv's columns, in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["baseline", .. SplitSummary.Columns("n_patients"), "n_features", "random_draws", "random_empirical_p", "random_empirical_p_directional"];

    /// <summary>The rows as baselines.tsv.</summary>
    /// <param name="rows">The rows, written in the order given.</param>
    public static TsvTable Table(IEnumerable<BaselineRow> rows) =>
        new(Columns, rows.Select(r => (IReadOnlyList<string>)[r.Baseline, .. r.Split.Cells(), TsvTable.Cell(r.Features), TsvTable.Cell(r.RandomDraws),
            TsvTable.Cell(r.RandomP), TsvTable.Cell(r.RandomPDirectional)]).ToArray());

    /// <summary>Reads rows back from a table with <see cref="Columns"/>; bit-exact numbers.</summary>
    /// <param name="table">The table as read.</param>
    /// <param name="path">The file it was read from, for error messages.</param>
    /// <exception cref="InputException">Other columns, or a cell that does not parse (names the file, line and column).</exception>
    public static IReadOnlyList<BaselineRow> Parse(TsvTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableCells.RequireColumns(table, Columns, path, "05");
        return TableCells.Rows(table, path, "05").Select(c => new BaselineRow(c.Text(0), SplitSummary.Read(c, 1), c.Int(24),
            c.OptionalInt(25), c.OptionalNumber(26), c.OptionalNumber(27))).ToArray();
    }
}

/// <summary>The names baselines.tsv gives its rows.</summary>
public static class BaselineNames
{
    /// <summary>The network selection itself (the main model) on the same patients: what the others are compared with.</summary>
    public const string Network = "network";
    /// <summary>The main model's split of patients of the same cancer not treated with the drug.</summary>
    public const string NegativeControl = "negative_control";
    /// <summary>A model trained on every pathway the organoids score.</summary>
    public const string AllPathways = "all_pathways";
    /// <summary>A model trained on the pathways holding a drug target or a first network neighbour.</summary>
    public const string FirstNeighbours = "first_neighbours";
    /// <summary>A model trained on the pathways most correlated with the organoid response.</summary>
    public const string Correlation = "correlation";
    /// <summary>Random pathway sets of the network selection's size (empirical p).</summary>
    public const string RandomSets = "random_sets";

    /// <summary>The baselines that train their own model, in table order.</summary>
    public static IReadOnlyList<string> Retrained { get; } = [AllPathways, FirstNeighbours, Correlation];
}
