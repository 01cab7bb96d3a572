using Microsoft.Data.Analysis;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Pipeline;

/// <summary>
/// A run's tables as data frames, for the "explore" cell that ends each notebook: one call loads a result file with
/// typed columns (<see cref="TableFrames"/>), the next line filters or sorts it, e.g.
/// <c>Explore.Where(Explore.Results(run, "validation.tsv"), "logrank_p", p =&gt; p &lt; 0.05).OrderBy("logrank_p")</c>.
/// Use <see cref="Where{T}"/> rather than the package's <c>ElementwiseLessThan</c> for such filters: in
/// Microsoft.Data.Analysis 0.23.1 a null compares as 0, so <c>v.Filter(v["logrank_p"].ElementwiseLessThan(0.05))</c>
/// keeps the rows whose p is missing. Reading only: nothing here writes a file.
/// </summary>
public static class Explore
{
    /// <summary>output/results/<paramref name="file"/> (e.g. "validation.tsv") as a data frame.</summary>
    /// <param name="run">The run whose output folder is read.</param>
    /// <param name="file">A bare file name (no folder, no "..").</param>
    /// <exception cref="ArgumentException"><paramref name="file"/> is not a bare file name.</exception>
    /// <exception cref="InputException">The file does not exist (the fix says which stage to run) or is malformed.</exception>
    public static DataFrame Results(RunContext run, string file)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Read(Path.Combine(run.OutputDir, "results", CheckName(file)), "run the pipeline first (scripts/run-pipeline), or the stage that writes it");
    }

    /// <summary>output/stages/NN/<paramref name="file"/> (what stage <paramref name="stage"/>, 1..99, hands on) as a data frame.</summary>
    /// <param name="run">The run whose output folder is read.</param>
    /// <param name="stage">Stage number, 1 &lt;= stage &lt;= 99 (4 reads stages/04/).</param>
    /// <param name="file">A bare file name, e.g. "models.tsv".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is outside 1..99.</exception>
    /// <exception cref="ArgumentException"><paramref name="file"/> is not a bare file name.</exception>
    /// <exception cref="InputException">The file does not exist (the fix names the stage to run) or is malformed.</exception>
    public static DataFrame Stage(RunContext run, int stage, string file)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (stage is < 1 or > 99) throw new ArgumentOutOfRangeException(nameof(stage), stage, "stage must be in 1..99");
        string nn = stage.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
        return Read(Path.Combine(run.OutputDir, "stages", nn, CheckName(file)), $"run stage {nn} first (scripts/run-pipeline --only {nn})");
    }

    /// <summary>A table in memory (e.g. one a notebook just built) as a data frame.</summary>
    /// <param name="table">A table with unique column names.</param>
    /// <exception cref="ArgumentException">A column name appears twice.</exception>
    public static DataFrame Table(TsvTable table) => TableFrames.ToDataFrame(table);

    /// <summary>
    /// The named <paramref name="columns"/> of <paramref name="frame"/>, in the order given (copies: the frame is not
    /// changed), so a wide table (validation.tsv has 25 columns) shows what a question needs. A name ending in '*' takes
    /// every column starting with what precedes it, one starting with '*' every column ending with what follows, in the
    /// frame's order (e.g. "in_*": each arm's training flag; "*_median_ln_ic50": each arm's response).
    /// </summary>
    /// <exception cref="ArgumentException">A name (or prefix) that matches no column, naming the columns there are.</exception>
    public static DataFrame Select(DataFrame frame, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0) throw new ArgumentException("name at least one column", nameof(columns));
        var names = frame.Columns.Select(c => c.Name).ToArray();
        var picked = new List<string>();
        foreach (var c in columns)
        {
            var matches = c.EndsWith('*') ? names.Where(n => n.StartsWith(c[..^1], StringComparison.Ordinal)).ToArray()
                : c.StartsWith('*') ? names.Where(n => n.EndsWith(c[1..], StringComparison.Ordinal)).ToArray()
                : names.Where(n => n == c).ToArray();
            if (matches.Length == 0) throw new ArgumentException($"no column '{c}' (have: {string.Join(", ", names)})", nameof(columns));
            picked.AddRange(matches.Where(m => !picked.Contains(m, StringComparer.Ordinal)));
        }
        return new DataFrame(picked.Select(n => frame[n].Clone()));
    }

    /// <summary>
    /// The rows of <paramref name="frame"/> whose <paramref name="column"/> has a value (not null) for which
    /// <paramref name="keep"/> is true, in their order. <typeparamref name="T"/> is the column's type (double, int,
    /// bool or string, as <see cref="TableFrames"/> typed it).
    /// </summary>
    /// <typeparam name="T">The column's element type.</typeparam>
    /// <param name="frame">The frame to filter (left unchanged).</param>
    /// <param name="column">A column name (ordinal match).</param>
    /// <param name="keep">The condition a kept row's value meets; never called with null.</param>
    /// <exception cref="ArgumentException">No such column, or its type is not <typeparamref name="T"/> (the message says which type to write).</exception>
    public static DataFrame Where<T>(DataFrame frame, string column, Func<T, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(keep);
        var col = ColumnOf(frame, column);
        if (col.DataType != typeof(T))
            throw new ArgumentException($"column '{column}' holds {TypeName(col.DataType)}, not {TypeName(typeof(T))}: write (({TypeName(col.DataType)} v) => ...)", nameof(keep));
        return Filter(frame, i => col[i] is T value && keep(value));
    }

    /// <summary>
    /// <see cref="Where{T}"/> for a numeric column (double or int, compared as double), so a notebook writes
    /// <c>Explore.Where(v, "logrank_p", p =&gt; p &lt; 0.05)</c> without naming the type.
    /// </summary>
    /// <param name="frame">The frame to filter (left unchanged).</param>
    /// <param name="column">A double or int column.</param>
    /// <param name="keep">The condition a kept row's value meets; rows with a null value are dropped.</param>
    /// <exception cref="ArgumentException">No such column, or it holds neither doubles nor ints.</exception>
    public static DataFrame Where(DataFrame frame, string column, Func<double, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(keep);
        var col = ColumnOf(frame, column);
        if (col.DataType == typeof(int)) return Filter(frame, i => col[i] is int v && keep(v));
        if (col.DataType == typeof(double)) return Filter(frame, i => col[i] is double v && keep(v));
        throw new ArgumentException($"column '{column}' holds {TypeName(col.DataType)}, not numbers: write (({TypeName(col.DataType)} v) => ...)", nameof(keep));
    }

    private static DataFrame Filter(DataFrame frame, Func<long, bool> keep)
    {
        var mask = new BooleanDataFrameColumn("keep", frame.Rows.Count);
        for (long i = 0; i < frame.Rows.Count; i++) mask[i] = keep(i);
        return frame.Filter(mask);
    }

    private static string TypeName(Type t) => t == typeof(double) ? "double" : t == typeof(int) ? "int" : t == typeof(bool) ? "bool" : t == typeof(string) ? "string" : t.Name;

    private static DataFrame Read(string path, string fix)
    {
        if (!File.Exists(path)) throw new InputException(path, 0, "file not found", fix);
        return TableFrames.ToDataFrame(TsvFiles.Read(path));
    }

    private static string CheckName(string file)
    {
        if (string.IsNullOrWhiteSpace(file) || file.Contains('/') || file.Contains('\\') || file.Contains(".."))
            throw new ArgumentException($"'{file}' is not a file name (e.g. \"validation.tsv\")", nameof(file));
        return file;
    }

    /// <summary>The column named <paramref name="column"/> (ordinal), or an error listing the frame's columns.</summary>
    private static DataFrameColumn ColumnOf(DataFrame frame, string column)
    {
        var names = frame.Columns.Select(c => c.Name).ToArray();
        if (!names.Contains(column, StringComparer.Ordinal))
            throw new ArgumentException($"no column '{column}' (have: {string.Join(", ", names)})", nameof(column));
        return frame[column];
    }
}
