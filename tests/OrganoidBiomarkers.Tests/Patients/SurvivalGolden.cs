using System.Globalization;
using OrganoidBiomarkers.Patients;
using Xunit;

namespace OrganoidBiomarkers.Tests.Patients;

/// <summary>Reads the R-made golden tables of Golden/survival (see make_golden.R there).</summary>
internal static class SurvivalGolden
{
    public sealed record Subject(int Group, SurvivalTime Observation, double X2);

    /// <summary>Rows of a golden TSV as column -> cell maps.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string file)
    {
        var lines = File.ReadAllLines(TestPaths.Golden("survival", file));
        var header = lines[0].Split('\t');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => (IReadOnlyDictionary<string, string>)header.Zip(l.Split('\t')).ToDictionary(p => p.First, p => p.Second))
            .ToArray();
    }

    /// <summary>R's NA becomes NaN; Inf and -Inf are infinities.</summary>
    public static double Num(string cell) => cell switch
    {
        "NA" or "NaN" => double.NaN,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(cell, CultureInfo.InvariantCulture),
    };

    public static IReadOnlyList<Subject> Dataset(string name) =>
        Rows("datasets.tsv").Where(r => r["dataset"] == name)
            .Select(r => new Subject(int.Parse(r["group"]), new SurvivalTime(Num(r["time"]), r["status"] == "1"), Num(r["x2"])))
            .ToArray();

    public static IReadOnlyList<string> DatasetNames() =>
        Rows("datasets.tsv").Select(r => r["dataset"]).Distinct().ToArray();

    /// <summary>"all", "g1" or "g2" of a dataset, in file order.</summary>
    public static IReadOnlyList<SurvivalTime> Subset(string dataset, string subset) =>
        Dataset(dataset).Where(s => subset == "all" || s.Group == (subset == "g1" ? 1 : 2)).Select(s => s.Observation).ToArray();

    public static KaplanMeierConfidence ConfType(string r) => r switch
    {
        "log" => KaplanMeierConfidence.Log,
        "log-log" => KaplanMeierConfidence.LogLog,
        "plain" => KaplanMeierConfidence.Plain,
        _ => throw new ArgumentException(r),
    };

    /// <summary>
    /// |actual - expected| &lt;= tol x max(1, |expected|); NaN only matches NaN (R's NA), infinities match exactly.
    /// </summary>
    public static void Close(double expected, double actual, double tol, string what)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.True(expected.Equals(actual), $"{what}: expected {expected}, got {actual}");
            return;
        }
        double err = Math.Abs(actual - expected) / Math.Max(1, Math.Abs(expected));
        Assert.True(err <= tol, $"{what}: expected {expected:R}, got {actual:R} (scaled error {err:E2} > {tol:E0})");
    }
}
