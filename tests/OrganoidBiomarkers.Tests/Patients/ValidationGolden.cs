using System.Text.Json;

namespace OrganoidBiomarkers.Tests.Patients;

/// <summary>
/// Reads Golden/validation/validation_golden.json, written by make_golden.py beside it (numpy 1.24.2, scipy 1.10.1,
/// networkx 2.8.8) from hand-made and seeded synthetic inputs.
/// </summary>
internal static class ValidationGolden
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(TestPaths.Golden("validation", "validation_golden.json"))));

    public static JsonElement Section(string name) => Doc.Value.RootElement.GetProperty(name);

    public static string[] Strings(this JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    public static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    /// <summary>
    /// Closed-form sums over a dozen values (Pearson r): only the summation order differs from scipy, a few ulps;
    /// 1e-10 still catches any formula slip (e.g. a sample vs population moment changes r in the 2nd digit).
    /// </summary>
    public const double ClosedForm = 1e-10;
}
