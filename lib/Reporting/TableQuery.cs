using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Reporting;

/// <summary>Row lookups in result tables by column values (the report reads results, never a notebook's variables).</summary>
internal static class TableQuery
{
    /// <summary>Rows whose columns equal the given values; a column the table lacks matches nothing.</summary>
    public static IEnumerable<IReadOnlyList<string>> Where(this TsvTable? table, params (string Column, string Value)[] filters)
    {
        if (table is null) return [];
        if (filters.Any(f => !table.Columns.Contains(f.Column))) return [];
        var idx = filters.Select(f => (I: table.ColumnIndex(f.Column), f.Value)).ToArray();
        return table.Rows.Where(r => idx.All(f => r[f.I] == f.Value));
    }

    /// <summary>A cell of a row by column name, or null when the table lacks the column.</summary>
    public static string? Cell(this TsvTable table, IReadOnlyList<string>? row, string column) =>
        row is null || !table.Columns.Contains(column) ? null : row[table.ColumnIndex(column)];
}
