using System.Globalization;
using Microsoft.Data.Analysis;

namespace OrganoidBiomarkers.Common;

/// <summary>
/// Result tables as <see cref="DataFrame"/>s (Microsoft.Data.Analysis) for a reader to filter, sort and group in the
/// next notebook cell, with typed columns: each column takes the narrowest type every non-missing cell parses as
/// (invariant culture), in this order: <c>bool</c> ("true"/"false"), <c>int</c> (integers in Int32 range, no decimal
/// point), <c>double</c> (including "Infinity"), else <c>string</c>. Missing cells ("" and "NA", the invariant writer's
/// NaN; also "NaN") become nulls, never strings; a column with no value at all is a double column of nulls. Files on
/// disk are still written by <see cref="TsvTable"/> (round-trip invariant formatting), not by DataFrame's CSV writer.
/// </summary>
public static class TableFrames
{
    /// <summary>The cells read as missing.</summary>
    public static IReadOnlyList<string> MissingCells { get; } = Array.AsReadOnly(new[] { "", "NA", "NaN" });

    /// <summary>The column type <see cref="ToDataFrame"/> gives a column of these cells.</summary>
    /// <param name="cells">A column's cells as written by <see cref="TsvTable"/>.</param>
    /// <returns><c>typeof(bool)</c>, <c>typeof(int)</c>, <c>typeof(double)</c> (also when every cell is missing) or <c>typeof(string)</c>.</returns>
    public static Type ColumnType(IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var present = cells.Where(c => !IsMissing(c)).ToArray();
        if (present.Length == 0) return typeof(double);
        if (present.All(c => c is "true" or "false")) return typeof(bool);
        if (present.All(c => int.TryParse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))) return typeof(int);
        if (present.All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _))) return typeof(double);
        return typeof(string);
    }

    /// <summary>The table as a data frame with typed columns, in the table's column and row order.</summary>
    /// <param name="table">A table with unique column names.</param>
    /// <exception cref="ArgumentException">A column name appears twice.</exception>
    public static DataFrame ToDataFrame(TsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var duplicate = table.Columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"column '{duplicate.Key}' appears twice: a data frame needs unique column names", nameof(table));
        var columns = new List<DataFrameColumn>(table.Columns.Count);
        for (int j = 0; j < table.Columns.Count; j++)
        {
            string name = table.Columns[j];
            var cells = table.Rows.Select(r => r[j]).ToArray();
            var type = ColumnType(cells);
            columns.Add(type == typeof(bool) ? new BooleanDataFrameColumn(name, cells.Select(c => IsMissing(c) ? (bool?)null : c == "true"))
                : type == typeof(int) ? new Int32DataFrameColumn(name, cells.Select(c => IsMissing(c) ? (int?)null : int.Parse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)))
                : type == typeof(double) ? new DoubleDataFrameColumn(name, cells.Select(c => IsMissing(c) ? (double?)null : double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture)))
                : new StringDataFrameColumn(name, cells.Select(c => IsMissing(c) ? null : c)));
        }
        return new DataFrame(columns);
    }

    private static bool IsMissing(string cell) => cell is "" or "NA" or "NaN";
}
