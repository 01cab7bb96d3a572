using System.Globalization;
using System.Text;

namespace OrganoidBiomarkers.Common;

/// <summary>
/// A small immutable table of strings: what every stage writes under output/results and output/stages. Numbers are
/// formatted with the invariant culture and round-trip precision ("R"), so files are byte-identical across machines.
/// </summary>
/// <param name="Columns">Header names, in order.</param>
/// <param name="Rows">Cells, one list per row, each as long as <paramref name="Columns"/>; no cell may hold a tab or newline.</param>
public sealed record TsvTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>
    /// The text of one cell: "" for null, "NA" for NaN, doubles and floats round-trip ("R"), integers and other
    /// <see cref="IFormattable"/> values in the invariant culture, booleans "true"/"false", anything else its ToString().
    /// </summary>
    /// <param name="value">The value to format; infinities are written "Infinity" / "-Infinity".</param>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "NA",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Builds a table from records by selecting each column's value.</summary>
    /// <typeparam name="T">Row record type.</typeparam>
    /// <param name="items">One row each, in output order.</param>
    /// <param name="columns">Header name and value selector of each column; values are formatted by <see cref="Cell"/>.</param>
    public static TsvTable From<T>(IEnumerable<T> items, params (string Column, Func<T, object?> Value)[] columns) =>
        new(columns.Select(c => c.Column).ToArray(),
            items.Select(it => (IReadOnlyList<string>)columns.Select(c => Cell(c.Value(it))).ToArray()).ToArray());

    /// <summary>Writes the table to <paramref name="path"/>, as <see cref="TsvFiles.Write"/>.</summary>
    /// <param name="path">Destination file; its folder is created when missing.</param>
    public void Write(string path) => TsvFiles.Write(path, this);

    /// <summary>Tab-separated text: the header line, then one line per row, each ending in "\n".</summary>
    /// <exception cref="ArgumentException">A cell holds a tab or newline.</exception>
    public string ToTsv()
    {
        var sb = new StringBuilder();
        sb.Append(string.Join('\t', Columns)).Append('\n');
        foreach (var row in Rows)
        {
            foreach (var cell in row)
                if (cell.Contains('\t') || cell.Contains('\n'))
                    throw new ArgumentException($"cell '{cell}' holds a tab or newline");
            sb.Append(string.Join('\t', row)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Position of a header name (ordinal match; the first, if repeated).</summary>
    /// <param name="column">A header name.</param>
    /// <exception cref="ArgumentException">No such column (the message lists the columns there are).</exception>
    public int ColumnIndex(string column) =>
        Columns.ToList().IndexOf(column) is var i and >= 0 ? i : throw new ArgumentException($"no column '{column}' (have: {string.Join(", ", Columns)})");

    /// <summary>One column's cells, in row order.</summary>
    /// <param name="column">A header name.</param>
    /// <exception cref="ArgumentException">No such column.</exception>
    public IEnumerable<string> ColumnValues(string column)
    {
        int i = ColumnIndex(column);
        return Rows.Select(r => r[i]);
    }
}

/// <summary>Reading and writing result tables (the files later stages and the report read).</summary>
public static class TsvFiles
{
    /// <summary>Writes <paramref name="table"/> as UTF-8 without a byte-order mark, "\n" line ends (byte-identical across machines).</summary>
    /// <param name="path">Destination file; its folder is created when missing; an existing file is replaced.</param>
    /// <param name="table">The table; no cell may hold a tab or newline.</param>
    /// <exception cref="ArgumentException">A cell holds a tab or newline.</exception>
    public static void Write(string path, TsvTable table)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, table.ToTsv(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>Reads a table written by <see cref="Write"/>: the first line is the header, every cell is text.</summary>
    /// <param name="path">A tab-separated file with a header line.</param>
    /// <exception cref="InputException">The file is empty, or a line has more or fewer fields than the header (names the line).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static TsvTable Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new InputException(path, 0, "empty table", "rerun the stage that writes it");
        var header = lines[0].Split('\t');
        var rows = new List<IReadOnlyList<string>>();
        for (int i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split('\t');
            if (f.Length != header.Length) throw new InputException(path, i + 1, $"{f.Length} fields where the header has {header.Length}", "rerun the stage that writes it");
            rows.Add(f);
        }
        return new TsvTable(header, rows);
    }
}
