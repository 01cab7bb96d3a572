using System.Text.Json;

namespace OrganoidBiomarkers.Tests.Models;

/// <summary>Reads Golden/models/models_golden.json (written by make_golden.py beside it, scikit-learn 1.2.1).</summary>
internal static class ModelsGolden
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(TestPaths.Golden("models", "models_golden.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    public static IEnumerable<JsonElement> Cases(string section) => Root.GetProperty(section).EnumerateArray();

    public static JsonElement Case(string section, string name) =>
        Cases(section).Single(c => c.GetProperty("case").GetString() == name);

    public static double[] Vec(this JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static int[] Ints(this JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();

    public static double Num(this JsonElement e, string name) => e.GetProperty(name).GetDouble();

    public static double[,] Mat(this JsonElement e, string name)
    {
        var rows = e.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var m = new double[rows.Length, rows.Length == 0 ? 0 : rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows[i].Length; j++) m[i, j] = rows[i][j];
        return m;
    }
}

/// <summary>Element-wise comparisons with a stated tolerance (absolute, plus relative to the expected magnitude).</summary>
internal static class Close
{
    public static void Equal(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Xunit.Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Equal(expected[i], actual[i], tolerance, $"{what}[{i}]");
    }

    public static void Equal(double expected, double actual, double tolerance, string what)
    {
        double err = Math.Abs(expected - actual);
        if (!(err <= tolerance * Math.Max(1.0, Math.Abs(expected))))
            Xunit.Assert.Fail($"{what}: expected {expected:R}, got {actual:R} (|diff| {err:E2} > tolerance {tolerance:E0})");
    }

    public static void Equal(double[,] expected, double[,] actual, double tolerance, string what)
    {
        Xunit.Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Xunit.Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (int i = 0; i < expected.GetLength(0); i++)
            for (int j = 0; j < expected.GetLength(1); j++)
                Equal(expected[i, j], actual[i, j], tolerance, $"{what}[{i},{j}]");
    }

    public static double MaxAbsDiff(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        a.Zip(b, (u, v) => Math.Abs(u - v)).DefaultIfEmpty(0).Max();
}
