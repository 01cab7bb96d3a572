using System.Globalization;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>A sets x samples table of scores as a reference tool wrote it.</summary>
internal sealed record ScoreTable(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, double[,] Values)
{
    public int RowIndex(string name) => Rows.ToList().IndexOf(name);
}

/// <summary>
/// Test-only readers for the reference files of the ssGSEA tests: gseapy's "gseapy.samples.{raw,normalized}.es.txt"
/// (lines starting with '#', then a "Term|ES" header), GSVA golden tables, and the expression inputs (gene column,
/// optionally a DESCRIPTION column, then numeric sample columns). The lead owns the general readers in lib/Data.
/// </summary>
internal static class ScoreTables
{
    public static ScoreTable Read(string path)
    {
        var lines = File.ReadLines(path).Where(l => !l.StartsWith('#') && l.Length > 0).ToList();
        var header = lines[0].Split('\t');
        var rows = new List<string>();
        var values = new double[lines.Count - 1, header.Length - 1];
        for (int i = 1; i < lines.Count; i++)
        {
            var f = lines[i].Split('\t');
            if (f.Length != header.Length) throw new FormatException($"{path}:{i + 1}: {f.Length} fields, header has {header.Length}");
            rows.Add(f[0]);
            for (int j = 1; j < f.Length; j++) values[i - 1, j - 1] = double.Parse(f[j].Trim(), CultureInfo.InvariantCulture);
        }
        return new ScoreTable(rows, header.Skip(1).ToArray(), values);
    }

    /// <summary>An expression table: first column genes; a column named DESCRIPTION (gseapy input) is skipped.</summary>
    public static ExpressionMatrix ReadExpression(string path)
    {
        var lines = File.ReadLines(path).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split('\t');
        var sampleCols = Enumerable.Range(1, header.Length - 1).Where(j => header[j] != "DESCRIPTION").ToArray();
        var genes = new List<string>();
        var values = new double[lines.Count - 1, sampleCols.Length];
        for (int i = 1; i < lines.Count; i++)
        {
            var f = lines[i].Split('\t');
            genes.Add(f[0]);
            for (int j = 0; j < sampleCols.Length; j++) values[i - 1, j] = double.Parse(f[sampleCols[j]], CultureInfo.InvariantCulture);
        }
        return new ExpressionMatrix(genes, sampleCols.Select(j => header[j]).ToArray(), values);
    }
}
