using System.Globalization;
using System.Text;

namespace OrganoidBiomarkers.Common;

/// <summary>
/// A small immutable table of strings: what every stage writes under output/results and output/stages. Numbers are
/// formatted with the invariant culture and round-trip precision ("R"), so files are byte-identical across machines.
/// </summary>
public sealed record TsvTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
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
    public static TsvTable From<T>(IEnumerable<T> items, params (string Column, Func<T, object?> Value)[] columns) =>
        new(columns.Select(c => c.Column).ToArray(),
            items.Select(it => (IReadOnlyList<string>)columns.Select(c => Cell(c.Value(it))).ToArray()).ToArray());

    public void Write(string path) => TsvFiles.Write(path, this);

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

    public int ColumnIndex(string column) =>
        Columns.ToList().IndexOf(column) is var i and >= 0 ? i : throw new ArgumentException($"no column '{column}' (have: {string.Join(", ", Columns)})");

    public IEnumerable<string> ColumnValues(string column)
    {
        int i = ColumnIndex(column);
        return Rows.Select(r => r[i]);
    }
}

/// <summary>Reading and writing result tables (the files later stages and the report read).</summary>
public static class TsvFiles
{
    public static void Write(string path, TsvTable table)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, table.ToTsv(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

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
